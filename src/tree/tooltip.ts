/**
 * Tooltips for task, room and error rows. Our words go in through `appendText`; vendor strings through
 * `appendVendorText`, so a task id or room name holding Markdown, HTML, a URL, a theme icon, bidi or
 * control characters shows as the characters it is, bounded.
 */
import type { LedgerEntry } from '../model/ledgerEntry';
import type { Task } from '../model/task';
import { productLabel, statusLabel } from '../display/labels';
import type { Localizer, TimeContext } from '../display/localize';
import { appendBold, LINE_BREAK, PARAGRAPH, type MarkdownSink } from '../display/markdown';
import { recordModeLabel } from '../display/meanings';
import { fileReadiness, stopReason } from '../display/stopReasons';
import { formatClock, formatDuration } from '../display/time';
import { appendVendorText, VENDOR_MESSAGE_MAX, type MarkdownOut } from '../display/vendorText';

type Sink = MarkdownSink & MarkdownOut;

/** `label: value` on its own line, both our words. */
function field(md: Sink, label: string, value: string): void {
  md.appendText(`${label}: ${value}`);
  md.appendMarkdown(LINE_BREAK);
}

/** `label: value` on its own line, the value a vendor's: inert, bounded, `—` when empty. */
function vendorField(md: Sink, label: string, value: string, max?: number): void {
  md.appendText(`${label}: `);
  if (value === '') md.appendText('—');
  else appendVendorText(md, value, max);
  md.appendMarkdown(LINE_BREAK);
}

/** A vendor list (allow/block user ids) shows its first entries and how many more. */
const MAX_LIST_ITEMS = 10;

function vendorExtra(md: Sink, label: string, value: Task['extras'][string], l10n: Localizer): void {
  if (!Array.isArray(value)) return vendorField(md, label, value === null ? '' : String(value));
  md.appendText(`${label}: `);
  if (value.length === 0) md.appendText('—');
  value.slice(0, MAX_LIST_ITEMS).forEach((item, i) => {
    if (i > 0) md.appendText(', ');
    appendVendorText(md, String(item));
  });
  if (value.length > MAX_LIST_ITEMS) md.appendText(`, ${l10n.t('and {0} more', value.length - MAX_LIST_ITEMS)}`);
  md.appendMarkdown(LINE_BREAK);
}

export function taskTooltip(md: Sink, entry: LedgerEntry, time: TimeContext, l10n: Localizer): void {
  const { task } = entry;
  appendBold(md, productLabel(task.product, l10n));
  md.appendText(` · ${statusLabel(task.status, l10n)} (`);
  if (task.rawStatus) appendVendorText(md, task.rawStatus);
  else md.appendText('—');
  md.appendText(')');
  md.appendMarkdown(PARAGRAPH);
  vendorField(md, l10n.t('Task ID'), task.taskId);
  vendorField(md, l10n.t('Room'), task.room);
  vendorField(md, l10n.t('App'), task.appId);
  if (task.startedAt !== undefined) field(md, l10n.t('Started'), formatClock(task.startedAt, time));
  if (task.endedAt !== undefined) field(md, l10n.t('Ended'), formatClock(task.endedAt, time));
  if (task.startedAt !== undefined) field(md, l10n.t('Duration'), formatDuration((task.endedAt ?? time.now) - task.startedAt, time.locale));
  field(md, l10n.t('First seen'), `${formatClock(entry.firstSeen, time)} · ${l10n.t('last seen')}: ${formatClock(entry.lastSeen, time)}`);
  const reason = stopReason(entry, l10n, time);
  if (reason) field(md, l10n.t('Why it ended'), reason.text);
  const readiness = fileReadiness(task, l10n, time);
  if (readiness) field(md, l10n.t('Files'), readiness.text);
  for (const [name, value] of Object.entries(task.extras)) vendorExtra(md, name, value, l10n);
  if (entry.history.length > 1) {
    md.appendMarkdown(PARAGRAPH);
    field(md, l10n.t('Observed'), entry.history.map((h) => `${statusLabel(h.status, l10n)} ${formatClock(h.at, time)}`).join(' → '));
  }
  if (entry.lastError) {
    md.appendMarkdown(`${PARAGRAPH}$(warning) `);
    vendorField(md, l10n.t('Last refresh failed'), entry.lastError, VENDOR_MESSAGE_MAX);
  }
}

/** GME room: its current task, record mode and allow/block lists. */
export function roomTooltip(md: Sink, room: string, current: LedgerEntry | undefined, time: TimeContext, l10n: Localizer): void {
  appendBold(md, l10n.t('Room'));
  md.appendText(' ');
  if (room) appendVendorText(md, room);
  else md.appendText('—');
  md.appendMarkdown(PARAGRAPH);
  if (!current) {
    md.appendText(l10n.t('No recording in this room.'));
    return;
  }
  const { extras } = current.task;
  md.appendText(`${l10n.t('Current task')}: `);
  appendVendorText(md, current.taskId);
  md.appendText(` · ${statusLabel(current.task.status, l10n)}`);
  md.appendMarkdown(LINE_BREAK);
  const mode = recordModeLabel(extras.RecordMode, l10n);
  // An unknown mode's label is the vendor's value.
  if (mode) vendorField(md, l10n.t('Mode'), mode);
  if (extras.SubscribeUserIds !== undefined) vendorExtra(md, l10n.t('Allow list'), extras.SubscribeUserIds, l10n);
  if (extras.UnSubscribeUserIds !== undefined) vendorExtra(md, l10n.t('Block list'), extras.UnSubscribeUserIds, l10n);
  field(md, l10n.t('Last seen'), formatClock(current.lastSeen, time));
}

export function errorTooltip(md: Sink, summary: string, message: string, hint: string): void {
  md.appendMarkdown('**');
  appendVendorText(md, summary);
  md.appendMarkdown('**');
  md.appendMarkdown(PARAGRAPH);
  appendVendorText(md, message, VENDOR_MESSAGE_MAX);
  md.appendMarkdown(PARAGRAPH);
  md.appendText(hint);
}
