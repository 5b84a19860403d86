/** How a task is named in titles, notifications and every task QuickPick. */
import { entryStartMs, type LedgerEntry } from '../model/ledgerEntry';
import type { TaskKey } from '../model/task';
import { productLabel, roomLabel, statusLabel, vendorLabel } from './labels';
import type { Localizer, TimeContext } from './localize';
import { shortId } from './text';
import { pickText, plainText } from './vendorText';

/** Makes a vendor string inert for the surface it goes to (vendorText: plainText, pickText, messageText). */
type Show = (vendorText: string) => string;
import { formatDuration, formatRelative } from './time';

/** `Task 1234… (TRTC Cloud Recording)`: panel titles, notifications, picker labels. */
export function taskTitle(key: TaskKey, l10n: Localizer, show: Show = plainText): string {
  return l10n.t('Task {0} ({1})', show(shortId(key.taskId)), productLabel(key.product, l10n));
}

/** `Room room-42`, `Stream live/abc`: where a task runs. */
export function taskPlace(entry: Pick<LedgerEntry['task'], 'product' | 'room'>, l10n: Localizer, show: Show = plainText): string {
  return l10n.t('{0} {1}', roomLabel(entry.product, l10n), show(shortId(entry.room, 40)));
}

/** The account in a pick row, as the user named it: its internal id means nothing to anyone. */
export function accountPickText(accountLabel: string | undefined, l10n: Localizer): string {
  return accountLabel === undefined ? l10n.t('removed account') : pickText(shortId(accountLabel, 40));
}

export interface TaskPickRow {
  readonly label: string;
  readonly description: string;
  readonly detail: string;
}

/** One row of a task picker: `Task 1234… (TRTC Relay …)`, `running · Room 42`, `for 1h 2m · Tencent Cloud · account`. */
export function taskPickRow(entry: LedgerEntry, time: TimeContext, l10n: Localizer, accountLabel: string | undefined): TaskPickRow {
  const task = entry.task;
  // CSS reports the scheduled end of a running task, which lies ahead: elapsed first, then when it ends.
  const elapsed = l10n.t('for {0}', formatDuration(time.now - entryStartMs(entry), time.locale));
  const when =
    task.endedAt === undefined
      ? elapsed
      : task.endedAt <= time.now
        ? l10n.t('ended {0}', formatRelative(task.endedAt, time))
        : l10n.t('{0}, ends {1}', elapsed, formatRelative(task.endedAt, time));
  const account = accountPickText(accountLabel, l10n);
  return {
    label: taskTitle(task, l10n, pickText),
    description: `${statusLabel(task.status, l10n)} · ${taskPlace(task, l10n, pickText)}`,
    detail: `${when} · ${vendorLabel(task.vendor, l10n)} · ${account}`,
  };
}
