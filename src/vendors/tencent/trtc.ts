/** TRTC: cloud recording and relay (stream ingest) tasks, each queried by task id. */
import type { TencentAccount } from '../../model/account';
import { MediaApiError } from '../../model/errors';
import type { Task } from '../../model/task';
import type { TaskIdSource } from '../../model/taskSource';
import { probeBy } from '../shared/listing';
import { DESCRIBE_CLOUD_RECORDING, DESCRIBE_STREAM_INGEST } from './actions';
import type { TencentClient } from './client';
import { withKind } from './errors';
import { normalizeTrtcRecording, normalizeTrtcRelay, type SnapshotContext } from './normalize';
import { readTrtcCloudRecording, readTrtcStreamIngest } from './records';

/** DescribeStreamIngest's `Status` for a relay that stopped or never existed. */
const RELAY_NOT_EXIST = 'NotExist';

/** A task id that should not exist; any answer to it proves the key. */
const PROBE_TASK_ID = 'mediatasks-probe';

abstract class TrtcTaskSource implements TaskIdSource {
  readonly kind = 'byTaskId';
  abstract readonly product: 'trtc-recording' | 'trtc-relay';

  constructor(
    readonly account: TencentAccount,
    protected readonly sdkAppId: number,
    protected readonly client: TencentClient,
    private readonly now: () => number,
  ) {}

  abstract describeTask(taskId: string, room: string, signal?: AbortSignal): Promise<Task>;
  abstract findTask(taskId: string, signal?: AbortSignal): Promise<Task | undefined>;

  probe(signal?: AbortSignal): Promise<void> {
    return probeBy(this.describeTask(PROBE_TASK_ID, '', signal));
  }

  protected context(room: string, requestId: string | undefined): SnapshotContext {
    return { accountId: this.account.id, appId: String(this.sdkAppId), room, observedAt: this.now(), requestId };
  }
}

/**
 * DescribeCloudRecording "works only when a task is in progress": once the task has ended TRTC
 * answers `FailedOperation` or `ResourceNotFound` (and for an unknown id the same), so for a
 * task-id query both mean `taskEnded`.
 */
export class TrtcRecordingSource extends TrtcTaskSource {
  readonly product = 'trtc-recording';

  async describeTask(taskId: string, room: string, signal?: AbortSignal): Promise<Task> {
    try {
      const { value, requestId } = await this.client.call(
        DESCRIBE_CLOUD_RECORDING,
        { SdkAppId: this.sdkAppId, TaskId: taskId },
        readTrtcCloudRecording,
        signal,
      );
      return normalizeTrtcRecording(value, this.context(room, requestId));
    } catch (error) {
      if (error instanceof MediaApiError && (error.code === 'FailedOperation' || error.kind === 'notFound')) {
        throw withKind(error, 'taskEnded');
      }
      throw error;
    }
  }

  /** An ended and an unknown task get the same answer, so for an id never seen it means "not found". */
  async findTask(taskId: string, signal?: AbortSignal): Promise<Task | undefined> {
    try {
      return await this.describeTask(taskId, '', signal);
    } catch (error) {
      if (error instanceof MediaApiError && error.kind === 'taskEnded') return undefined;
      throw error;
    }
  }
}

/**
 * DescribeStreamIngest answers `Status: NotExist` for a relay that stopped (or never existed); we
 * return that as an `ended` snapshot rather than an error, because the API itself succeeded.
 */
export class TrtcRelaySource extends TrtcTaskSource {
  readonly product = 'trtc-relay';

  async describeTask(taskId: string, room: string, signal?: AbortSignal): Promise<Task> {
    const { value, requestId } = await this.client.call(DESCRIBE_STREAM_INGEST, { SdkAppId: this.sdkAppId, TaskId: taskId }, readTrtcStreamIngest, signal);
    return normalizeTrtcRelay(value, taskId, this.context(room, requestId));
  }

  /** `NotExist` is also the answer for an id the API never knew, so for an id never seen it means "not found". */
  async findTask(taskId: string, signal?: AbortSignal): Promise<Task | undefined> {
    const task = await this.describeTask(taskId, '', signal);
    return task.rawStatus === RELAY_NOT_EXIST ? undefined : task;
  }
}
