/**
 * What a stop request's answer means. The line that matters is between "refused before it was
 * applied" (thrown: the user may fix the cause and try again) and "the answer was lost" (`unknown`:
 * the stop may have happened, so it is never sent again by itself; the task is re-queried instead).
 */
import { MediaApiError } from '../../model/errors';
import type { StopOutcome, StopPermission } from '../../model/taskStop';

/**
 * Failures after which the request may have reached the vendor and been applied. A refused
 * connection never carried the request, so it is a plain failure.
 */
export function outcomeIsUnknown(error: MediaApiError): boolean {
  if (error.kind === 'network') return error.code !== 'ECONNREFUSED';
  return error.kind === 'timeout' || error.kind === 'malformed' || error.kind === 'server';
}

/**
 * Sends one stop and classifies its answer. `isEnded` names the vendor's "that task is over or
 * unknown" answers; every other vendor error is thrown as it came.
 */
export async function stopOutcome(send: () => Promise<{ readonly requestId?: string }>, isEnded: (error: MediaApiError) => boolean): Promise<StopOutcome> {
  try {
    const { requestId } = await send();
    return { kind: 'stopped', requestId };
  } catch (error) {
    if (!(error instanceof MediaApiError)) throw error;
    if (isEnded(error)) return { kind: 'alreadyEnded', error };
    if (outcomeIsUnknown(error)) return { kind: 'unknown', error };
    throw error;
  }
}

/**
 * Reads the answer to a stop of a task id that cannot exist. Access management is checked before the
 * action looks at its parameters, so "no such task" (or a rejected parameter) means the key passed
 * it; a permission or credential error means it did not.
 */
export async function probeOutcome(stop: () => Promise<StopOutcome>): Promise<StopPermission> {
  try {
    const outcome = await stop();
    return outcome.kind === 'unknown' ? { kind: 'unknown', error: outcome.error } : { kind: 'allowed' };
  } catch (error) {
    if (!(error instanceof MediaApiError)) throw error;
    if (error.kind === 'permission' || error.kind === 'auth' || error.kind === 'serviceNotActivated') return { kind: 'denied', error };
    // Only the vendor's own answer counts: a request refused here (region) never asked it.
    const answered = error.httpStatus !== undefined;
    if (answered && (error.kind === 'invalidInput' || error.kind === 'notFound' || error.kind === 'taskEnded')) return { kind: 'allowed' };
    return { kind: 'unknown', error };
  }
}
