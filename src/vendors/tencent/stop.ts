/**
 * Stopping Tencent Cloud tasks: TRTC recordings (DeleteCloudRecording) and relays (StopStreamIngest),
 * CSS record tasks (StopRecordTask) and GME room recordings (StopRecord, TaskId sent as a bare
 * integer above 2^53). Each stop is one write call: retried only after a rate-limit rejection.
 */
import type { TencentAccount } from '../../model/account';
import type { MediaApiError } from '../../model/errors';
import type { Product } from '../../model/task';
import type { StopOutcome, StopPermission, StopTarget, TaskStopper } from '../../model/taskStop';
import { refused } from '../shared/listing';
import { probeOutcome, stopOutcome } from '../shared/stopOutcome';
import type { TencentClient } from './client';
import { DELETE_CLOUD_RECORDING, GME_STOP_RECORD, STOP_RECORD_TASK, STOP_STREAM_INGEST, type TencentStopAction } from './stopActions';

/** A task id no vendor issues: stopping it stops nothing. GME ids are u64 above 2^53, so 1 is free too. */
const PROBE_TASK_ID = 'mediatasks-stop-probe';
const GME_PROBE_TASK_ID = '1';

const ACTIONS: Readonly<Partial<Record<Product, TencentStopAction>>> = {
  'trtc-recording': DELETE_CLOUD_RECORDING,
  'trtc-relay': STOP_STREAM_INGEST,
  css: STOP_RECORD_TASK,
  gme: GME_STOP_RECORD,
};

export class TencentTaskStopper implements TaskStopper {
  readonly action: string;
  readonly permission: string;
  private readonly spec: TencentStopAction;

  constructor(
    private readonly account: TencentAccount,
    readonly product: Product,
    private readonly client: TencentClient,
  ) {
    const spec = ACTIONS[product];
    if (!spec) throw new TypeError(`${product} has no Tencent stop action`);
    this.spec = spec;
    this.action = spec.name;
    this.permission = spec.permission;
  }

  stop(target: StopTarget): Promise<StopOutcome> {
    return this.send(target.taskId);
  }

  probe(): Promise<StopPermission> {
    return probeOutcome(() => this.send(this.product === 'gme' ? GME_PROBE_TASK_ID : PROBE_TASK_ID));
  }

  private async send(taskId: string): Promise<StopOutcome> {
    const params = this.params(taskId);
    const isEnded = (error: MediaApiError): boolean => error.httpStatus !== undefined && this.spec.endedCodes.includes(error.code);
    // No AbortSignal: once a stop is on its way, abandoning the answer would only hide the outcome.
    return stopOutcome(() => this.client.call(this.spec, params, () => undefined, undefined, { write: true }), isEnded);
  }

  private params(taskId: string): Record<string, unknown> {
    switch (this.product) {
      case 'trtc-recording':
      case 'trtc-relay':
        return { SdkAppId: this.account.trtcSdkAppId ?? 0, TaskId: taskId };
      case 'css':
        return { TaskId: taskId };
      case 'gme':
        if (!/^\d{1,20}$/.test(taskId) || BigInt(taskId) >= 2n ** 64n) {
          throw refused('tencent', this.spec.name, 'InvalidTaskId', `GME task ids are unsigned 64-bit integers, not "${taskId}"`);
        }
        return { TaskId: BigInt(taskId), BizId: this.account.gmeBizId ?? 0 };
      default:
        throw new TypeError(`${this.product} has no Tencent stop action`);
    }
  }
}
