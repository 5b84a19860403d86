/**
 * Markdown tooltips for task, room and error rows, for a MarkdownString with theme icons and HTML off.
 * Every vendor string goes through `markdownText`, so a task id or room name holding Markdown, HTML,
 * a URL, icon syntax, bidi or control characters shows as the characters it is, bounded. Pure.
 */
import type { LedgerEntry } from '../model/ledgerEntry';
import type { Task } from '../model/task';
import type { Localize } from '../l10n/localize';
import { statusLabel } from '../l10n/labels';
import { markdownText, VENDOR_MESSAGE_MAX } from '../display/vendorText';
import { formatClock, formatElapsed, productLabel, recordModeLabel } from './format';

/** The product's own words (labels, statuses) in Markdown: escaped, never cut. */
export const escapeMarkdown = (text: string): string => markdownText(text, Number.POSITIVE_INFINITY);

const code = (text: string): string => (text ? markdownText(text) : '—');

/** A vendor list (allow/block user ids) shows its first entries and how many more. */
const MAX_LIST_ITEMS = 10;

function fmtExtra(value: Task['extras'][string], t: Localize): string {
  if (value === null) return '—';
  if (!Array.isArray(value)) return code(String(value));
  if (value.length === 0) return '—';
  const shown = value.slice(0, MAX_LIST_ITEMS).map((v) => code(String(v)));
  if (value.length > MAX_LIST_ITEMS) shown.push(escapeMarkdown(t('and {0} more', value.length - MAX_LIST_ITEMS)));
  return shown.join(', ');
}

export function taskTooltip(entry: LedgerEntry, now: number, t: Localize): string {
  const { task } = entry;
  const lines = [
    `**${escapeMarkdown(productLabel(task.product, t))}** · ${escapeMarkdown(statusLabel(task.status, t))} (${code(task.rawStatus)})`,
    '',
    `${t('Task ID')}: ${code(task.taskId)}`,
    `${t('Room')}: ${code(task.room)}`,
    `${t('App')}: ${code(task.appId)}`,
  ];
  if (task.startedAt !== undefined) lines.push(`${t('Started')}: ${formatClock(task.startedAt, now)}`);
  if (task.endedAt !== undefined) lines.push(`${t('Ended')}: ${formatClock(task.endedAt, now)}`);
  if (task.startedAt !== undefined) lines.push(`${t('Duration')}: ${formatElapsed((task.endedAt ?? now) - task.startedAt)}`);
  lines.push(`${t('First seen')}: ${formatClock(entry.firstSeen, now)} · ${t('last seen')}: ${formatClock(entry.lastSeen, now)}`);
  if (task.files.length > 0) lines.push(`${t('Files')}: ${task.files.length}`);
  for (const [name, value] of Object.entries(task.extras)) lines.push(`${code(name)}: ${fmtExtra(value, t)}`);
  if (entry.history.length > 1) {
    lines.push('', `${t('Observed')}: ${entry.history.map((h) => `${escapeMarkdown(statusLabel(h.status, t))} ${formatClock(h.at, now)}`).join(' → ')}`);
  }
  if (entry.lastError) lines.push('', `**${escapeMarkdown(t('Last refresh failed'))}**: ${markdownText(entry.lastError, VENDOR_MESSAGE_MAX)}`);
  // Two trailing spaces make each line a Markdown line break.
  return lines.join('  \n');
}

/** GME room: its current task, record mode and allow/block lists. */
export function roomTooltip(room: string, current: LedgerEntry | undefined, now: number, t: Localize): string {
  const lines = [`**${t('Room')}** ${code(room)}`, ''];
  if (!current) {
    lines.push(t('No recording in this room.'));
    return lines.join('  \n');
  }
  const { extras } = current.task;
  lines.push(`${t('Current task')}: ${code(current.taskId)} · ${escapeMarkdown(statusLabel(current.task.status, t))}`);
  const mode = recordModeLabel(extras.RecordMode, t);
  if (mode) lines.push(`${t('Mode')}: ${escapeMarkdown(mode)}`);
  if (extras.SubscribeUserIds !== undefined) lines.push(`${t('Allow list')}: ${fmtExtra(extras.SubscribeUserIds, t)}`);
  if (extras.UnSubscribeUserIds !== undefined) lines.push(`${t('Block list')}: ${fmtExtra(extras.UnSubscribeUserIds, t)}`);
  lines.push(`${t('Last seen')}: ${formatClock(current.lastSeen, now)}`);
  return lines.join('  \n');
}

export function errorTooltip(summary: string, message: string, hint: string): string {
  return [`**${code(summary)}**`, '', markdownText(message, VENDOR_MESSAGE_MAX), '', escapeMarkdown(hint)].join('  \n');
}
