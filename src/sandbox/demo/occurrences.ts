/**
 * The tasks a schedule produces, as plain time spans. Products (CSS, ZEGO) turn them into their own
 * records. Only tasks created by `nowMs` exist, so asking about the future shows nothing new.
 */
import { unit } from './hash';
import { LIVE_RUNNING_MS, LIVE_STARTING_MS, slotsBetween, slotStart } from './schedule';
import type { Schedule } from './world';

export interface Occurrence {
  readonly slot: number;
  /** When the task was created (live tasks exist a little before they begin). */
  readonly createdMs: number;
  readonly beginMs: number;
  /** Scheduled end. */
  readonly endMs: number;
}

/**
 * @param liveLeadMs how long after its creation a live task begins: CSS schedules the start a
 *   little ahead (the "starting" phase), ZEGO counts from creation (status 1, initializing).
 */
export function occurrenceAt(schedule: Schedule, key: string, slot: number, liveLeadMs: number): Occurrence {
  switch (schedule.kind) {
    case 'live': {
      const createdMs = slotStart(schedule.lane, slot);
      return { slot, createdMs, beginMs: createdMs + liveLeadMs, endMs: createdMs + LIVE_STARTING_MS + LIVE_RUNNING_MS };
    }
    case 'history': {
      const { periodMs } = schedule.lane;
      const beginMs = slotStart(schedule.lane, slot) + Math.floor(unit(key, slot, 'jitter') * periodMs * 0.25);
      // 20%..70% of the period: never overlaps the next slot, which starts at least 75% later.
      const endMs = beginMs + Math.floor(periodMs * (0.2 + 0.5 * unit(key, slot, 'length')));
      return { slot, createdMs: beginMs, beginMs, endMs };
    }
    case 'bulk': {
      const g = schedule.granularityMs;
      const span = schedule.endMs - schedule.startMs;
      const beginMs = schedule.startMs + Math.floor((slot * span) / schedule.count / g) * g;
      const running = schedule.runningUntilMs !== undefined && slot >= schedule.count - (schedule.running ?? 0);
      return { slot, createdMs: schedule.startMs, beginMs, endMs: running ? schedule.runningUntilMs! : beginMs + bulkDurationMs(schedule) };
    }
  }
}

/** Half a step, in whole granules: every task ends before the next begins and inside the window. */
export function bulkDurationMs(schedule: Extract<Schedule, { kind: 'bulk' }>): number {
  const g = schedule.granularityMs;
  return Math.max(g, Math.floor((schedule.endMs - schedule.startMs) / schedule.count / 2 / g) * g);
}

/** Tasks that exist at `nowMs` and begin within [fromMs, toMs], in begin order. */
export function occurrencesBeginningIn(schedule: Schedule, key: string, fromMs: number, toMs: number, nowMs: number, liveLeadMs: number): Occurrence[] {
  let slots: number[];
  if (schedule.kind === 'bulk') {
    const span = schedule.endMs - schedule.startMs;
    const first = Math.max(0, Math.floor(((fromMs - schedule.startMs) * schedule.count) / span) - 1);
    const last = Math.min(schedule.count - 1, Math.ceil(((toMs - schedule.startMs) * schedule.count) / span) + 1);
    slots = [];
    for (let i = first; i <= last; i++) slots.push(i);
  } else {
    // One extra slot: a task begins up to a quarter period (or the lead) after its slot starts.
    slots = slotsBetween(schedule.lane, fromMs, toMs, 1);
  }
  return slots.map((slot) => occurrenceAt(schedule, key, slot, liveLeadMs)).filter((o) => o.createdMs <= nowMs && o.beginMs >= fromMs && o.beginMs <= toMs);
}
