/** What the two listing APIs (CSS, ZEGO) share: refusing bad ranges before sending, and probing. */
import type { ListQuery } from '../../model/taskSource';
import { MediaApiError } from '../../model/errors';
import type { Vendor } from '../../model/task';

/** A request we refuse locally, before any network traffic. */
export function refused(vendor: Vendor, action: string, code: string, message: string): MediaApiError {
  return new MediaApiError({ vendor, action, kind: 'invalidInput', code, message, retryable: false });
}

/**
 * Checks a listing range: `startMs` not before `earliestMs` (the vendor's look-back limit, e.g.
 * "90 days"), and a non-empty range.
 */
export function checkListRange(vendor: Vendor, action: string, query: ListQuery, earliestMs: number, lookBack: string): void {
  if (!(query.endMs > query.startMs)) {
    throw refused(vendor, action, 'InvalidTimeRange', `${action}: the end time must be after the start time`);
  }
  if (query.startMs < earliestMs) {
    throw refused(
      vendor,
      action,
      'StartTimeTooOld',
      `${action} only answers for the last ${lookBack}; the start ${new Date(query.startMs).toISOString()} is before ${new Date(earliestMs).toISOString()}`,
    );
  }
}

/**
 * Margin kept inside a vendor's look-back limit, so a range that starts at the limit still
 * qualifies when the request reaches the server a moment later.
 */
export const LOOK_BACK_MARGIN_MS = 60_000;

/** Resolves when the call succeeded or the vendor answered "not found / ended": the key works. */
export async function probeBy(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (error instanceof MediaApiError && (error.kind === 'notFound' || error.kind === 'taskEnded')) return;
    throw error;
  }
}
