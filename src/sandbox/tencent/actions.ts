/**
 * The emulated Tencent actions and how a request finds one. The service comes from the credential
 * scope; when that is not one of ours (the official SDK pointed at `127.0.0.1:PORT` signs with
 * service "127"), from the Host header's first label; failing both, from the action name, which is
 * unique across the three products.
 */
import type { TencentAction, TencentService } from './action';
import { cssDescribeRecordTask } from './cssDescribeRecordTask';
import { cssStopRecordTask } from './cssStopRecordTask';
import { gmeDescribeRecordInfo } from './gmeDescribeRecordInfo';
import { gmeDescribeTaskInfo } from './gmeDescribeTaskInfo';
import { gmeStopRecord } from './gmeStopRecord';
import { trtcDeleteCloudRecording } from './trtcDeleteCloudRecording';
import { trtcDescribeCloudRecording } from './trtcDescribeCloudRecording';
import { trtcDescribeStreamIngest } from './trtcDescribeStreamIngest';
import { trtcStopStreamIngest } from './trtcStopStreamIngest';
import { vodDescribeMediaInfos } from './vodDescribeMediaInfos';

export const TENCENT_ACTIONS: readonly TencentAction[] = [
  gmeDescribeTaskInfo,
  trtcDescribeCloudRecording,
  trtcDescribeStreamIngest,
  cssDescribeRecordTask,
  trtcDeleteCloudRecording,
  trtcStopStreamIngest,
  cssStopRecordTask,
  gmeStopRecord,
  gmeDescribeRecordInfo,
  vodDescribeMediaInfos,
];

export function isTencentService(name: string): name is TencentService {
  return TENCENT_ACTIONS.some((a) => a.service === name);
}

/** Undefined when the action does not exist in the service the request addresses (InvalidAction). */
export function resolveAction(scopeService: string, host: string, actionName: string): TencentAction | undefined {
  const hostLabel = host.split(/[.:]/)[0].toLowerCase();
  const service = isTencentService(scopeService) ? scopeService : isTencentService(hostLabel) ? hostLabel : undefined;
  return TENCENT_ACTIONS.find((a) => a.name === actionName && (service === undefined || a.service === service));
}
