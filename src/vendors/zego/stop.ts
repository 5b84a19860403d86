/**
 * ZEGO cloud recording StopRecord (https://www.zegocloud.com/docs/cloud-recording-server/stop-record):
 * body `{TaskId}`, 50 requests/s. `300001001` is "the task has already stopped" (StopRecord, MaxIdleTime
 * or MaxRecordTime), `300001000` "the task does not exist" (return codes page).
 */
import type { MediaApiError } from '../../model/errors';
import type { StopOutcome, StopPermission, StopTarget, TaskStopper } from '../../model/taskStop';
import { probeOutcome, stopOutcome } from '../shared/stopOutcome';
import type { ZegoClient } from './client';

export const ZEGO_STOP_RECORD = 'StopRecord';
const ENDED_CODES = ['300001000', '300001001'];
/** 16 characters like a real TaskId, but never one ZEGO issues. */
const PROBE_TASK_ID = 'mediatasksprobe0';

export class ZegoTaskStopper implements TaskStopper {
  readonly product = 'zego-recording';
  readonly action = ZEGO_STOP_RECORD;
  /** A ServerSecret may call every action of its AppId: there is no per-action permission. */
  readonly permission = undefined;

  constructor(private readonly client: ZegoClient) {}

  stop(target: StopTarget): Promise<StopOutcome> {
    return this.send(target.taskId);
  }

  probe(): Promise<StopPermission> {
    return probeOutcome(() => this.send(PROBE_TASK_ID));
  }

  private send(taskId: string): Promise<StopOutcome> {
    const isEnded = (error: MediaApiError): boolean => error.httpStatus !== undefined && ENDED_CODES.includes(error.code);
    return stopOutcome(() => this.client.call(ZEGO_STOP_RECORD, { TaskId: taskId }, () => undefined, undefined, { write: true }), isEnded);
  }
}
