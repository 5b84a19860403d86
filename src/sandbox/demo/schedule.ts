/**
 * Time as the demo data sees it: lanes of repeating slots. A lane is a room or stream that gets a new
 * task every `periodMs`; slot k starts at `offsetMs + k * periodMs` (absolute time, so the same seed
 * gives the same tasks across restarts and the data moves on as the clock does).
 */

export interface Lane {
  readonly offsetMs: number;
  readonly periodMs: number;
}

export function slotAt(lane: Lane, timeMs: number): number {
  return Math.floor((timeMs - lane.offsetMs) / lane.periodMs);
}

export function slotStart(lane: Lane, slot: number): number {
  return lane.offsetMs + slot * lane.periodMs;
}

/** Slots whose start lies in [fromMs, toMs], widened by `leadSlots` earlier ones for jittered starts. */
export function slotsBetween(lane: Lane, fromMs: number, toMs: number, leadSlots = 0): number[] {
  const first = slotAt(lane, fromMs) - leadSlots;
  const last = slotAt(lane, toMs);
  const slots: number[] = [];
  for (let k = first; k <= last; k++) slots.push(k);
  return slots;
}

/**
 * Live tasks: each slot of a live lane is one task that is starting for 2 minutes, running for 5,
 * ending for 1, then over (2 quiet minutes before the next one). Lanes of one product are staggered
 * so some task of every product is running at any moment.
 */
export const LIVE_PERIOD_MS = 10 * 60_000;
export const LIVE_STARTING_MS = 2 * 60_000;
export const LIVE_RUNNING_MS = 5 * 60_000;
export const LIVE_ENDING_MS = 60_000;

export type LivePhase = 'starting' | 'running' | 'ending' | 'ended';

export function livePhase(startMs: number, nowMs: number): LivePhase | undefined {
  const age = nowMs - startMs;
  if (age < 0) return undefined;
  if (age < LIVE_STARTING_MS) return 'starting';
  if (age < LIVE_STARTING_MS + LIVE_RUNNING_MS) return 'running';
  if (age < LIVE_STARTING_MS + LIVE_RUNNING_MS + LIVE_ENDING_MS) return 'ending';
  return 'ended';
}

/** Live lanes of one product, `count` of them evenly staggered over the period from `phaseMs`. */
export function staggeredLanes(count: number, phaseMs: number): Lane[] {
  return Array.from({ length: count }, (_, i) => ({
    offsetMs: phaseMs + Math.round((i * LIVE_PERIOD_MS) / count),
    periodMs: LIVE_PERIOD_MS,
  }));
}
