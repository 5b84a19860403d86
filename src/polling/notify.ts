/** When a watched task's status change deserves a notification, and what it says. Pure. */
import type { LedgerEntry } from '../model/ledgerEntry';
import { isTerminal, type TaskStatus } from '../model/task';
import { statusLabel } from '../display/labels';
import type { Localizer } from '../display/localize';
import type { NotificationSetting } from '../settings/values';
import { taskPlace, taskTitle } from '../display/taskPick';
import { messageText } from '../display/vendorText';

export interface StatusChange {
  readonly entry: LedgerEntry;
  readonly previous: TaskStatus;
}

export function shouldNotify(previous: TaskStatus, next: TaskStatus, setting: NotificationSetting): boolean {
  if (setting === 'off' || previous === next) return false;
  if (setting === 'all') return true;
  return isTerminal(next) && !isTerminal(previous);
}

export function notificationMessage(change: StatusChange, l10n: Localizer): { text: string; severity: 'info' | 'warning' } {
  const task = change.entry.task;
  const title = taskTitle(task, l10n);
  const where = taskPlace(task, l10n, messageText);
  if (task.status === 'failed') return { text: l10n.t('{0} in {1} failed.', title, where), severity: 'warning' };
  if (task.status === 'ended') return { text: l10n.t('{0} in {1} ended.', title, where), severity: 'info' };
  return {
    text: l10n.t('{0} in {1} is now {2} (was {3}).', title, where, statusLabel(task.status, l10n), statusLabel(change.previous, l10n)),
    severity: 'info',
  };
}
