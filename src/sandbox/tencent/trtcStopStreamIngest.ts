/**
 * TRTC StopStreamIngest (2019-07-22): stops a relay that is in progress; DescribeStreamIngest then
 * answers `NotExist`. A relay that already ended answers `FailedOperation.TaskFinished` ("task has ended
 * when calling the interface"), an id never issued `InvalidParameter.TaskId`.
 */
import { isKnownTrtcTask, relayStatus } from '../demo/trtc';
import { STOP_STREAM_INGEST } from '../../vendors/tencent/stopActions';
import { documented, type TencentAction } from './action';
import { TencentApiError } from './errors';

export const trtcStopStreamIngest: TencentAction = {
  ...documented(STOP_STREAM_INGEST),
  write: true,
  params: [
    { name: 'SdkAppId', type: 'integer', required: true, missing: 'MissingParameter.SdkAppId', invalid: 'InvalidParameter.SdkAppId' },
    { name: 'TaskId', type: 'string', required: true, missing: 'MissingParameter.TaskId', invalid: 'InvalidParameter.TaskId' },
  ],
  handle({ app, params, nowMs }) {
    if (params.int('SdkAppId') !== app.trtcSdkAppId) throw new TencentApiError('InvalidParameter.SdkAppId', 'SdkAppId is incorrect.');
    const taskId = params.str('TaskId');
    if (!isKnownTrtcTask(app, 'relay', taskId, nowMs)) throw new TencentApiError('InvalidParameter.TaskId', 'TaskId parameter error.');
    if (relayStatus(app, taskId, nowMs) !== 'InProgress')
      throw new TencentApiError('FailedOperation.TaskFinished', 'Task has ended when calling the interface.');
    app.stops.record(taskId, nowMs);
    return {};
  },
};
