/**
 * What vendor codes mean, in words: GME record modes, ZEGO task statuses, storage-file track types.
 * The short form fits a tree row; the long form explains the value in a panel. Codes are from
 * https://www.tencentcloud.com/document/api/607/53738 (GME DescribeTaskInfo) and
 * https://www.zegocloud.com/docs/cloud-recording-server/describe-tasks (ZEGO DescribeTasks).
 */
import type { Localizer } from './localize';

/** GME `RecordMode` 1/2/3, short: `mixed`. Unknown values show verbatim; absent ones not at all. */
export function recordModeLabel(mode: unknown, l10n: Localizer): string | undefined {
  switch (String(mode)) {
    case '1':
      return l10n.t('single streams');
    case '2':
      return l10n.t('mixed');
    case '3':
      return l10n.t('single + mixed');
    default:
      return mode === undefined || mode === null ? undefined : String(mode);
  }
}

/** GME `RecordMode`, explained: `Mixed stream (one file for the room)`. */
export function recordModeMeaning(mode: unknown, l10n: Localizer): string {
  switch (String(mode)) {
    case '1':
      return l10n.t('Single streams (one file per user)');
    case '2':
      return l10n.t('Mixed stream (one file for the room)');
    case '3':
      return l10n.t('Single streams and the mixed stream');
    default:
      return l10n.t('unknown mode {0}', String(mode));
  }
}

/** ZEGO's numeric task `Status`. */
export function zegoStatusMeaning(status: unknown, l10n: Localizer): string {
  switch (String(status)) {
    case '1':
      return l10n.t('initializing');
    case '2':
      return l10n.t('recording');
    case '3':
      return l10n.t('ended');
    case '4':
      return l10n.t('ended abnormally');
    case '5':
      return l10n.t('paused');
    default:
      return l10n.t('unknown status {0}', String(status));
  }
}

/** A storage file's `TrackType`; unknown values show verbatim. */
export function trackTypeLabel(trackType: string, l10n: Localizer): string {
  switch (trackType) {
    case 'audio':
      return l10n.t('Audio only');
    case 'video':
      return l10n.t('Video only');
    case 'audio_video':
      return l10n.t('Audio and video');
    case '':
      return l10n.t('not reported');
    default:
      return trackType;
  }
}

/** Whose stream a file holds: the user, or the room's mixed stream (empty UserId). */
export function fileUserLabel(userId: string, l10n: Localizer): string {
  return userId === '' ? l10n.t('(mixed stream)') : userId;
}
