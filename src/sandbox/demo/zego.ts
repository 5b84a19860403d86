/**
 * ZEGO recording tasks of one app, listed by RecordBeginTimestamp. Live rooms go 1 (initializing) →
 * 2 (recording, sometimes 5 paused for a minute) → 3 (ended) or 4 (ended abnormally).
 */
import { opaqueId, unit } from './hash';
import { occurrencesBeginningIn, type Occurrence } from './occurrences';
import { LIVE_STARTING_MS } from './schedule';
import type { StopLedger } from './stops';
import type { ZegoApp, ZegoRoom } from './world';

/** 1 initializing, 2 recording, 3 ended, 4 ended abnormally, 5 paused. */
export type ZegoTaskStatus = 1 | 2 | 3 | 4 | 5;

export interface ZegoTaskRef {
  readonly room: ZegoRoom;
  readonly occurrence: Occurrence;
}

export interface ZegoTaskRecord {
  /** Unix ms. */
  readonly RecordBeginTimestamp: number;
  /** 16 characters, like ZEGO's own (`YRHu6-E4IyvEAAAD`). */
  readonly TaskId: string;
  readonly RoomId: string;
  readonly Status: ZegoTaskStatus;
}

const PAUSED_SHARE = 0.3;
const ABNORMAL_SHARE = 0.15;
const PAUSE_AFTER_MS = 2 * 60_000;
const PAUSE_FOR_MS = 60_000;

export function zegoTaskId(ref: ZegoTaskRef): string {
  return opaqueId(16, 'base64url', ref.room.key, ref.occurrence.slot, 'zego');
}

/** Whether the task ends abnormally (status 4) when it runs to its scheduled end. */
export function zegoEndsAbnormally(ref: ZegoTaskRef): boolean {
  return ref.room.schedule.kind !== 'bulk' && unit(ref.room.key, ref.occurrence.slot, 'abnormal') < ABNORMAL_SHARE;
}

/** The minute a live task is paused (status 5), for the share of live tasks that pause. */
export function zegoPause(ref: ZegoTaskRef): { readonly fromMs: number; readonly toMs: number } | undefined {
  const { room, occurrence } = ref;
  if (room.schedule.kind !== 'live' || unit(room.key, occurrence.slot, 'pause') >= PAUSED_SHARE) return undefined;
  const fromMs = occurrence.beginMs + LIVE_STARTING_MS + PAUSE_AFTER_MS;
  return { fromMs, toMs: fromMs + PAUSE_FOR_MS };
}

/** A task ended by StopRecord shows 3 (ended) from then on. */
export function zegoTaskStatus(ref: ZegoTaskRef, nowMs: number, stops: StopLedger): ZegoTaskStatus {
  const { room, occurrence } = ref;
  if (stops.stopTime(zegoTaskId(ref), nowMs) !== undefined) return 3;
  if (nowMs >= occurrence.endMs) return zegoEndsAbnormally(ref) ? 4 : 3;
  if (room.schedule.kind !== 'live') return 2;
  if (nowMs - occurrence.beginMs < LIVE_STARTING_MS) return 1;
  const pause = zegoPause(ref);
  return pause && nowMs >= pause.fromMs && nowMs < pause.toMs ? 5 : 2;
}

/** Tasks that began within [fromMs, toMs], newest first (as ZEGO's sample response orders them). */
export function zegoTasksInWindow(app: ZegoApp, fromMs: number, toMs: number, roomId: string | undefined, nowMs: number): ZegoTaskRef[] {
  const refs: ZegoTaskRef[] = [];
  for (const room of app.rooms) {
    if (roomId !== undefined && roomId !== room.roomId) continue;
    // Live rooms begin recording at creation: the initializing phase already has a begin time.
    for (const occurrence of occurrencesBeginningIn(room.schedule, room.key, fromMs, toMs, nowMs, 0)) {
      refs.push({ room, occurrence });
    }
  }
  return refs.sort((a, b) => b.occurrence.beginMs - a.occurrence.beginMs || a.room.order - b.room.order || a.occurrence.slot - b.occurrence.slot);
}

export function zegoTaskRecord(ref: ZegoTaskRef, nowMs: number, stops: StopLedger): ZegoTaskRecord {
  return {
    RecordBeginTimestamp: ref.occurrence.beginMs,
    TaskId: zegoTaskId(ref),
    RoomId: ref.room.roomId,
    Status: zegoTaskStatus(ref, nowMs, stops),
  };
}

/** ZEGO keeps tasks for 3 days: the task with this id that began since then, if any. */
export function findZegoTask(app: ZegoApp, taskId: string, nowMs: number): ZegoTaskRef | undefined {
  return zegoTasksInWindow(app, nowMs - 3 * 86_400_000, nowMs, undefined, nowMs).find((ref) => zegoTaskId(ref) === taskId);
}
