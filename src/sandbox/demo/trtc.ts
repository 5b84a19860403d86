/**
 * TRTC tasks: per-id lookups on live lanes. A recording answers while starting (Idle), running
 * (InProgress) and ending (Exited) and is gone after; a relay is InProgress until it stops running.
 */
import { hash32, opaqueId } from './hash';
import { livePhase, LIVE_RUNNING_MS, LIVE_STARTING_MS, slotAt, slotStart } from './schedule';
import type { TencentApp, TrtcLane } from './world';

/** How many past cycles a task id is still recognised for (older ones are long gone anyway). */
const RECOGNISED_SLOTS = 6;

export type TrtcProduct = 'recording' | 'relay';

/**
 * Real ids are opaque: recordings look like base64url ending in `.`, relays like base64 with `+` and `/`
 * (which also exercises URL encoding in GET requests).
 */
export function trtcTaskId(product: TrtcProduct, lane: TrtcLane, slot: number): string {
  return product === 'recording'
    ? `${lane.idPrefix}${opaqueId(47, 'base64url', lane.key, slot, 'recording')}.`
    : `${lane.idPrefix}${opaqueId(42, 'base64', lane.key, slot, 'relay')}`;
}

function lanesOf(app: TencentApp, product: TrtcProduct): readonly TrtcLane[] {
  return product === 'recording' ? app.recordingLanes : app.relayLanes;
}

/** The latest task of every lane at `nowMs` (some may already have ended, between cycles). */
export function currentTrtcTaskIds(app: TencentApp, product: TrtcProduct, nowMs: number): string[] {
  return lanesOf(app, product).map((lane) => trtcTaskId(product, lane, slotAt(lane, nowMs)));
}

/** The room of each current task of both products, keyed by task id (what a user would label it with). */
export function currentTrtcTaskRooms(app: TencentApp, nowMs: number): Record<string, string> {
  const rooms: Record<string, string> = {};
  for (const product of ['recording', 'relay'] as const) {
    for (const lane of lanesOf(app, product)) rooms[trtcTaskId(product, lane, slotAt(lane, nowMs))] = lane.roomId;
  }
  return rooms;
}

/** One cycle's task of a lane: its lane and when the cycle began. */
export interface LaneTask {
  readonly lane: TrtcLane;
  readonly startMs: number;
}

function findTask(app: TencentApp, product: TrtcProduct, taskId: string, nowMs: number): LaneTask | undefined {
  for (const lane of lanesOf(app, product)) {
    const latest = slotAt(lane, nowMs);
    for (let slot = latest; slot > latest - RECOGNISED_SLOTS; slot--) {
      if (trtcTaskId(product, lane, slot) === taskId) return { lane, startMs: slotStart(lane, slot) };
    }
  }
  return undefined;
}

export interface StorageFileRecord {
  readonly UserId: string;
  readonly FileName: string;
  readonly TrackType: string;
  /** Unix ms, as both official examples show. */
  readonly BeginTimeStamp: number;
}

export interface RecordingState {
  readonly status: 'Idle' | 'InProgress' | 'Exited';
  readonly files: StorageFileRecord[];
}

const TRACK_TYPES = ['audio_video', 'audio', 'video'] as const;
/** Users join a running recording one after another, so the file list grows while polling. */
const JOIN_INTERVAL_MS = 45_000;

/** The files a recording has written by `nowMs` (DescribeCloudRecording's StorageFileList). */
export function storageFiles(app: TencentApp, task: LaneTask, nowMs: number): StorageFileRecord[] {
  const runningFrom = task.startMs + LIVE_STARTING_MS;
  const prefix = `${app.trtcSdkAppId}_${task.lane.roomId}`;
  if (task.lane.mixed) {
    const begin = runningFrom + (hash32(task.lane.key, task.startMs, 'mix') % 2000);
    return nowMs < begin ? [] : [{ UserId: '', FileName: `${prefix}_mix.m3u8`, TrackType: 'audio_video', BeginTimeStamp: begin }];
  }
  return task.lane.userIds
    .map((userId, j) => {
      const trackType = j === 0 ? 'audio_video' : TRACK_TYPES[hash32(task.lane.key, task.startMs, userId) % TRACK_TYPES.length];
      return {
        UserId: userId,
        FileName: `${prefix}_UserId_s_${userId}__UserId_e_main_${trackType}.m3u8`,
        TrackType: trackType,
        BeginTimeStamp: runningFrom + j * JOIN_INTERVAL_MS + (hash32(task.lane.key, task.startMs, j) % 10_000),
      };
    })
    .filter((file) => file.BeginTimeStamp <= nowMs && file.BeginTimeStamp < runningFrom + LIVE_RUNNING_MS);
}

/**
 * After DeleteCloudRecording the recorder leaves the room: the task shows `Exited` ("being ended") for
 * this long, then the query fails like that of any ended task.
 */
export const RECORDING_EXIT_MS = 10_000;

/** Undefined when the task is unknown or has ended: the API then answers with an error. */
export function recordingState(app: TencentApp, taskId: string, nowMs: number): RecordingState | undefined {
  const task = findTask(app, 'recording', taskId, nowMs);
  if (!task) return undefined;
  const stoppedAt = app.stops.stopTime(taskId, nowMs);
  if (stoppedAt !== undefined) {
    return nowMs - stoppedAt < RECORDING_EXIT_MS ? { status: 'Exited', files: storageFiles(app, task, stoppedAt) } : undefined;
  }
  switch (livePhase(task.startMs, nowMs)) {
    case 'starting':
      return { status: 'Idle', files: [] };
    case 'running':
      return { status: 'InProgress', files: storageFiles(app, task, nowMs) };
    case 'ending':
      return { status: 'Exited', files: storageFiles(app, task, nowMs) };
    default:
      return undefined;
  }
}

export function relayStatus(app: TencentApp, taskId: string, nowMs: number): 'InProgress' | 'NotExist' {
  const task = findTask(app, 'relay', taskId, nowMs);
  const phase = task && livePhase(task.startMs, nowMs);
  if (app.stops.stopTime(taskId, nowMs) !== undefined) return 'NotExist';
  return phase === 'starting' || phase === 'running' ? 'InProgress' : 'NotExist';
}

/** Whether the sandbox ever issued `taskId` (recent cycles only), so an ended task can be told from an unknown one. */
export function isKnownTrtcTask(app: TencentApp, product: TrtcProduct, taskId: string, nowMs: number): boolean {
  return findTask(app, product, taskId, nowMs) !== undefined;
}
