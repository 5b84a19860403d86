/** The time windows the UI asks listings for. Pure. */
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

/**
 * The end to ask for. CSS lists a task only when its whole scheduled span (up to a day) lies inside
 * the window, so it looks a day ahead; ZEGO filters on start time, so now is enough.
 */
export function listingEndMs(source: Pick<ListingSource, 'product' | 'clockOffsetMs'>, localNow: number): number {
  const now = localNow + source.clockOffsetMs();
  return source.product === 'css' ? now + 24 * HOUR_MS : now;
}
