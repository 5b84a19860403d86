/** The time windows the UI asks listings for. Pure. */
import { traitsOf } from '../model/productTraits';
import type { Task } from '../model/task';
import type { ListingSource } from '../model/taskSource';

/**
 * Kept inside the vendor's look-back limit: the vendor checks the range against its own clock, a
 * moment after we computed it and up to as far ahead of ours as its signature check tolerates
 * (ZEGO 10 minutes, Tencent 5), so starting at the limit by our clock would be refused.
 */
export const LOOK_BACK_SAFETY_MS = 11 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * The earliest start to ask `source` for: `hours` back, but never past what the vendor accepts, both
 * by the vendor's clock (a local clock minutes off would otherwise put the start past its bound).
 */
export function listingStartMs(source: Pick<ListingSource, 'earliestStartMs' | 'clockOffsetMs'>, localNow: number, hours: number): number {
  const now = localNow + source.clockOffsetMs();
  return Math.max(source.earliestStartMs(now) + LOOK_BACK_SAFETY_MS, now - hours * HOUR_MS);
}

/** The end to ask for, by the vendor's clock: now, or as far ahead as the product's window rule says (`windowAheadHours`). */
export function listingEndMs(source: Pick<ListingSource, 'product' | 'clockOffsetMs'>, localNow: number): number {
  return localNow + source.clockOffsetMs() + traitsOf(source.product).windowAheadHours * HOUR_MS;
}

/**
 * The range a listing load asks for: the filter's hours (`filterRange` products) or all the vendor
 * keeps (`lookBack`), up to the product's end rule. The task loader and Copy Query As share it.
 */
export function listingRange(
  source: Pick<ListingSource, 'product' | 'earliestStartMs' | 'clockOffsetMs'>,
  localNow: number,
  filterHours: number,
): { startMs: number; endMs: number } {
  const traits = traitsOf(source.product);
  const hours = traits.window === 'filterRange' ? filterHours : traits.lookBackHours;
  return { startMs: listingStartMs(source, localNow, hours), endMs: listingEndMs(source, localNow) };
}

/** How far around a known task's times a re-listing looks (clocks and rounding). */
export const RELIST_MARGIN_MS = 60_000;

/**
 * The narrow window that lists one known task again: ZEGO filters on the start time, so a margin
 * around it; CSS lists tasks lying wholly inside, so from its start to its (scheduled) end.
 * `undefined` when the start is unknown or falls outside what the vendor accepts.
 */
export function knownTaskWindow(
  source: Pick<ListingSource, 'earliestStartMs' | 'product' | 'clockOffsetMs'>,
  task: Pick<Task, 'startedAt' | 'endedAt'>,
  now: number,
): { startMs: number; endMs: number } | undefined {
  if (task.startedAt === undefined) return undefined;
  const startMs = Math.max(listingStartMs(source, now, Number.POSITIVE_INFINITY), task.startedAt - RELIST_MARGIN_MS);
  const end = source.product === 'css' ? (task.endedAt ?? task.startedAt + 24 * HOUR_MS) + 1000 : task.startedAt + RELIST_MARGIN_MS;
  const endMs = Math.min(listingEndMs(source, now), end);
  return endMs > startMs ? { startMs, endMs } : undefined;
}
