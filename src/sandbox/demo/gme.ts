/** GME rooms: a room holds a recording task (TaskId above 2^53) while its live cycle is starting or running. */
import { hash32, u64AboveSafe } from './hash';
import { livePhase, slotAt, slotStart, type Lane } from './schedule';
import type { StopLedger } from './stops';
import type { GmeRoom, TencentApp } from './world';

export interface GmeTask {
  /** u64; emitted as a raw JSON integer, never through a JS number. */
  readonly taskId: bigint;
  /** 1 single stream, 2 mixed, 3 both. */
  readonly recordMode: 1 | 2 | 3;
  /** At most one of the two lists is non-empty, as StartRecord allows. */
  readonly subscribeUserIds: string[];
  readonly unSubscribeUserIds: string[];
}

/** The room's ongoing task; a task ended by StopRecord is gone from the room at once. */
export function gmeCurrentTask(room: GmeRoom, nowMs: number, stops: StopLedger): GmeTask | undefined {
  if (!room.lane) return undefined;
  const slot = slotAt(room.lane, nowMs);
  const phase = livePhase(slotStart(room.lane, slot), nowMs);
  if (phase !== 'starting' && phase !== 'running') return undefined;
  const taskId = u64AboveSafe(room.key, slot, 'gme-task');
  if (stops.stopTime(taskId.toString(), nowMs) !== undefined) return undefined;
  const h = hash32(room.key, slot, 'gme');
  const list = ['3342', String(1000 + (h % 9000))];
  return {
    taskId,
    recordMode: ((h % 3) + 1) as 1 | 2 | 3,
    subscribeUserIds: h % 3 === 1 ? list : [],
    unSubscribeUserIds: h % 3 === 2 ? list : [],
  };
}

/** How many past cycles a TaskId is still looked up for (DescribeRecordInfo). */
const RECOGNISED_SLOTS = 6;

export interface FoundGmeTask {
  readonly room: GmeRoom;
  readonly taskId: bigint;
  readonly recordMode: 1 | 2 | 3;
  /** When the task's cycle began (it records from the end of the starting phase). */
  readonly startMs: number;
  /** When StopRecord ended it, if it did. */
  readonly stoppedMs?: number;
}

/** A room that records (most demo rooms do; some only exist). */
export type RecordingGmeRoom = GmeRoom & { readonly lane: Lane };

export function recordsTasks(room: GmeRoom): room is RecordingGmeRoom {
  return room.lane !== undefined;
}

/** The task of one cycle (`slot`) of a room, as known at `nowMs`. */
export function gmeTaskInSlot(app: TencentApp, room: RecordingGmeRoom, slot: number, nowMs: number): FoundGmeTask {
  const taskId = u64AboveSafe(room.key, slot, 'gme-task');
  const recordMode = ((hash32(room.key, slot, 'gme') % 3) + 1) as 1 | 2 | 3;
  return { room, taskId, recordMode, startMs: slotStart(room.lane, slot), stoppedMs: app.stops.stopTime(taskId.toString(), nowMs) };
}

/** The app's task with this id, among the recent cycles of every room that records. */
export function findGmeTask(app: TencentApp, taskId: bigint, nowMs: number): FoundGmeTask | undefined {
  for (const room of app.gmeRooms.filter(recordsTasks)) {
    const latest = slotAt(room.lane, nowMs);
    for (let slot = latest; slot > latest - RECOGNISED_SLOTS; slot--) {
      if (slotStart(room.lane, slot) <= nowMs && u64AboveSafe(room.key, slot, 'gme-task') === taskId) return gmeTaskInSlot(app, room, slot, nowMs);
    }
  }
  return undefined;
}
