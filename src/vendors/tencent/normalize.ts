/** Tencent raw records → model `Task`s. Every time leaves here in Unix epoch ms. */
import { cssStatus, gmeStatus, trtcRecordingStatus, trtcRelayStatus } from '../../model/status';
import type { Task } from '../../model/task';
import type { CssRecordTask, GmeTaskInfo, TrtcCloudRecording, TrtcStreamIngest } from './records';

/** What the caller knows that the response does not carry. */
export interface SnapshotContext {
  readonly accountId: string;
  /** TRTC SdkAppId / GME BizId as a decimal string. */
  readonly appId: string;
  /** The room the user named (TRTC, GME). */
  readonly room: string;
  readonly observedAt: number;
  readonly requestId?: string;
}

const SEC = 1000;

/** The room's ongoing GME task, or `undefined` when DescribeTaskInfo returned no TaskId. */
export function normalizeGmeTask(info: GmeTaskInfo, ctx: SnapshotContext): Task | undefined {
  if (info.TaskId === undefined) return undefined;
  return {
    accountId: ctx.accountId,
    product: 'gme',
    vendor: 'tencent',
    taskId: info.TaskId,
    appId: ctx.appId,
    room: ctx.room,
    status: gmeStatus('TaskPresent'),
    rawStatus: 'TaskPresent',
    observedAt: ctx.observedAt,
    files: [],
    extras: {
      RecordMode: info.RecordMode ?? null,
      SubscribeUserIds: info.SubscribeUserIds,
      UnSubscribeUserIds: info.UnSubscribeUserIds,
    },
    requestId: ctx.requestId,
  };
}

export function normalizeTrtcRecording(rec: TrtcCloudRecording, ctx: SnapshotContext): Task {
  return {
    accountId: ctx.accountId,
    product: 'trtc-recording',
    vendor: 'tencent',
    taskId: rec.TaskId,
    appId: ctx.appId,
    room: ctx.room,
    status: trtcRecordingStatus(rec.Status),
    rawStatus: rec.Status,
    observedAt: ctx.observedAt,
    files: rec.StorageFileList.map((f) => ({
      userId: f.UserId,
      fileName: f.FileName,
      trackType: f.TrackType,
      beginTimeMs: f.BeginTimeStamp,
    })),
    extras: {},
    requestId: ctx.requestId,
  };
}

/** DescribeStreamIngest does not echo the TaskId, so the caller's id is used. */
export function normalizeTrtcRelay(ingest: TrtcStreamIngest, taskId: string, ctx: SnapshotContext): Task {
  return {
    accountId: ctx.accountId,
    product: 'trtc-relay',
    vendor: 'tencent',
    taskId,
    appId: ctx.appId,
    room: ctx.room,
    status: trtcRelayStatus(ingest.Status),
    rawStatus: ingest.Status,
    observedAt: ctx.observedAt,
    files: [],
    extras: {},
    requestId: ctx.requestId,
  };
}

/**
 * A CSS record task. `appId` is the push domain and `room` the stream name (CSS has no rooms);
 * `rawStatus` is `Stopped:<seconds>` since CSS sends no status field (0 = not stopped);
 * `endedAt` is the stop time when stopped early, else the scheduled end.
 */
export function normalizeCssTask(task: CssRecordTask, ctx: Omit<SnapshotContext, 'appId' | 'room'>): Task {
  const stoppedEarly = task.Stopped > 0 && task.Stopped < task.EndTime;
  return {
    accountId: ctx.accountId,
    product: 'css',
    vendor: 'tencent',
    taskId: task.TaskId,
    appId: task.DomainName,
    room: task.StreamName,
    status: cssStatus(task, ctx.observedAt),
    rawStatus: `Stopped:${task.Stopped}`,
    startedAt: task.StartTime * SEC,
    endedAt: (stoppedEarly ? task.Stopped : task.EndTime) * SEC,
    observedAt: ctx.observedAt,
    files: [],
    extras: {
      DomainName: task.DomainName,
      AppName: task.AppName,
      TemplateId: task.TemplateId,
      Stopped: task.Stopped,
    },
    requestId: ctx.requestId,
  };
}
