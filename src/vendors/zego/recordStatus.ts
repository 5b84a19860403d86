/**
 * ZEGO DescribeRecordStatus (https://www.zegocloud.com/docs/cloud-recording-server/describe-record-status):
 * one task's status, times and recorded files; 10 requests/second; only tasks whose recording began
 * within the last 3 days (older ones answer 300001000, "task does not exist"). TaskId is the
 * 16-character string (the English page types it Int; the Chinese page and every example say String).
 */
import { zegoStatus } from '../../model/status';
import type { FileState, StorageFile, Task } from '../../model/task';
import { MAX_EPOCH_MS, idString, number, object, optionalArray, optionalEpoch, optionalNumber, optionalString, type RawObject } from '../shared/fields';
import type { ZegoSnapshotContext } from './normalize';

export const DESCRIBE_RECORD_STATUS = 'DescribeRecordStatus';

/** "Files uploaded to ZEGO's backup storage are kept for 3 days" (file Status 4). */
export const ZEGO_BACKUP_RETENTION_MS = 3 * 86_400_000;

/** `RecordFiles[]` as documented; times in ms, sizes in bytes. */
export interface ZegoRecordFile {
  readonly UserId?: string;
  readonly UserName?: string;
  readonly StreamId?: string;
  readonly FileId: string;
  /** Aliyun or Tencent VOD id, when the storage is a VOD. */
  readonly VideoId?: string;
  /** Absent for Qiniu and Aliyun VOD storage. */
  readonly FileUrl?: string;
  readonly OutputFileFormat?: string;
  readonly FileSize?: number;
  readonly Duration?: number;
  /** 1 audio, 2 video, 3 audio and video. */
  readonly MediaTrackType?: number;
  readonly BeginTimestamp?: number;
  /** 1 recording, 2 uploading, 3 uploaded, 4 on ZEGO's backup storage (3 days), 5 upload failed. */
  readonly Status: number;
}

export interface ZegoRecordStatus {
  readonly RoomId: string;
  /** 1 initializing, 2 in progress, 3 ended, 4 ended abnormally, 5 paused. */
  readonly Status: number;
  readonly RecordBeginTimestamp?: number;
  readonly RecordEndTimestamp?: number;
  readonly RecordFiles: readonly ZegoRecordFile[];
}

export function readZegoRecordStatus(data: RawObject): ZegoRecordStatus {
  return {
    RoomId: data.RoomId === undefined || data.RoomId === null ? '' : idString(data.RoomId, 'RoomId'),
    Status: number(data.Status, 'Status'),
    RecordBeginTimestamp: optionalEpoch(data.RecordBeginTimestamp, 'RecordBeginTimestamp', 1),
    RecordEndTimestamp: optionalEpoch(data.RecordEndTimestamp, 'RecordEndTimestamp', 1),
    RecordFiles: optionalArray(data.RecordFiles, 'RecordFiles').map((raw, i) => {
      const path = `RecordFiles[${i}]`;
      const f = object(raw, path);
      return {
        UserId: f.UserId === undefined || f.UserId === null ? undefined : idString(f.UserId, `${path}.UserId`),
        UserName: optionalString(f.UserName, `${path}.UserName`),
        StreamId: optionalString(f.StreamId, `${path}.StreamId`),
        FileId: idString(f.FileId, `${path}.FileId`),
        VideoId: f.VideoId === undefined || f.VideoId === null ? undefined : idString(f.VideoId, `${path}.VideoId`),
        FileUrl: optionalString(f.FileUrl, `${path}.FileUrl`),
        OutputFileFormat: optionalString(f.OutputFileFormat, `${path}.OutputFileFormat`),
        FileSize: optionalNumber(f.FileSize, `${path}.FileSize`),
        Duration: optionalNumber(f.Duration, `${path}.Duration`),
        MediaTrackType: optionalNumber(f.MediaTrackType, `${path}.MediaTrackType`),
        BeginTimestamp: optionalEpoch(f.BeginTimestamp, `${path}.BeginTimestamp`, 1),
        Status: number(f.Status, `${path}.Status`),
      };
    }),
  };
}

const TRACK_TYPES: Readonly<Record<number, string>> = { 1: 'audio', 2: 'video', 3: 'audio_video' };
const FILE_STATES: Readonly<Record<number, FileState>> = { 1: 'recording', 2: 'uploading', 3: 'uploaded', 4: 'backup', 5: 'failed' };

export function zegoFileState(status: number): FileState | undefined {
  return FILE_STATES[status];
}

export function normalizeZegoRecordFile(f: ZegoRecordFile, taskEndMs: number | undefined): StorageFile {
  const state = zegoFileState(f.Status);
  const sum = f.BeginTimestamp !== undefined && f.Duration !== undefined ? f.BeginTimestamp + f.Duration : undefined;
  // A duration that puts the end past what a Date holds is the vendor's nonsense, not a time to show.
  const end = sum !== undefined && Math.abs(sum) <= MAX_EPOCH_MS ? sum : undefined;
  const backupFrom = end ?? taskEndMs;
  return {
    userId: f.UserId ?? '',
    fileName: f.FileId,
    trackType: f.MediaTrackType === undefined ? '' : (TRACK_TYPES[f.MediaTrackType] ?? String(f.MediaTrackType)),
    beginTimeMs: f.BeginTimestamp,
    endTimeMs: end,
    state,
    rawState: String(f.Status),
    url: f.FileUrl || undefined,
    vodFileId: f.VideoId || undefined,
    sizeBytes: f.FileSize,
    durationMs: f.Duration,
    format: f.OutputFileFormat || undefined,
    // The page gives no upload time; the retention is counted from the end of the recording, the earliest it can start.
    expiresAtMs:
      state === 'backup' && backupFrom !== undefined && backupFrom + ZEGO_BACKUP_RETENTION_MS <= MAX_EPOCH_MS
        ? backupFrom + ZEGO_BACKUP_RETENTION_MS
        : undefined,
    reportedBy: DESCRIBE_RECORD_STATUS,
  };
}

export function normalizeZegoRecordStatus(taskId: string, rec: ZegoRecordStatus, ctx: ZegoSnapshotContext): Task {
  const endedAt = rec.RecordEndTimestamp ? rec.RecordEndTimestamp : undefined;
  return {
    accountId: ctx.accountId,
    product: 'zego-recording',
    vendor: 'zego',
    taskId,
    appId: String(ctx.appId),
    room: rec.RoomId,
    status: zegoStatus(rec.Status),
    rawStatus: String(rec.Status),
    startedAt: rec.RecordBeginTimestamp,
    endedAt,
    observedAt: ctx.observedAt,
    files: rec.RecordFiles.map((f) => normalizeZegoRecordFile(f, endedAt)),
    extras: { Status: rec.Status },
    requestId: ctx.requestId,
  };
}
