/** GME: DescribeTaskInfo answers for one room with its ongoing recording task. */
import type { TencentAccount } from '../../model/account';
import { MediaApiError } from '../../model/errors';
import type { Task } from '../../model/task';
import type { RoomSource } from '../../model/taskSource';
import { probeBy } from '../shared/listing';
import { DESCRIBE_RECORD_INFO, DESCRIBE_TASK_INFO } from './actions';
import type { TencentClient } from './client';
import { normalizeGmeTask } from './normalize';
import { readGmeRecordInfo, withGmeRecordInfo } from './gmeRecordInfo';
import { readGmeTaskInfo } from './records';

/** DescribeTaskInfo's body: the room source and Copy Query As both build it here. */
export function describeTaskInfoParams(bizId: number, room: string): Record<string, unknown> {
  return { BizId: bizId, RoomId: room };
}

/** A room id that should not exist; any answer to it proves the key. */
const PROBE_ROOM = 'mediatasks-probe';

export class GmeRoomSource implements RoomSource {
  readonly kind = 'byRoom';
  readonly product = 'gme';

  constructor(
    readonly account: TencentAccount,
    private readonly bizId: number,
    private readonly client: TencentClient,
    private readonly now: () => number,
  ) {}

  /**
   * The room's ongoing task. GME answers `ResourceNotFound.RoomNotFound` for a room nobody is in,
   * which for this question means the same as "no task": `undefined`.
   */
  async describeRoom(room: string, signal?: AbortSignal): Promise<Task | undefined> {
    try {
      const { value, requestId } = await this.client.call(DESCRIBE_TASK_INFO, describeTaskInfoParams(this.bizId, room), readGmeTaskInfo, signal);
      return normalizeGmeTask(value, {
        accountId: this.account.id,
        appId: String(this.bizId),
        room,
        observedAt: this.now(),
        requestId,
      });
    } catch (error) {
      if (error instanceof MediaApiError && error.kind === 'notFound') return undefined;
      throw error;
    }
  }

  /**
   * DescribeRecordInfo: the task's files. The TaskId goes out as a JSON integer, every digit kept;
   * `ResourceNotFound.TaskNotFound` (the task is over and forgotten) is `notFound`.
   */
  async describeFiles(task: Task, signal?: AbortSignal): Promise<Task> {
    if (!/^\d{1,20}$/.test(task.taskId)) throw new TypeError(`not a GME TaskId: ${task.taskId}`);
    const { value, requestId } = await this.client.call(DESCRIBE_RECORD_INFO, { TaskId: BigInt(task.taskId), BizId: this.bizId }, readGmeRecordInfo, signal);
    return withGmeRecordInfo(task, value, this.now(), requestId);
  }

  probe(signal?: AbortSignal): Promise<void> {
    return probeBy(this.describeRoom(PROBE_ROOM, signal));
  }
}
