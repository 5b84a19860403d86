/** Per-action request counters: the benchmark's referee for achieved rates and rate-limit errors. */
import type { ActionStats, SandboxStats } from './types';

/** Per-second buckets older than this are dropped so a long-running sandbox stays small. */
const KEEP_SECONDS = 3600;

interface Counters {
  requests: number;
  rateLimited: number;
  maxPerSecond: number;
  perSecond: Map<number, number>;
}

export class StatsRecorder implements SandboxStats {
  private readonly actions = new Map<string, Counters>();

  private counters(action: string): Counters {
    let c = this.actions.get(action);
    if (!c) {
      c = { requests: 0, rateLimited: 0, maxPerSecond: 0, perSecond: new Map() };
      this.actions.set(action, c);
    }
    return c;
  }

  arrival(action: string, arrivalMs: number): void {
    const c = this.counters(action);
    const second = Math.floor(arrivalMs / 1000);
    const count = (c.perSecond.get(second) ?? 0) + 1;
    c.perSecond.set(second, count);
    c.requests++;
    c.maxPerSecond = Math.max(c.maxPerSecond, count);
    for (const s of c.perSecond.keys()) {
      if (s > second - KEEP_SECONDS) break; // insertion order is arrival order
      c.perSecond.delete(s);
    }
  }

  rateLimited(action: string): void {
    this.counters(action).rateLimited++;
  }

  snapshot(): Record<string, ActionStats> {
    const out: Record<string, ActionStats> = {};
    for (const [action, c] of this.actions) {
      out[action] = {
        requests: c.requests,
        rateLimited: c.rateLimited,
        maxPerSecond: c.maxPerSecond,
        perSecond: Object.fromEntries([...c.perSecond].map(([s, n]) => [String(s), n])),
      };
    }
    return out;
  }

  reset(): void {
    this.actions.clear();
  }
}
