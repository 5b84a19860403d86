/**
 * The tree's own row texts: a task row's description and a group row's label. The words, times and
 * durations in them come from the display module, so the tree says what the panels say.
 */
import type { LedgerEntry } from '../model/ledgerEntry';
import { isTerminal } from '../model/task';
import { statusLabel } from '../display/labels';
import type { Localizer, TimeContext } from '../display/localize';
import { formatClock, formatDuration } from '../display/time';
import type { TimeBucket } from './grouping';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * `running · 12:03 · 1h 2m` while it runs; `ended · last seen 14:02` once it ended (or
 * `ended · 14:02 · 1h 2m` when the vendor said when); `unknown · tracked 14:02` before the first answer.
 */
export function taskDescription(entry: LedgerEntry, time: TimeContext, l10n: Localizer): string {
  const { task } = entry;
  const parts = [statusLabel(task.status, l10n)];
  if (task.status === 'unknown' && entry.history.length === 0) {
    parts.push(l10n.t('tracked {0}', formatClock(entry.firstSeen, time)));
  } else if (isTerminal(task.status)) {
    if (task.endedAt !== undefined && task.startedAt !== undefined) {
      parts.push(formatClock(task.endedAt, time), formatDuration(task.endedAt - task.startedAt, time.locale));
    } else {
      parts.push(l10n.t('last seen {0}', formatClock(entry.lastSeen, time)));
    }
  } else if (task.startedAt !== undefined) {
    parts.push(formatClock(task.startedAt, time), formatDuration(time.now - task.startedAt, time.locale));
  } else {
    parts.push(l10n.t('last seen {0}', formatClock(entry.lastSeen, time)));
  }
  if (entry.lastError) parts.push(l10n.t('refresh failed'));
  return parts.join(' · ');
}

/**
 * A group row: `Today`, `Yesterday`, `Mon, Mar 3`, `14:00–15:00`, `March 2026`, `Rows 201–400`.
 * Buckets are cut in local time (see grouping.ts), so their labels are read in local time too.
 */
export function bucketLabel(bucket: TimeBucket, time: TimeContext, l10n: Localizer): string {
  const start = new Date(bucket.startMs);
  switch (bucket.level) {
    case 'month':
      return start.toLocaleDateString(time.locale, { year: 'numeric', month: 'long' });
    case 'day': {
      const today = new Date(time.now);
      const todayStart = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
      const yesterdayStart = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1).getTime();
      if (bucket.startMs === todayStart) return l10n.t('Today');
      if (bucket.startMs === yesterdayStart) return l10n.t('Yesterday');
      return start.toLocaleDateString(time.locale, { weekday: 'short', month: 'short', day: 'numeric' });
    }
    case 'hour':
      return `${pad(start.getHours())}:00–${pad(new Date(bucket.endMs).getHours())}:00`;
    case 'slice':
      return l10n.t('Rows {0}–{1}', (bucket.from ?? 0) + 1, bucket.to ?? bucket.count);
  }
}
