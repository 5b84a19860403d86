/**
 * Storage files reach a task from several reports: its query API, its file API (ZEGO
 * DescribeRecordStatus, GME DescribeRecordInfo), VOD DescribeMediaInfos and callbacks. They are
 * merged by file name, a later report filling or correcting the fields it carries, so no report
 * erases what another one said.
 */
import type { FileState, StorageFile } from './task';
import type { VodMedia } from './taskSource';

export const FILE_STATES: readonly FileState[] = ['recording', 'processing', 'uploading', 'uploaded', 'backup', 'failed'];

/** How far along a state is: a file never moves back (a late or replayed report cannot un-upload it). */
const STATE_RANK: Readonly<Record<FileState, number>> = {
  recording: 0,
  processing: 1,
  uploading: 2,
  failed: 3,
  backup: 3,
  uploaded: 4,
};

function mergeOne(prev: StorageFile, next: StorageFile): StorageFile {
  const merged: Record<string, unknown> = { ...prev };
  for (const [name, value] of Object.entries(next)) {
    // An empty user id / track type means "not reported" in callbacks; keep what the API said.
    if (value === undefined || (value === '' && (name === 'userId' || name === 'trackType'))) continue;
    merged[name] = value;
  }
  if (prev.state && next.state && STATE_RANK[next.state] < STATE_RANK[prev.state]) {
    merged.state = prev.state;
    merged.rawState = prev.rawState;
  }
  return merged as unknown as StorageFile;
}

/** `prev` with `next` merged in: files matched by name keep their order, new files are appended. */
export function mergeFiles(prev: readonly StorageFile[], next: readonly StorageFile[]): readonly StorageFile[] {
  if (next.length === 0) return prev;
  if (prev.length === 0) return next;
  const byName = new Map(next.map((f) => [f.fileName, f]));
  const out = prev.map((f) => {
    const update = byName.get(f.fileName);
    byName.delete(f.fileName);
    return update ? mergeOne(f, update) : f;
  });
  return [...out, ...byName.values()];
}

/** The vendor's VOD FileIds of files that have no media URL yet (what DescribeMediaInfos can fill in). */
export function unresolvedVodFileIds(files: readonly StorageFile[]): string[] {
  return [...new Set(files.filter((f) => f.vodFileId && f.url === undefined).map((f) => f.vodFileId as string))];
}

/** The files of `files` that VOD described, with its URL, size, duration and expiry filled in. */
export function mediaFiles(files: readonly StorageFile[], media: readonly VodMedia[]): StorageFile[] {
  const byId = new Map(media.map((m) => [m.fileId, m]));
  const out: StorageFile[] = [];
  for (const file of files) {
    const m = file.vodFileId === undefined ? undefined : byId.get(file.vodFileId);
    if (!m) continue;
    out.push({
      ...file,
      url: m.url ?? file.url,
      sizeBytes: m.sizeBytes ?? file.sizeBytes,
      durationMs: m.durationMs ?? file.durationMs,
      format: file.format ?? m.format,
      expiresAtMs: m.expiresAtMs ?? file.expiresAtMs,
      state: 'uploaded',
      reportedBy: 'DescribeMediaInfos',
    });
  }
  return out;
}

/**
 * A file URL with its query and fragment replaced by `…` and any user info dropped: what may be
 * shown in a row, a log line or an export. Signed and temporary URLs carry their credential in the
 * query (`sign=`, `X-Amz-Signature=`, `t=`), so only the host and path are kept.
 */
export function maskedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '…';
  }
  const secret = parsed.search !== '' || parsed.hash !== '';
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${secret ? '?…' : ''}`;
}

/** Only web URLs are opened (a vendor string must never launch `command:`, `file:` or `vscode:`). */
export function isOpenableUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
