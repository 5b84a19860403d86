/**
 * TRTC DescribeCloudRecording (2019-07-22). "Works only when a task is in progress. If the task has
 * already ended when this API is called, an error will be returned." The page does not say which; we
 * answer `ResourceNotFound` ("The resource does not exist"), the one resource-state code the page
 * lists, for ended and unknown tasks alike, as the vendor cannot tell them apart either.
 */
import { recordingState } from '../demo/trtc';
import { DESCRIBE_CLOUD_RECORDING } from '../../vendors/tencent/actions';
import { documented, type TencentAction } from './action';
import { TencentApiError } from './errors';

export const trtcDescribeCloudRecording: TencentAction = {
  ...documented(DESCRIBE_CLOUD_RECORDING),
  params: [
    { name: 'SdkAppId', type: 'integer', required: true, missing: 'MissingParameter.SdkAppId', invalid: 'InvalidParameter.SdkAppId' },
    { name: 'TaskId', type: 'string', required: true, missing: 'MissingParameter.TaskId', invalid: 'InvalidParameter' },
    // Present in the mainland SDK's model only; accepted and ignored.
    { name: 'RecorderKey', type: 'string', required: false, missing: 'MissingParameter', invalid: 'InvalidParameter' },
  ],
  handle({ app, params, nowMs }) {
    if (params.int('SdkAppId') !== app.trtcSdkAppId) throw new TencentApiError('InvalidParameter.SdkAppId', 'SdkAppId is incorrect.');
    const taskId = params.str('TaskId');
    const state = recordingState(app, taskId, nowMs);
    if (!state) throw new TencentApiError('ResourceNotFound', 'The resource does not exist: the recording task is unknown or has ended.');
    return { TaskId: taskId, Status: state.status, StorageFileList: state.files };
  },
};
