/**
 * Builds what a details panel shows from a ledger entry. Pure: panels call it on every update, and
 * the unit tests check each field, unit and meaning here rather than through a browser.
 */
import { isOpenableUrl } from '../model/files';
import type { LedgerEntry } from '../model/ledgerEntry';
import { isStoppable } from '../model/taskStop';
import { isTerminal, type ExtraValue, type Product, type StorageFile, type TaskKey, type TaskStatus } from '../model/task';
import { appIdLabel, productLabel, roomLabel, statusLabel, vendorLabel } from '../display/labels';
import type { Localizer, TimeContext } from '../display/localize';
import { fileUserLabel, recordModeMeaning, trackTypeLabel, zegoStatusMeaning } from '../display/meanings';
import { taskTitle } from '../display/taskPick';
import { visibleString } from '../display/text';
import { fileReadiness, stopReason } from '../display/stopReasons';
import { formatDuration, formatEpochMs } from '../display/time';
import { displayedFile, fileFields } from './fileFields';
import { taskStrip } from './taskStrip';
import type { DetailField, DetailsDocument, DetailSection, StatusTone, TableRow } from './protocol';

export interface DocumentContext {
  readonly time: TimeContext;
  readonly l10n: Localizer;
  /** The account's name as the user gave it; undefined once the account is gone. */
  readonly accountName: (accountId: string) => string | undefined;
  /** Write actions are offered (not in read-only mode). */
  readonly canStop?: boolean;
}

/** The document, plus the exact strings behind its copy buttons (kept on the host, never sent). */
export interface BuiltDocument {
  readonly document: DetailsDocument;
  readonly copyValues: ReadonlyMap<string, string>;
}

const TONES: Readonly<Record<TaskStatus, StatusTone>> = {
  starting: 'pending',
  running: 'active',
  paused: 'pending',
  stopping: 'pending',
  ended: 'done',
  failed: 'error',
  unknown: 'unknown',
};

/** Collects fields, handing out copy ids for the values that get a copy button. */
class FieldList {
  readonly fields: DetailField[] = [];
  constructor(private readonly copies: Map<string, string>) {}

  /** A plain text value; `raw` reveals invisible characters when the text holds any. */
  text(label: string, value: string, copy = false): void {
    const visible = visibleString(value);
    this.fields.push({
      label,
      value,
      ...(visible !== value ? { raw: visible } : {}),
      ...(copy && value !== '' ? { copyId: this.copyId(value) } : {}),
    });
  }

  value(label: string, value: string, raw?: string): void {
    this.fields.push({ label, value, ...(raw !== undefined && raw !== value ? { raw } : {}) });
  }

  /** Shows `shown`; the copy button copies `copied` (kept on the host, never sent to the page). */
  secret(label: string, shown: string, copied: string): void {
    this.fields.push({ label, value: shown, copyId: this.copyId(copied) });
  }

  private copyId(value: string): string {
    const id = `copy${this.copies.size}`;
    this.copies.set(id, value);
    return id;
  }
}

function labels(ctx: DocumentContext): DetailsDocument['labels'] {
  const { l10n } = ctx;
  return { copy: l10n.t('Copy'), raw: l10n.t('raw'), openFile: l10n.t('Open file details'), busy: l10n.t('Refreshing…') };
}

function epochField(list: FieldList, label: string, ms: number | undefined, ctx: DocumentContext, missing: string): void {
  if (ms === undefined) {
    list.value(label, missing);
    return;
  }
  const { human, raw } = formatEpochMs(ms, ctx.time, ctx.l10n);
  list.value(label, human, raw);
}

function durationText(ms: number, ctx: DocumentContext): { human: string; raw: string } {
  return { human: formatDuration(ms, ctx.time.locale), raw: ctx.l10n.t('{0} ms', String(ms)) };
}

/** The vendor's value verbatim, hidden characters made visible (a raw value must not reorder text). */
function extraRaw(value: ExtraValue): string {
  return visibleString(typeof value === 'string' ? value : JSON.stringify(value));
}

function listText(value: ExtraValue, emptyText: string): string {
  if (Array.isArray(value)) return value.length === 0 ? emptyText : value.join(', ');
  return value === null ? emptyText : String(value);
}

/** Vendor extras with their meanings; unknown keys still show, verbatim, after the known ones. */
function extrasFields(product: Product, extras: Readonly<Record<string, ExtraValue>>, ctx: DocumentContext, list: FieldList): void {
  const { l10n } = ctx;
  const known = new Set<string>();
  const add = (key: string, describe: (value: ExtraValue) => { label: string; value: string }): void => {
    if (!(key in extras)) return;
    known.add(key);
    const value = extras[key]!;
    const shown = describe(value);
    list.value(shown.label, shown.value, extraRaw(value));
  };
  if (product === 'gme') {
    add('RecordMode', (v) => ({ label: l10n.t('Record mode'), value: recordModeMeaning(v, l10n) }));
    add('SubscribeUserIds', (v) => ({
      label: l10n.t('Allowlist (SubscribeUserIds)'),
      value: listText(v, l10n.t('none (every user is recorded unless blocked)')),
    }));
    add('UnSubscribeUserIds', (v) => ({ label: l10n.t('Blocklist (UnSubscribeUserIds)'), value: listText(v, l10n.t('none')) }));
  }
  if (product === 'css') {
    add('DomainName', (v) => ({ label: l10n.t('Push domain'), value: String(v) }));
    add('AppName', (v) => ({ label: l10n.t('App name'), value: String(v) }));
    add('TemplateId', (v) => ({ label: l10n.t('Recording template'), value: v === 0 ? l10n.t('none (0)') : String(v) }));
    add('Stopped', (v) => ({
      label: l10n.t('Stopped by StopRecordTask'),
      value: typeof v === 'number' && v > 0 ? formatEpochMs(v * 1000, ctx.time, l10n).human : v === 0 ? l10n.t('not stopped (0)') : String(v),
    }));
  }
  if (product === 'zego-recording') {
    add('Status', (v) => ({ label: l10n.t('ZEGO status'), value: zegoStatusMeaning(v, l10n) }));
  }
  for (const key of Object.keys(extras).sort()) {
    if (known.has(key)) continue;
    const value = extras[key]!;
    list.value(key, listText(value, l10n.t('none')), extraRaw(value));
  }
}

function fileRow(file: StorageFile, ctx: DocumentContext): TableRow {
  const begin = file.beginTimeMs === undefined ? undefined : formatEpochMs(file.beginTimeMs, ctx.time, ctx.l10n);
  return {
    cells: [
      { text: fileUserLabel(file.userId, ctx.l10n), raw: visibleString(file.userId) },
      { text: file.fileName, raw: visibleString(file.fileName) },
      { text: trackTypeLabel(file.trackType, ctx.l10n), raw: file.trackType },
      { text: begin?.human ?? ctx.l10n.t('not reported') },
      { text: file.beginTimeMs === undefined ? '' : String(file.beginTimeMs) },
    ],
    openFile: file.fileName,
  };
}

function timelineRows(entry: LedgerEntry, ctx: DocumentContext): TableRow[] {
  const { history } = entry;
  return history.map((transition, i) => {
    const next = history[i + 1];
    const until = next ? next.at : isTerminal(transition.status) ? undefined : ctx.time.now;
    const at = formatEpochMs(transition.at, ctx.time, ctx.l10n);
    return {
      cells: [
        { text: statusLabel(transition.status, ctx.l10n), raw: transition.rawStatus },
        { text: at.human },
        { text: String(transition.at) },
        { text: until === undefined ? '' : formatDuration(until - transition.at, ctx.time.locale) },
      ],
    };
  });
}

/** Raw JSON as text; `visibleString` makes bidi and zero-width characters visible in it too. */
function rawJson(value: unknown): string {
  return visibleString(JSON.stringify(value, null, 2));
}

/** The account by the name the user gave it; its internal id only when the account was removed. */
function accountField(list: FieldList, accountId: string, ctx: DocumentContext): void {
  const name = ctx.accountName(accountId);
  if (name === undefined) list.value(ctx.l10n.t('Account'), ctx.l10n.t('removed account ({0})', accountId));
  else list.text(ctx.l10n.t('Account'), name);
}

/** GME cannot list tasks: an unpinned GME task was found by asking GME about a room the user added. */
function trackedBecause(entry: LedgerEntry, l10n: Localizer): string {
  if (entry.pinned) return l10n.t('you pinned it');
  return entry.product === 'gme' ? l10n.t('its room is pinned (Add Room…), and GME named it as the room’s task') : l10n.t('a listing returned it');
}

function refreshAction(ctx: DocumentContext): DetailsDocument['actions'][number] {
  return { id: 'refresh', label: ctx.l10n.t('Refresh') };
}

function missingBanner(ctx: DocumentContext): { tone: 'info'; text: string } {
  return {
    tone: 'info',
    text: ctx.l10n.t('This task is not in the task ledger any more (it was forgotten, or its account was removed).'),
  };
}

export function taskDocument(key: TaskKey, entry: LedgerEntry | undefined, ctx: DocumentContext): BuiltDocument {
  const { l10n } = ctx;
  const copies = new Map<string, string>();
  const identity = new FieldList(copies);
  identity.text(l10n.t('Task ID'), key.taskId, true);
  identity.value(l10n.t('Product'), productLabel(key.product, l10n), key.product);
  const base = { heading: taskTitle(key, l10n), labels: labels(ctx) };
  if (!entry) {
    accountField(identity, key.accountId, ctx);
    return {
      document: {
        ...base,
        banners: [missingBanner(ctx)],
        actions: [refreshAction(ctx)],
        sections: [{ kind: 'fields', heading: l10n.t('Task'), fields: identity.fields }],
      },
      copyValues: copies,
    };
  }
  const task = entry.task;
  identity.value(l10n.t('Vendor'), vendorLabel(task.vendor, l10n), task.vendor);
  accountField(identity, entry.accountId, ctx);
  identity.text(appIdLabel(task.product, l10n), task.appId, true);
  identity.text(roomLabel(task.product, l10n), task.room, true);
  identity.value(l10n.t('Status'), statusLabel(task.status, l10n), task.rawStatus);
  const notReported = l10n.t('not reported by the vendor');
  epochField(identity, l10n.t('Started'), task.startedAt, ctx, notReported);
  epochField(identity, isTerminal(task.status) ? l10n.t('Ended') : l10n.t('Ends'), task.endedAt, ctx, notReported);
  if (task.startedAt !== undefined) {
    const end = task.endedAt ?? (isTerminal(task.status) ? entry.lastSeen : ctx.time.now);
    const d = durationText(end - task.startedAt, ctx);
    identity.value(l10n.t('Duration'), d.human, d.raw);
  }
  const reason = stopReason(entry, l10n, ctx.time);
  if (reason) {
    identity.value(l10n.t('Why it ended'), reason.text, reason.source);
    if (reason.nextStep !== undefined) identity.value(l10n.t('Next step'), reason.nextStep);
  }
  const readiness = fileReadiness(task, l10n, ctx.time);
  if (readiness) identity.value(l10n.t('Files'), readiness.text);
  if (task.requestId !== undefined) identity.text(l10n.t('RequestId of the snapshot'), task.requestId, true);

  const observed = new FieldList(copies);
  epochField(observed, l10n.t('Snapshot taken'), task.observedAt, ctx, notReported);
  epochField(observed, l10n.t('First seen'), entry.firstSeen, ctx, notReported);
  epochField(observed, l10n.t('Last seen'), entry.lastSeen, ctx, notReported);
  observed.value(l10n.t('Tracked because'), trackedBecause(entry, l10n), String(entry.pinned));

  const extras = new FieldList(copies);
  extrasFields(task.product, task.extras, ctx, extras);

  const banners: { tone: 'error' | 'info'; text: string }[] = [];
  if (entry.lastError !== undefined) {
    banners.push({ tone: 'error', text: l10n.t('The last refresh failed: {0}. The details below are the last snapshot.', entry.lastError) });
  }
  if (isTerminal(task.status) && (task.product === 'trtc-recording' || task.product === 'trtc-relay')) {
    banners.push({ tone: 'info', text: l10n.t('TRTC stops answering for a task once it ends; this is the last snapshot the extension saw.') });
  }

  const sections: DetailSection[] = [
    { kind: 'fields', heading: l10n.t('Task'), fields: identity.fields },
    { kind: 'fields', heading: l10n.t('Observed by this extension'), fields: observed.fields },
  ];
  if (extras.fields.length > 0) sections.push({ kind: 'fields', heading: l10n.t('{0} details', vendorLabel(task.vendor, l10n)), fields: extras.fields });
  sections.push(
    taskStrip(entry, l10n.t('Timeline'), ctx),
    {
      kind: 'table',
      heading: l10n.t('Storage files ({0})', task.files.length),
      columns: [l10n.t('UserId'), l10n.t('FileName'), l10n.t('TrackType'), l10n.t('Began'), l10n.t('BeginTimeStamp (ms)')],
      rows: task.files.map((file) => fileRow(file, ctx)),
      emptyText:
        task.product === 'trtc-recording'
          ? l10n.t('No files reported. TRTC lists files only while the task runs, and not while they upload to VOD.')
          : l10n.t('{0} does not report files for a task.', productLabel(task.product, l10n)),
    },
    {
      kind: 'table',
      heading: l10n.t('Status timeline'),
      columns: [l10n.t('Status'), l10n.t('Observed'), l10n.t('Time (ms)'), l10n.t('For')],
      rows: timelineRows(entry, ctx),
      emptyText: l10n.t('No status observed yet.'),
    },
    { kind: 'pre', heading: l10n.t('Raw snapshot (JSON)'), text: rawJson({ ...task, files: task.files.map(displayedFile) }) },
  );
  return {
    document: {
      ...base,
      status: { label: statusLabel(task.status, l10n), tone: TONES[task.status] },
      banners,
      actions: [
        refreshAction(ctx),
        { id: 'openRoom', label: l10n.t('Room Timeline') },
        ...(ctx.canStop && isStoppable(task.status) ? [{ id: 'stopTask' as const, label: l10n.t('Stop Task…') }] : []),
      ],
      sections,
    },
    copyValues: copies,
  };
}

export function storageFileDocument(key: TaskKey, fileName: string, entry: LedgerEntry | undefined, ctx: DocumentContext): BuiltDocument {
  const { l10n } = ctx;
  const copies = new Map<string, string>();
  const fields = new FieldList(copies);
  fields.text(l10n.t('FileName'), fileName, true);
  const file = entry?.task.files.find((f) => f.fileName === fileName);
  const banners: { tone: 'error' | 'info'; text: string }[] = [];
  if (!entry) banners.push(missingBanner(ctx));
  else if (!file) banners.push({ tone: 'info', text: l10n.t('The task no longer lists this file.') });
  if (file) {
    fields.value(l10n.t('UserId'), fileUserLabel(file.userId, l10n), visibleString(file.userId));
    fields.value(l10n.t('TrackType'), trackTypeLabel(file.trackType, l10n), file.trackType);
    epochField(fields, l10n.t('BeginTimeStamp'), file.beginTimeMs, ctx, l10n.t('not reported'));
    fileFields(file, fields, ctx);
  }
  const task = new FieldList(copies);
  task.text(l10n.t('Task ID'), key.taskId, true);
  task.value(l10n.t('Product'), productLabel(key.product, l10n), key.product);
  if (entry) {
    task.text(roomLabel(key.product, l10n), entry.task.room, true);
    task.value(l10n.t('Task status'), statusLabel(entry.task.status, l10n), entry.task.rawStatus);
  }
  const sections: DetailSection[] = [
    { kind: 'fields', heading: l10n.t('Storage file'), fields: fields.fields },
    { kind: 'fields', heading: taskTitle(key, l10n), fields: task.fields },
  ];
  if (file) sections.push({ kind: 'pre', heading: l10n.t('Raw file entry (JSON)'), text: rawJson(displayedFile(file)) });
  return {
    document: {
      heading: l10n.t('File {0}', visibleString(fileName)),
      banners,
      actions: [
        { id: 'openTask', label: l10n.t('Open Task Details') },
        ...(file?.url !== undefined && isOpenableUrl(file.url) ? [{ id: 'openUrl' as const, label: l10n.t('Open URL') }] : []),
        refreshAction(ctx),
      ],
      sections,
      labels: labels(ctx),
    },
    copyValues: copies,
  };
}
