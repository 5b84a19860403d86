/**
 * CSS StopRecordTask (2018-08-01): ends a record task that is scheduled or running and sets its
 * `Stopped` to the stop time. The page lists no "already stopped" code; the sandbox answers a task
 * that has ended or was stopped with `UnsupportedOperation`, and an id it does not know with
 * `InvalidParameter`, both from the page's list.
 */
import { cssTaskRecord, findCssTask } from '../demo/css';
import { STOP_RECORD_TASK } from '../../vendors/tencent/stopActions';
import { documented, type TencentAction } from './action';
import { TencentApiError } from './errors';

export const cssStopRecordTask: TencentAction = {
  ...documented(STOP_RECORD_TASK),
  write: true,
  params: [{ name: 'TaskId', type: 'string', required: true, missing: 'MissingParameter', invalid: 'InvalidParameter' }],
  handle({ app, params, nowMs }) {
    const taskId = params.str('TaskId');
    const ref = findCssTask(app, taskId, nowMs);
    if (!ref) throw new TencentApiError('InvalidParameter', 'The TaskId does not exist.');
    const record = cssTaskRecord(ref, nowMs, app.stops);
    if (record.Stopped > 0 || record.EndTime * 1000 <= nowMs) {
      throw new TencentApiError('UnsupportedOperation', 'The recording task has already ended or been stopped.');
    }
    app.stops.record(taskId, nowMs);
    return {};
  },
};
