/**
 * GME DescribeRecordInfo (2018-07-11): a recording task's files by its u64 TaskId, while the task
 * runs and for a while after (its files transcode and upload), then `ResourceNotFound.TaskNotFound`.
 * A TaskId sent as a JSON string, or rounded by a JS number, is not found: the gateway compares
 * integers.
 */
import { findGmeTask } from '../demo/gme';
import { GME_RECORD_INFO_KEPT_MS, gmeTaskFiles } from '../demo/files';
import { LIVE_RUNNING_MS, LIVE_STARTING_MS } from '../demo/schedule';
import { DESCRIBE_RECORD_INFO } from '../../vendors/tencent/actions';
import { documented, type TencentAction } from './action';
import { TencentApiError } from './errors';

export const gmeDescribeRecordInfo: TencentAction = {
  ...documented(DESCRIBE_RECORD_INFO),
  params: [
    { name: 'TaskId', type: 'u64', required: true, missing: 'MissingParameter', invalid: 'InvalidParameterValue.InvalidTaskId' },
    { name: 'BizId', type: 'integer', required: true, missing: 'MissingParameter', invalid: 'InvalidParameter' },
  ],
  handle({ app, params, nowMs }) {
    if (params.int('BizId') !== app.gmeBizId) throw new TencentApiError('InvalidParameterValue.InvalidBizId', 'Invalid BizId.');
    const found = findGmeTask(app, params.u64('TaskId'), nowMs);
    // A task ended by StopRecord ends its files then too.
    const endMs = found ? Math.min(found.startMs + LIVE_STARTING_MS + LIVE_RUNNING_MS, found.stoppedMs ?? Infinity) : 0;
    if (!found || nowMs > endMs + GME_RECORD_INFO_KEPT_MS) {
      throw new TencentApiError('ResourceNotFound.TaskNotFound', 'The task ID does not exist.');
    }
    return { RecordInfo: gmeTaskFiles(app.gmeBizId, found, endMs, nowMs), RecordMode: found.recordMode, RoomId: found.room.roomId };
  },
};
