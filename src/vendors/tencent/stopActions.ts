/**
 * The four Tencent Cloud stop actions, each as its pages document it: service, version, regions (the
 * mainland and international sites list different ones) and the codes that mean "that task is over".
 * Every one is limited to 20 requests per second.
 */
import { CSS_INTL_REGIONS, TRTC_RECORDING_INTL_REGIONS, TRTC_RELAY_INTL_REGIONS, type TencentAction } from './actions';

export interface TencentStopAction extends TencentAction {
  /** The CAM action a key needs (`service:Action`), named when a key lacks it. */
  readonly permission: string;
  /** Codes with which the vendor says the task had already ended or does not exist. */
  readonly endedCodes: readonly string[];
}

function stopAction(action: Omit<TencentStopAction, 'permission'>): TencentStopAction {
  return { ...action, permission: `${action.service}:${action.name}` };
}

/**
 * TRTC DeleteCloudRecording (2019-07-22) stops a cloud recording; the upload of its files goes on.
 * Intl https://trtc.io/document/46959: ap-beijing, ap-guangzhou, ap-mumbai, ap-shanghai, ap-singapore;
 * mainland https://cloud.tencent.com/document/api/647/73785: ap-beijing, ap-guangzhou, ap-shanghai.
 * A task that has ended (or never existed) answers `ResourceNotFound`, its only resource-state code.
 */
export const DELETE_CLOUD_RECORDING = stopAction({
  name: 'DeleteCloudRecording',
  service: 'trtc',
  version: '2019-07-22',
  product: 'trtc-recording',
  siteRegions: {
    intl: TRTC_RECORDING_INTL_REGIONS,
    mainland: ['ap-beijing', 'ap-guangzhou', 'ap-shanghai'],
  },
  endedCodes: ['ResourceNotFound'],
});

/**
 * TRTC StopStreamIngest (2019-07-22) stops a relay (pull-stream ingest) task.
 * Intl https://trtc.io/document/57834: ap-bangkok, ap-jakarta, ap-mumbai, ap-singapore;
 * mainland https://cloud.tencent.com/document/api/647/101871: ap-beijing, ap-chongqing, ap-guangzhou,
 * ap-shanghai, ap-singapore. `FailedOperation.TaskFinished`: "task has ended when calling the interface";
 * `InvalidParameter.TaskId` for an id the service does not know.
 */
export const STOP_STREAM_INGEST = stopAction({
  name: 'StopStreamIngest',
  service: 'trtc',
  version: '2019-07-22',
  product: 'trtc-relay',
  siteRegions: {
    intl: TRTC_RELAY_INTL_REGIONS,
    mainland: ['ap-beijing', 'ap-chongqing', 'ap-guangzhou', 'ap-shanghai', 'ap-singapore'],
  },
  endedCodes: ['FailedOperation.TaskFinished', 'FailedOperation.TaskNotExist', 'InvalidParameter.TaskId'],
});

/**
 * CSS StopRecordTask (2018-08-01) "terminates an ongoing recording task and generates a recording file"
 * and sets the task's `Stopped`. Intl https://www.tencentcloud.com/document/api/267/37307 lists 13 regions;
 * the mainland page https://cloud.tencent.com/document/product/583/45981 only ap-guangzhou. The page has no
 * "already stopped" code: `UnsupportedOperation` (a stop on an ended task) and `InvalidParameter` (an
 * unknown TaskId) are the documented ones that fit.
 */
export const STOP_RECORD_TASK = stopAction({
  name: 'StopRecordTask',
  service: 'live',
  version: '2018-08-01',
  product: 'css',
  siteRegions: {
    intl: CSS_INTL_REGIONS,
    mainland: ['ap-guangzhou'],
  },
  endedCodes: ['UnsupportedOperation', 'InvalidParameter'],
});

/**
 * GME StopRecord (2018-07-11): TaskId is a JSON integer above 2^53, sent digit-exact; BizId the app.
 * No region (https://www.tencentcloud.com/document/api/607/53735). A task that is over answers
 * `ResourceNotFound.TaskNotFound` ("task id does not exist"), a malformed id `InvalidParameterValue.InvalidTaskId`.
 */
export const GME_STOP_RECORD = stopAction({
  name: 'StopRecord',
  service: 'gme',
  version: '2018-07-11',
  product: 'gme',
  endedCodes: ['ResourceNotFound.TaskNotFound', 'InvalidParameterValue.InvalidTaskId'],
});

export const TENCENT_STOP_ACTIONS: readonly TencentStopAction[] = [DELETE_CLOUD_RECORDING, STOP_STREAM_INGEST, STOP_RECORD_TASK, GME_STOP_RECORD];
