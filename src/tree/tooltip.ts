/**
 * Tooltips for task, room and error rows. Vendor strings go in through `appendText`, so a task id or
 * room name containing Markdown, HTML or a theme icon shows as the characters it is.
 */
import type { LedgerEntry } from '../model/ledgerEntry';
import type { Task } from '../model/task';
import { productLabel, statusLabel } from '../display/labels';
import type { Localizer, TimeContext } from '../display/localize';
import { appendBold, LINE_BREAK, PARAGRAPH, type MarkdownSink } from '../display/markdown';
import { recordModeLabel } from '../display/meanings';
import { formatClock, formatDuration } from '../display/time';

/** `label: value` on its own line; the value (vendor text) escaped, `—` when empty. */
function field(md: MarkdownSink, label: string, value: string): void {
  md.appendText(`${label}: ${value === '' ? '—' : value}`);
  md.appendMarkdown(LINE_BREAK);
}

function extraText(value: Task['extras'][string]): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export function taskTooltip(md: MarkdownSink, entry: LedgerEntry, time: TimeContext, l10n: Localizer): void {
  const { task } = entry;
  appendBold(md, productLabel(task.product, l10n));
  md.appendText(` · ${statusLabel(task.status, l10n)} (${task.rawStatus || '—'})`);
  md.appendMarkdown(PARAGRAPH);
  field(md, l10n.t('Task ID'), task.taskId);
  field(md, l10n.t('Room'), task.room);
  field(md, l10n.t('App'), task.appId);
  if (task.startedAt !== undefined) field(md, l10n.t('Started'), formatClock(task.startedAt, time));
  if (task.endedAt !== undefined) field(md, l10n.t('Ended'), formatClock(task.endedAt, time));
  if (task.startedAt !== undefined) field(md, l10n.t('Duration'), formatDuration((task.endedAt ?? time.now) - task.startedAt, time.locale));
  field(md, l10n.t('First seen'), `${formatClock(entry.firstSeen, time)} · ${l10n.t('last seen')}: ${formatClock(entry.lastSeen, time)}`);
  if (task.files.length > 0) field(md, l10n.t('Files'), String(task.files.length));
  for (const [name, value] of Object.entries(task.extras)) field(md, name, extraText(value));
  if (entry.history.length > 1) {
    md.appendMarkdown(PARAGRAPH);
    field(md, l10n.t('Observed'), entry.history.map((h) => `${statusLabel(h.status, l10n)} ${formatClock(h.at, time)}`).join(' → '));
  }
  if (entry.lastError) {
    md.appendMarkdown(`${PARAGRAPH}$(warning) `);
    field(md, l10n.t('Last refresh failed'), entry.lastError);
  }
}

/** GME room: its current task, record mode and allow/block lists. */
export function roomTooltip(md: MarkdownSink, room: string, current: LedgerEntry | undefined, time: TimeContext, l10n: Localizer): void {
  appendBold(md, l10n.t('Room'));
  md.appendText(` ${room || '—'}`);
  md.appendMarkdown(PARAGRAPH);
  if (!current) {
    md.appendText(l10n.t('No recording in this room.'));
    return;
  }
  const { extras } = current.task;
  field(md, l10n.t('Current task'), `${current.taskId} · ${statusLabel(current.task.status, l10n)}`);
  const mode = recordModeLabel(extras.RecordMode, l10n);
  if (mode) field(md, l10n.t('Mode'), mode);
  if (extras.SubscribeUserIds !== undefined) field(md, l10n.t('Allow list'), extraText(extras.SubscribeUserIds));
  if (extras.UnSubscribeUserIds !== undefined) field(md, l10n.t('Block list'), extraText(extras.UnSubscribeUserIds));
  field(md, l10n.t('Last seen'), formatClock(current.lastSeen, time));
}

export function errorTooltip(md: MarkdownSink, summary: string, message: string, hint: string): void {
  appendBold(md, summary);
  md.appendMarkdown(PARAGRAPH);
  md.appendText(message);
  md.appendMarkdown(PARAGRAPH);
  md.appendText(hint);
}
