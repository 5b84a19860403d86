import { MediaApiError, isMediaApiError } from '../model/errors';
import type { Vendor } from '../model/task';

/**
 * Anything thrown below the UI as a `MediaApiError`, so every error row and message has one shape.
 * Vendor clients already throw `MediaApiError`; this catches the rest (a bug, an unexpected throw).
 */
export function asMediaApiError(err: unknown, vendor: Vendor, action: string): MediaApiError {
  if (isMediaApiError(err)) return err;
  if (err instanceof Error && err.name === 'AbortError') {
    return new MediaApiError({ vendor, action, kind: 'cancelled', code: 'Cancelled', message: 'Cancelled.', retryable: true });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new MediaApiError({ vendor, action, kind: 'vendor', code: 'Unexpected', message, retryable: true });
}

/** A task a listing no longer contains (CSS deleted it, ZEGO's 3 days passed). */
export function notListed(vendor: Vendor, action: string, taskId: string): MediaApiError {
  return new MediaApiError({
    vendor,
    action,
    kind: 'notFound',
    code: 'NotListed',
    message: `Task ${taskId} is no longer in the vendor's listing.`,
    retryable: false,
  });
}
