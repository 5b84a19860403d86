/**
 * GME StopRecord (2018-07-11): TaskId is a JSON integer above 2^53, read without rounding, so a
 * client that sent it through a double names another task and gets `ResourceNotFound.TaskNotFound`,
 * as does a task that is over. The room shows no task from then on.
 */
import { gmeCurrentTask } from '../demo/gme';
import { GME_STOP_RECORD } from '../../vendors/tencent/stopActions';
import { documented, type TencentAction } from './action';
import { TencentApiError } from './errors';

export const gmeStopRecord: TencentAction = {
  ...documented(GME_STOP_RECORD),
  write: true,
  params: [
    { name: 'TaskId', type: 'u64', required: true, missing: 'MissingParameter', invalid: 'InvalidParameterValue.InvalidTaskId' },
    { name: 'BizId', type: 'integer', required: true, missing: 'MissingParameter', invalid: 'InvalidParameter' },
  ],
  handle({ app, params, nowMs }) {
    if (params.int('BizId') !== app.gmeBizId) throw new TencentApiError('InvalidParameterValue.InvalidBizId', 'Invalid BizId.');
    const taskId = params.u64('TaskId');
    const live = app.gmeRooms.some((room) => gmeCurrentTask(room, nowMs, app.stops)?.taskId === taskId);
    if (!live) throw new TencentApiError('ResourceNotFound.TaskNotFound', 'The task ID does not exist.');
    app.stops.record(taskId.toString(), nowMs);
    return {};
  },
};
