/** TRTC DescribeStreamIngest (2019-07-22): a relay task is `InProgress` or, once over or unknown, `NotExist`. */
import { relayStatus } from '../demo/trtc';
import { DESCRIBE_STREAM_INGEST } from '../../vendors/tencent/actions';
import { documented, type TencentAction } from './action';
import { TencentApiError } from './errors';

export const trtcDescribeStreamIngest: TencentAction = {
  ...documented(DESCRIBE_STREAM_INGEST),
  params: [
    { name: 'SdkAppId', type: 'integer', required: true, missing: 'MissingParameter.SdkAppId', invalid: 'InvalidParameter' },
    { name: 'TaskId', type: 'string', required: true, missing: 'MissingParameter.TaskId', invalid: 'InvalidParameter.TaskId' },
  ],
  handle({ app, params, nowMs }) {
    // The page lists no SdkAppId code beyond "missing"; a foreign app fails the lookup like the vendor's.
    if (params.int('SdkAppId') !== app.trtcSdkAppId) {
      throw new TencentApiError('FailedOperation.QueryTaskInfoFailed', 'Query task failed: the SdkAppId does not belong to this account.');
    }
    return { Status: relayStatus(app, params.str('TaskId'), nowMs) };
  },
};
