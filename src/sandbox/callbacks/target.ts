/**
 * One registered callback target: where it is (loopback only), which callbacks it has been given, and
 * each callback's tries under its vendor's retry rule. Pure bookkeeping; the dispatcher does the HTTP.
 */
import type { CallbackTargetOptions, CallbackTargetStats } from '../types';
import type { World } from '../demo/world';
import type { DemoCallback } from './demoCallback';
import { demoCallbackEvents } from './events';
import { RETRY_AFTER_MS } from './retries';
import { signCallback, type SignedCallback } from './sign';

/** A target the sandbox refuses: not a loopback http URL, or a replay from too long ago. */
export class CallbackTargetError extends Error {}

/** `URL.hostname` spells IPv6 with brackets. */
const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', '[::1]', 'localhost']);
const MAX_REPLAY_MS = 86_400_000;

/** The URL, when it is a plain http URL on loopback: demo callbacks never leave the machine. */
export function loopbackUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CallbackTargetError(`${JSON.stringify(text)} is not a URL; give one such as "http://127.0.0.1:PORT/"`);
  }
  if (url.protocol !== 'http:' || url.username !== '' || url.password !== '') {
    throw new CallbackTargetError(`callbacks are sent over plain http without credentials, not to ${url.protocol}//…`);
  }
  if (!LOOPBACK_HOSTNAMES.has(url.hostname)) {
    throw new CallbackTargetError(`callbacks are sent to loopback only (127.0.0.1, ::1 or localhost), not to ${url.hostname}`);
  }
  return url;
}

function replayCursor(replayFromMs: number | undefined, nowMs: number): number {
  if (replayFromMs === undefined) return nowMs;
  if (!Number.isFinite(replayFromMs) || replayFromMs > nowMs || replayFromMs < nowMs - MAX_REPLAY_MS) {
    throw new CallbackTargetError('replayFromMs must be a Unix time in ms within the last 24 hours');
  }
  return replayFromMs;
}

export interface Delivery {
  readonly callback: DemoCallback;
  /** Signed once: a retry sends the same bytes. */
  readonly request: SignedCallback;
  tries: number;
  firstTryMs: number;
  nextTryMs: number;
  inFlight: boolean;
}

export class CallbackTarget {
  readonly url: URL;
  private readonly hostileStrings: boolean;
  /** Callbacks due up to here have been queued. */
  private cursorMs: number;
  private readonly deliveries: Delivery[] = [];
  private readonly counts = { sent: 0, delivered: 0, failed: 0, retried: 0 };

  constructor(url: string, options: CallbackTargetOptions, nowMs: number) {
    this.url = loopbackUrl(url);
    this.cursorMs = replayCursor(options.replayFromMs, nowMs);
    this.hostileStrings = options.hostileStrings === true;
  }

  /** Queues the callbacks that fell due since the last call. */
  enqueue(world: World, nowMs: number): void {
    if (nowMs <= this.cursorMs) return;
    for (const callback of demoCallbackEvents(world, this.cursorMs, nowMs, { hostileStrings: this.hostileStrings })) {
      this.deliveries.push({ callback, request: signCallback(callback), tries: 0, firstTryMs: nowMs, nextTryMs: callback.dueMs, inFlight: false });
    }
    this.cursorMs = nowMs;
  }

  /** The deliveries to try (again) at `nowMs`, counted and marked as under way. */
  takeDue(nowMs: number): Delivery[] {
    const due = this.deliveries.filter((d) => !d.inFlight && d.nextTryMs <= nowMs);
    for (const delivery of due) {
      if (delivery.tries === 0) delivery.firstTryMs = nowMs;
      else this.counts.retried++;
      delivery.tries++;
      this.counts.sent++;
      delivery.inFlight = true;
    }
    return due;
  }

  /** Records a try's answer (its HTTP status; undefined when none came) and schedules the vendor's next retry, if it has one left. */
  settle(delivery: Delivery, status: number | undefined): 'delivered' | 'retry' | 'failed' {
    delivery.inFlight = false;
    const retryAfter = status === 200 ? undefined : RETRY_AFTER_MS[delivery.callback.kind][delivery.tries - 1];
    if (retryAfter !== undefined) {
      delivery.nextTryMs = delivery.firstTryMs + retryAfter;
      return 'retry';
    }
    const index = this.deliveries.indexOf(delivery);
    if (index >= 0) this.deliveries.splice(index, 1);
    if (status === 200) this.counts.delivered++;
    else this.counts.failed++;
    return status === 200 ? 'delivered' : 'failed';
  }

  stats(): CallbackTargetStats {
    return { url: this.url.href, hostileStrings: this.hostileStrings, ...this.counts, pending: this.deliveries.length };
  }
}
