/**
 * Client-side rate limiting per (vendor, action), shared by every account in the process, so
 * paging thousands of tasks never draws a rate-limit error from the vendor.
 *
 * A sliding window rather than a token bucket: the vendors (and the sandbox referee) count requests
 * per wall-clock second, so what must hold is "at most `limit` request starts in ANY window of
 * `windowMs`". The window is slightly longer than a second so network jitter between our start and
 * the server's arrival time cannot push a 21st request into the server's second; 1030 ms still leaves
 * 97% of the documented throughput.
 */
import type { Vendor } from '../../model/task';
import { abortable, sleep, throwIfAborted } from './abort';

export interface LimiterClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: LimiterClock = { now: () => performance.now(), sleep };

/** Safety margin over one second; see the file comment. */
export const DEFAULT_WINDOW_MS = 1030;

export class SlidingWindowLimiter {
  /** Start times of the most recent requests, oldest first; never longer than `limit`. */
  private readonly starts: number[] = [];
  /** Waiters are served in arrival order, one at a time. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly limit: number,
    readonly windowMs: number = DEFAULT_WINDOW_MS,
    private readonly clock: LimiterClock = realClock,
  ) {
    if (!(limit >= 1)) throw new RangeError(`limit must be at least 1, got ${limit}`);
  }

  /**
   * How long a request arriving at `now` must wait; 0 means it may start now. Pure given the
   * recorded starts, so tests can drive it with any clock.
   */
  delayAt(now: number): number {
    while (this.starts.length > 0 && this.starts[0] <= now - this.windowMs) this.starts.shift();
    return this.starts.length < this.limit ? 0 : this.starts[0] + this.windowMs - now;
  }

  /** Resolves when the caller may start one request (and records that start). */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot(signal));
    this.queue = turn.catch(() => undefined);
    return abortable(turn, signal);
  }

  private async waitForSlot(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      // A waiter cancelled while queued gives its turn away without recording a start.
      throwIfAborted(signal);
      const now = this.clock.now();
      const delay = this.delayAt(now);
      if (delay <= 0) {
        this.starts.push(now);
        return;
      }
      await this.clock.sleep(delay, signal);
    }
  }
}

/** Documented per-action limits: 20/s for every Tencent action, 10/s for ZEGO DescribeTasks. */
export function documentedLimit(vendor: Vendor): number {
  return vendor === 'tencent' ? 20 : 10;
}

/** Limiters keyed by `vendor/action`. One registry per process (see `sharedLimiters`). */
export class RateLimiterRegistry {
  private readonly limiters = new Map<string, SlidingWindowLimiter>();

  constructor(private readonly clock: LimiterClock = realClock) {}

  get(vendor: Vendor, action: string): SlidingWindowLimiter {
    const key = `${vendor}/${action}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new SlidingWindowLimiter(documentedLimit(vendor), DEFAULT_WINDOW_MS, this.clock);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }
}

/** The process-wide registry: the UI polls several accounts at once and the vendors also count per caller IP. */
export const sharedLimiters = new RateLimiterRegistry();
