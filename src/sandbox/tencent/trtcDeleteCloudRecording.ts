/**
 * TRTC DeleteCloudRecording (2019-07-22): stops a recording that is starting or running. The task then
 * shows `Exited` for a few seconds and is gone after; stopping it again, or a task that ended by
 * itself or never existed, answers `ResourceNotFound`, the page's one resource-state code.
 */
import { recordingState } from '../demo/trtc';
import { DELETE_CLOUD_RECORDING } from '../../vendors/tencent/stopActions';
import { documented, type TencentAction } from './action';
import { TencentApiError } from './errors';

export const trtcDeleteCloudRecording: TencentAction = {
  ...documented(DELETE_CLOUD_RECORDING),
  write: true,
  params: [
    { name: 'SdkAppId', type: 'integer', required: true, missing: 'MissingParameter.SdkAppId', invalid: 'InvalidParameter.SdkAppId' },
    { name: 'TaskId', type: 'string', required: true, missing: 'MissingParameter.TaskId', invalid: 'InvalidParameter' },
  ],
  handle({ app, params, nowMs }) {
    if (params.int('SdkAppId') !== app.trtcSdkAppId) throw new TencentApiError('InvalidParameter.SdkAppId', 'SdkAppId is incorrect.');
    const taskId = params.str('TaskId');
    const state = recordingState(app, taskId, nowMs);
    if (!state || app.stops.stopTime(taskId, nowMs) !== undefined) {
      throw new TencentApiError('ResourceNotFound', 'The resource does not exist: the recording task is unknown or has ended.');
    }
    app.stops.record(taskId, nowMs);
    return { TaskId: taskId };
  },
};
