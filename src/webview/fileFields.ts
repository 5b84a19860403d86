/**
 * What the storage-file panel says about a file beyond its name: its state, size, length, VOD id and
 * where it can be fetched. The URL is shown masked (signed URLs carry their credential in the query);
 * the whole URL only leaves through the copy button and the explicit Open URL action.
 */
import { maskedUrl } from '../model/files';
import type { StorageFile } from '../model/task';
import { fileStateLabel, formatBytes } from '../display/files';
import type { Localizer, TimeContext } from '../display/localize';
import { visibleString } from '../display/text';
import { formatDuration, formatEpochMs } from '../display/time';

export interface FileFieldSink {
  text(label: string, value: string, copy?: boolean): void;
  value(label: string, value: string, raw?: string): void;
  /** A value shown as `shown` whose copy button copies `copied`. */
  secret(label: string, shown: string, copied: string): void;
}

/** Adds the file's reported facts to `fields`; facts the vendor did not report are left out. */
export function fileFields(file: StorageFile, fields: FileFieldSink, ctx: { time: TimeContext; l10n: Localizer }): void {
  const { l10n, time } = ctx;
  if (file.state !== undefined || file.rawState !== undefined) fields.value(l10n.t('State'), fileStateLabel(file.state, l10n), file.rawState);
  if (file.expiresAtMs !== undefined) {
    const at = formatEpochMs(file.expiresAtMs, time, l10n);
    fields.value(file.state === 'backup' ? l10n.t('Backup copy kept until') : l10n.t('Expires'), at.human, at.raw);
  }
  if (file.endTimeMs !== undefined) {
    const at = formatEpochMs(file.endTimeMs, time, l10n);
    fields.value(l10n.t('Recording ended'), at.human, at.raw);
  }
  if (file.durationMs !== undefined) fields.value(l10n.t('Duration'), formatDuration(file.durationMs, time.locale), l10n.t('{0} ms', String(file.durationMs)));
  if (file.sizeBytes !== undefined) fields.value(l10n.t('Size'), formatBytes(file.sizeBytes, time.locale), l10n.t('{0} bytes', String(file.sizeBytes)));
  if (file.format !== undefined) fields.text(l10n.t('Format'), file.format);
  if (file.vodFileId !== undefined) fields.text(l10n.t('VOD FileId'), file.vodFileId, true);
  if (file.url !== undefined) fields.secret(l10n.t('URL (query hidden: it may hold a signature)'), visibleString(maskedUrl(file.url)), file.url);
  if (file.reportedBy !== undefined) fields.text(l10n.t('Reported by'), file.reportedBy);
}

/** The file as raw JSON for the panel, its URL masked like everywhere else it is shown. */
export function displayedFile(file: StorageFile): StorageFile {
  return file.url === undefined ? file : { ...file, url: maskedUrl(file.url) };
}
