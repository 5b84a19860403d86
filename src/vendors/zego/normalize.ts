/** ZEGO raw records → model `Task`s (ZEGO times are already ms). */
import { zegoStatus } from '../../model/status';
import type { Task } from '../../model/task';
import type { ZegoTaskRecord } from './records';

export interface ZegoSnapshotContext {
  readonly accountId: string;
  readonly appId: number;
  readonly observedAt: number;
  readonly requestId?: string;
}

export function normalizeZegoTask(task: ZegoTaskRecord, ctx: ZegoSnapshotContext): Task {
  return {
    accountId: ctx.accountId,
    product: 'zego-recording',
    vendor: 'zego',
    taskId: task.TaskId,
    appId: String(ctx.appId),
    room: task.RoomId,
    status: zegoStatus(task.Status),
    rawStatus: String(task.Status),
    startedAt: task.RecordBeginTimestamp,
    observedAt: ctx.observedAt,
    files: [],
    extras: { Status: task.Status },
    requestId: ctx.requestId,
  };
}
