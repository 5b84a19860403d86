/**
 * Markdown tooltips for task, room and error rows. Every vendor string is escaped, so a task id or
 * room name containing Markdown or HTML shows as the characters it is. Pure.
 */
import type { LedgerEntry } from '../model/ledgerEntry';
import type { Task } from '../model/task';
import type { Localize } from '../l10n/localize';
import { statusLabel } from '../l10n/labels';
import { formatClock, formatElapsed, productLabel, recordModeLabel } from './format';

/** Escapes Markdown punctuation and HTML so vendor text renders literally. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, ' ');
}

const code = (text: string): string => (text ? escapeMarkdown(text) : '—');

function fmtExtra(value: Task['extras'][string]): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return value.length > 0 ? value.map(code).join(', ') : '—';
  return code(String(value));
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
  for (const [name, value] of Object.entries(task.extras)) lines.push(`${escapeMarkdown(name)}: ${fmtExtra(value)}`);
  if (entry.history.length > 1) {
    lines.push('', `${t('Observed')}: ${entry.history.map((h) => `${escapeMarkdown(statusLabel(h.status, t))} ${formatClock(h.at, now)}`).join(' → ')}`);
  }
  if (entry.lastError) lines.push('', `$(warning) ${t('Last refresh failed')}: ${code(entry.lastError)}`);
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
  if (extras.SubscribeUserIds !== undefined) lines.push(`${t('Allow list')}: ${fmtExtra(extras.SubscribeUserIds)}`);
  if (extras.UnSubscribeUserIds !== undefined) lines.push(`${t('Block list')}: ${fmtExtra(extras.UnSubscribeUserIds)}`);
  lines.push(`${t('Last seen')}: ${formatClock(current.lastSeen, now)}`);
  return lines.join('  \n');
}

export function errorTooltip(summary: string, message: string, hint: string): string {
  return [`**${escapeMarkdown(summary)}**`, '', escapeMarkdown(message), '', escapeMarkdown(hint)].join('  \n');
}
