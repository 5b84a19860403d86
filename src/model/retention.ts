/**
 * Which ledger entries retention removes. Kept: every pinned entry (the user's own), every entry
 * not known to have ended, and every ended entry younger than the retention period or still within
 * its vendor's query horizon (the vendor could list it again, so the ledger is not its only memory
 * only once that horizon has passed; removing it earlier would just make it come back). Beyond the
 * period, the bound on entries applies too: the oldest ended, unpinned entries go first. Pure.
 */
import { entryStartMs, type LedgerEntry } from './ledgerEntry';
import { traitsOf } from './productTraits';
import { isTerminal, type Product } from './task';

const DAY_MS = 86_400_000;

export interface RetentionPolicy {
  /** Ended, unpinned tasks last seen longer ago than this are removed (0: never by age). */
  readonly days: number;
  /** At most this many entries are kept; beyond it the oldest ended, unpinned ones go (0: no bound). */
  readonly maxEntries: number;
}

/** How far back each vendor can still be asked about a task, days (CSS lists 90 days, ZEGO 3; TRTC and GME none). */
function queryHorizonDays(product: Product): number {
  const { asked, lookBackHours } = traitsOf(product);
  return asked === 'listing' ? lookBackHours / 24 : 0;
}

export const DEFAULT_RETENTION: RetentionPolicy = { days: 30, maxEntries: 50_000 };

/** Reads the two settings, falling back to the defaults for anything that is not a whole number >= 0. */
export function retentionFrom(days: unknown, maxEntries: unknown): RetentionPolicy {
  const whole = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fallback);
  return { days: whole(days, DEFAULT_RETENTION.days), maxEntries: whole(maxEntries, DEFAULT_RETENTION.maxEntries) };
}

const removable = (e: LedgerEntry): boolean => !e.pinned && isTerminal(e.task.status);

/** The entries `policy` removes at `now`, out of `entries` (`size` of them). */
export function expiredEntries(entries: Iterable<LedgerEntry>, size: number, policy: RetentionPolicy, now: number): LedgerEntry[] {
  const expired: LedgerEntry[] = [];
  const candidates: LedgerEntry[] = [];
  for (const entry of entries) {
    if (!removable(entry)) continue;
    const horizon = now - queryHorizonDays(entry.product) * DAY_MS;
    if (policy.days > 0 && entry.lastSeen < now - policy.days * DAY_MS && entryStartMs(entry) < horizon) expired.push(entry);
    else if (policy.maxEntries > 0 && size > policy.maxEntries) candidates.push(entry);
  }
  const over = size - expired.length - policy.maxEntries;
  if (policy.maxEntries > 0 && over > 0) {
    candidates.sort((a, b) => a.lastSeen - b.lastSeen || entryStartMs(a) - entryStartMs(b));
    expired.push(...candidates.slice(0, over));
  }
  return expired;
}
