/**
 * Recorded files of the demo tasks, the same facts whichever API or callback tells them: ZEGO
 * DescribeRecordStatus `RecordFiles`, GME DescribeRecordInfo `RecordInfo`, and the VOD media of
 * TRTC's mixed recordings and CSS record tasks (DescribeMediaInfos). Like the tasks, a function of
 * (seed, task, time): files are written while the task runs, then uploaded (or, now and then, left
 * on backup storage or lost).
 */
import { hash32, opaqueId, unit } from './hash';
import { LIVE_STARTING_MS } from './schedule';
import type { FoundGmeTask } from './gme';
import type { ZegoTaskRef } from './zego';

const SECOND = 1000;
/** About 1.2 Mbit/s of audio and video. */
const BYTES_PER_MS = 150;

/** `20200927154419775`: the UTC time stamp ZEGO puts in its file ids. */
function zegoStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:TZ.]/g, '');
}

export interface ZegoFileRecord {
  readonly UserId: string;
  readonly UserName: string;
  readonly StreamId: string;
  readonly FileId: string;
  readonly FileUrl?: string;
  readonly OutputFileFormat: string;
  readonly FileSize: number;
  readonly Duration: number;
  readonly MediaTrackType: 1 | 2 | 3;
  readonly BeginTimestamp: number;
  /** 1 recording, 2 uploading, 3 uploaded, 4 on ZEGO's backup storage, 5 upload failed. */
  readonly Status: 1 | 2 | 3 | 4 | 5;
}

/** How long after a task ends its files finish uploading. */
export const UPLOAD_MS = 30 * SECOND;

/** The state a file ends in after upload: mostly uploaded, sometimes backup storage, rarely lost. */
function finalZegoStatus(key: string, slot: number, stream: string): 3 | 4 | 5 {
  const u = unit(key, slot, stream, 'upload');
  return u < 0.8 ? 3 : u < 0.92 ? 4 : 5;
}

/** A pre-signed object URL, as S3-compatible storage hands them out: sensitive and temporary. */
function signedObjectUrl(host: string, path: string, key: string, slot: number, expiresSec: number): string {
  const signature = opaqueId(64, 'hex', key, slot, path, 'sig');
  return `https://${host}/${path}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=${expiresSec}&X-Amz-Signature=${signature}`;
}

/** ZEGO files of a task: one per publishing user, or one mixed file; none before anyone published. */
export function zegoTaskFiles(appId: number, taskId: string, ref: ZegoTaskRef, endMs: number, nowMs: number): ZegoFileRecord[] {
  const { room, occurrence } = ref;
  const h = hash32(room.key, occurrence.slot, 'files');
  const mixed = h % 4 === 0;
  const streams = mixed ? [`mix_${room.roomId}`] : Array.from({ length: 1 + (h % 3) }, (_, i) => `stream_${room.roomId}_${i}`);
  const recordFrom = occurrence.beginMs + (room.schedule.kind === 'live' ? LIVE_STARTING_MS : 0);
  const end = endMs;
  const files: ZegoFileRecord[] = [];
  streams.forEach((streamId, i) => {
    const begin = recordFrom + i * 20 * SECOND + (hash32(room.key, occurrence.slot, streamId) % 5000);
    if (begin > nowMs || begin >= end) return;
    const stop = Math.min(nowMs, end);
    const status = nowMs < end ? 1 : nowMs < end + UPLOAD_MS ? 2 : finalZegoStatus(room.key, occurrence.slot, streamId);
    const fileId = `${taskId}_${streamId}_VA_${zegoStamp(begin)}.mp4`;
    const url =
      status === 3
        ? signedObjectUrl('zego-demo-records.s3.ap-southeast-1.amazonaws.com', `${appId}/${fileId}`, room.key, occurrence.slot, 86_400)
        : status === 4
          ? signedObjectUrl('backup-storage.zego.im', `${appId}/${fileId}`, room.key, occurrence.slot, 259_200)
          : undefined;
    files.push({
      UserId: mixed ? '' : `user_${i + 1}`,
      UserName: mixed ? '' : `User ${i + 1}`,
      StreamId: streamId,
      FileId: fileId,
      ...(url ? { FileUrl: url } : {}),
      OutputFileFormat: 'mp4',
      FileSize: (stop - begin) * BYTES_PER_MS,
      Duration: stop - begin,
      MediaTrackType: 3,
      BeginTimestamp: begin,
      Status: status,
    });
  });
  return files;
}

export interface GmeFileRecord {
  readonly UserId: string;
  readonly FileName: string;
  /** Unix seconds. */
  readonly RecordBeginTime: number;
  /** 2 recording, 10 waiting to transcode, 11 transcoding, 12 uploading, 13 uploaded, 14 user notified. */
  readonly RecordStatus: 2 | 10 | 11 | 12 | 13 | 14;
}

const GME_STEPS: readonly GmeFileRecord['RecordStatus'][] = [10, 11, 12, 13];
const GME_STEP_MS = 15 * SECOND;
/** How long after its task ended a GME file reaches 14, "user notified": when the upload callback (EventType 3) goes out. */
export const GME_NOTIFIED_AFTER_MS = GME_STEPS.length * GME_STEP_MS;

/** After the task ends: 10 for 15 s, 11 until 30 s, 12 until 45 s, 13 until 60 s, then 14. */
function gmeStatusAfter(msSinceEnd: number): GmeFileRecord['RecordStatus'] {
  if (msSinceEnd < 0) return 2;
  return GME_STEPS[Math.floor(msSinceEnd / GME_STEP_MS)] ?? 14;
}

/** How long after its end DescribeRecordInfo still answers for a GME task. */
export const GME_RECORD_INFO_KEPT_MS = 10 * 60 * SECOND;

export const GME_USERS = ['3342', '5120', '7781'] as const;

/** GME files of a task: per user (mode 1), one mixed file with UserId "0" (mode 2), or both (mode 3). */
export function gmeTaskFiles(bizId: number, task: FoundGmeTask, endMs: number, nowMs: number): GmeFileRecord[] {
  const runningFrom = task.startMs + LIVE_STARTING_MS;
  if (nowMs < runningFrom || endMs <= runningFrom) return [];
  const count = 1 + (hash32(task.room.key, String(task.taskId), 'users') % GME_USERS.length);
  const users = task.recordMode === 2 ? [] : GME_USERS.slice(0, count);
  const ids = task.recordMode === 1 ? [...users] : [...users, '0'];
  const status = gmeStatusAfter(nowMs - endMs);
  return ids.map((userId) => ({
    UserId: userId,
    FileName: `/${bizId}_${task.room.roomId}_${task.taskId}_${userId}`,
    RecordBeginTime: Math.floor(runningFrom / SECOND),
    RecordStatus: status,
  }));
}
