/**
 * How tasks read in the tree: status words, times, elapsed durations, row descriptions and group
 * labels. Pure (the translation function is passed in), so each rule is unit-tested.
 */
import type { LedgerEntry } from '../model/ledgerEntry';
import { isTerminal, type Product } from '../model/task';
import { statusLabel } from '../l10n/labels';
import type { Localize } from '../l10n/localize';
import type { TimeBucket } from './grouping';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `1 task`, `12 tasks`; `1 room`, `3 rooms`. */
export function nounCount(count: number, noun: 'task' | 'room', t: Localize): string {
  if (noun === 'task') return count === 1 ? t('1 task') : t('{0} tasks', count);
  return count === 1 ? t('1 room') : t('{0} rooms', count);
}

/** `14:02` today, `Mar 3 14:02` on another day (local time). */
export function formatClock(ms: number, now: number): string {
  const d = new Date(ms);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const today = new Date(now);
  if (d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate()) return hm;
  return `${d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })} ${hm}`;
}

/** `45s`, `12m`, `1h 02m`, `3d 04h`: the largest two units. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${pad(m % 60)}m`;
  return `${Math.floor(h / 24)}d ${pad(h % 24)}h`;
}

export function productLabel(product: Product, t: Localize): string {
  switch (product) {
    case 'trtc-recording':
      return t('TRTC Cloud Recording');
    case 'trtc-relay':
      return t('TRTC Relay (Stream Ingest)');
    case 'gme':
      return t('GME Recording');
    case 'css':
      return t('CSS Live Recording');
    case 'zego-recording':
      return t('ZEGO Cloud Recording');
  }
}

/**
 * `running · 12:03 · 1h 02m` while it runs; `ended · last seen 14:02` once it ended (or
 * `ended 14:02 · 1h 02m` when the vendor said when); `unknown · tracked 14:02` before the first answer.
 */
export function taskDescription(entry: LedgerEntry, now: number, t: Localize): string {
  const { task } = entry;
  const parts = [statusLabel(task.status, t)];
  if (task.status === 'unknown' && entry.history.length === 0) {
    parts.push(t('tracked {0}', formatClock(entry.firstSeen, now)));
  } else if (isTerminal(task.status)) {
    if (task.endedAt !== undefined && task.startedAt !== undefined) {
      parts.push(formatClock(task.endedAt, now), formatElapsed(task.endedAt - task.startedAt));
    } else {
      parts.push(t('last seen {0}', formatClock(entry.lastSeen, now)));
    }
  } else if (task.startedAt !== undefined) {
    parts.push(formatClock(task.startedAt, now), formatElapsed(now - task.startedAt));
  } else {
    parts.push(t('last seen {0}', formatClock(entry.lastSeen, now)));
  }
  if (entry.lastError) parts.push(t('refresh failed'));
  return parts.join(' · ');
}

/** A group row: `Today`, `Yesterday`, `Mon, Mar 3`, `14:00–15:00`, `March 2026`, `Rows 201–400`. */
export function bucketLabel(bucket: TimeBucket, now: number, t: Localize): string {
  const start = new Date(bucket.startMs);
  switch (bucket.level) {
    case 'month':
      return start.toLocaleDateString(undefined, { year: 'numeric', month: 'long' });
    case 'day': {
      const today = new Date(now);
      const todayStart = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
      const yesterdayStart = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1).getTime();
      if (bucket.startMs === todayStart) return t('Today');
      if (bucket.startMs === yesterdayStart) return t('Yesterday');
      return start.toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
    }
    case 'hour':
      return `${pad(start.getHours())}:00–${pad(new Date(bucket.endMs).getHours())}:00`;
    case 'slice':
      return t('Rows {0}–{1}', (bucket.from ?? 0) + 1, bucket.to ?? bucket.count);
  }
}

/** `(100+)` while more pages remain, `(42)` once everything is loaded. */
export function countLabel(count: number, more: boolean): string {
  return more ? `(${count}+)` : `(${count})`;
}

/** GME `RecordMode`: 1 single streams, 2 mixed, 3 both. */
export function recordModeLabel(mode: unknown, t: Localize): string | undefined {
  switch (mode) {
    case 1:
      return t('single streams');
    case 2:
      return t('mixed');
    case 3:
      return t('single + mixed');
    default:
      return mode === undefined || mode === null ? undefined : String(mode);
  }
}
