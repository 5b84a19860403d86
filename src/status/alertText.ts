/**
 * The words of a long-running alert: past the user's threshold, or close to the vendor's own limit
 * (what the vendor does there, and how long is left). Pure: `alerts.ts` passes `vscode.l10n`.
 */
import type { Localizer } from '../display/localize';
import { taskPlace, taskTitle } from '../display/taskPick';
import { formatDuration } from '../display/time';
import { VENDOR_LIMITS, type LongRunningTask } from './longRunning';

export function longRunningMessage(task: LongRunningTask, l10n: Localizer, locale: string, show: (vendorText: string) => string): string {
  const { entry } = task;
  const title = taskTitle(entry, l10n, show);
  const place = taskPlace(entry.task, l10n, show);
  const ran = formatDuration(task.runningMs, locale);
  const limit = formatDuration(task.thresholdMs, locale);
  const left = task.thresholdMs - task.runningMs;
  const kind = task.stage === 'limit' ? VENDOR_LIMITS[entry.product] : undefined;
  if (kind === 'maxRecordTime') {
    return left > 0
      ? l10n.t(
          '{0} in {1} has been running for {2}: ZEGO ends it at its MaxRecordTime ({3}), {4} from now.',
          title,
          place,
          ran,
          limit,
          formatDuration(left, locale),
        )
      : l10n.t('{0} in {1} has been running for {2}, past the MaxRecordTime in your settings ({3}): ZEGO may end it at any moment.', title, place, ran, limit);
  }
  if (kind === 'resourceExpiry') {
    return left > 0
      ? l10n.t(
          '{0} in {1} has been running for {2}: at its ResourceExpiredHour ({3}), {4} from now, TRTC stops answering queries and stop requests for it.',
          title,
          place,
          ran,
          limit,
          formatDuration(left, locale),
        )
      : l10n.t(
          '{0} in {1} has been running for {2}, past the ResourceExpiredHour in your settings ({3}): TRTC may no longer answer queries or stop requests for it.',
          title,
          place,
          ran,
          limit,
        );
  }
  return l10n.t('{0} in {1} has been running for {2}, longer than its alert threshold ({3}).', title, place, ran, limit);
}
