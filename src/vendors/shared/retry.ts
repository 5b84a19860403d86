/**
 * Retry policy for read calls: exponential backoff with full jitter, bounded attempts, and only for
 * failures that may pass by themselves (rate limit, 5xx / internal error, reset, timeout). Auth,
 * permission, parameter and not-found errors are returned at once: repeating them cannot help.
 */
import { MediaApiError, type ApiErrorKind } from '../../model/errors';
import { sleep } from './abort';

export interface RetryPolicy {
  /** Total attempts including the first. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 4000 };

/** Vendor answers that may pass by themselves: rate limits and internal errors. */
export function isRetryableKind(kind: ApiErrorKind): boolean {
  return kind === 'rateLimit' || kind === 'server';
}

/** Whether a failure of attempt number `attempt` (1-based) should be tried again. */
export function shouldRetry(error: unknown, attempt: number, policy: RetryPolicy, retryIf: (error: MediaApiError) => boolean = (e) => e.retryable): boolean {
  return error instanceof MediaApiError && retryIf(error) && attempt < policy.maxAttempts;
}

/**
 * Write calls (stopping a task) may be sent again only when the vendor answered before processing
 * them: a rate-limit rejection. A timeout, reset or 5xx may hide an applied stop, so they are never
 * repeated; the caller re-queries the task instead.
 */
export function isNotAppliedRejection(error: MediaApiError): boolean {
  return error.kind === 'rateLimit';
}

/**
 * Full jitter: uniform in [0, min(max, base * 2^(attempt-1))). `random` is injectable for tests.
 * Rate-limit answers start from a whole limiter window, since the vendor counts per second.
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number, error?: unknown): number {
  const base = error instanceof MediaApiError && error.kind === 'rateLimit' ? Math.max(policy.baseDelayMs, 1000) : policy.baseDelayMs;
  const ceiling = Math.min(policy.maxDelayMs, base * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

export interface RetryDeps {
  readonly policy: RetryPolicy;
  readonly random: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told before each wait, for logging. */
  readonly onRetry?: (error: MediaApiError, attempt: number, delayMs: number) => void;
}

export const DEFAULT_RETRY_DEPS: RetryDeps = { policy: DEFAULT_RETRY_POLICY, random: Math.random, sleep };

/** Runs `attempt(n)` until it succeeds, fails for good, or `signal` aborts (also during a wait). */
export async function withRetry<T>(
  run: (attempt: number) => Promise<T>,
  deps: RetryDeps,
  signal?: AbortSignal,
  retryIf?: (error: MediaApiError) => boolean,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(attempt);
    } catch (error) {
      if (!shouldRetry(error, attempt, deps.policy, retryIf)) throw error;
      const delay = backoffDelayMs(attempt, deps.policy, deps.random, error);
      deps.onRetry?.(error as MediaApiError, attempt, delay);
      await deps.sleep(delay, signal);
    }
  }
}
