/**
 * Client-side rate limiting per (vendor, action), shared by every account in the process, so
 * paging thousands of tasks never draws a rate-limit error from the vendor.
 *
 * The vendors (and the sandbox referee) count requests per wall-clock second, so what must hold is
 * "at most `limit` arrivals in any one second". Starts are paced evenly, one every
 * `windowMs / limit`: any interval shorter than `windowMs` then holds at most `limit` starts. Pacing
 * rather than a burst-then-wait window matters: a burst of 20 leaves the client spread over tens of
 * milliseconds (signing, new sockets, a busy event loop), which is exactly the jitter that pushes a
 * 21st arrival into the server's second. The window is slightly longer than a second so the arrival
 * jitter of single requests (a few ms) has 30 ms of room; throughput stays at 97% of the limit.
 */
import type { Vendor } from '../../model/task';
import { abortable, sleep, throwIfAborted } from './abort';

export interface LimiterClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: LimiterClock = { now: () => performance.now(), sleep };

/** A second plus the jitter margin; see the file comment. */
export const DEFAULT_WINDOW_MS = 1030;

/** Timer lateness credited back to the pace (it comes out of the 30 ms margin). */
const TIMER_SLACK_MS = 2;

export class PacedRateLimiter {
  /** Minimum distance between two starts. */
  readonly gapMs: number;
  private lastStart: number | undefined;
  /** Waiters are served in arrival order, one at a time. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly limit: number,
    readonly windowMs: number = DEFAULT_WINDOW_MS,
    private readonly clock: LimiterClock = realClock,
  ) {
    if (!(limit >= 1)) throw new RangeError(`limit must be at least 1, got ${limit}`);
    this.gapMs = windowMs / limit;
  }

  /** How long a request arriving at `now` must wait; 0 means it may start now. */
  delayAt(now: number): number {
    return this.lastStart === undefined ? 0 : Math.max(0, this.lastStart + this.gapMs - now);
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
        // Timers wake a millisecond or so late; crediting up to TIMER_SLACK_MS of that keeps the paced
        // rate while bounding how much closer than `gapMs` two real starts can get.
        this.lastStart = this.lastStart === undefined ? now : Math.max(this.lastStart + this.gapMs, now - TIMER_SLACK_MS);
        return;
      }
      await this.clock.sleep(delay, signal);
    }
  }
}

/**
 * ZEGO actions whose page documents another limit than DescribeTasks' 10/s: StopRecord "50 times/second"
 * (https://www.zegocloud.com/docs/cloud-recording-server/stop-record).
 */
const ZEGO_ACTION_LIMITS: Readonly<Record<string, number>> = { StopRecord: 50 };

/**
 * Tencent actions whose page documents another limit than the usual 20/s: VOD DescribeMediaInfos
 * "100 requests per second" (https://www.tencentcloud.com/document/api/266/34181).
 */
const TENCENT_ACTION_LIMITS: Readonly<Record<string, number>> = { DescribeMediaInfos: 100 };

/** Documented per-action limits: 20/s for Tencent and 10/s for ZEGO, unless listed above. */
export function documentedLimit(vendor: Vendor, action?: string): number {
  const table = vendor === 'tencent' ? TENCENT_ACTION_LIMITS : ZEGO_ACTION_LIMITS;
  return (action !== undefined ? table[action] : undefined) ?? (vendor === 'tencent' ? 20 : 10);
}

/** Limiters keyed by `vendor/action`. One registry per process (see `sharedLimiters`). */
export class RateLimiterRegistry {
  private readonly limiters = new Map<string, PacedRateLimiter>();

  constructor(private readonly clock: LimiterClock = realClock) {}

  get(vendor: Vendor, action: string): PacedRateLimiter {
    const key = `${vendor}/${action}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new PacedRateLimiter(documentedLimit(vendor, action), DEFAULT_WINDOW_MS, this.clock);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }
}

/** The process-wide registry: the UI polls several accounts at once and the vendors also count per caller IP. */
export const sharedLimiters = new RateLimiterRegistry();
