/**
 * Export Tasks…: the shown ledger entries as JSON or CSV. Only what the ledger holds (never a
 * secret); ids stay strings so a u64 keeps every digit. Pure.
 */
import type { Account } from '../model/account';
import { maskedUrl } from '../model/files';
import type { LedgerEntry } from '../model/ledgerEntry';

export type ExportFormat = 'json' | 'csv';

const iso = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString());

export const CSV_COLUMNS = [
  'account',
  'vendor',
  'product',
  'appId',
  'room',
  'taskId',
  'status',
  'vendorStatus',
  'startedAt',
  'endedAt',
  'firstSeen',
  'lastSeen',
  'pinned',
  'files',
  'lastError',
  'requestId',
] as const;

function row(entry: LedgerEntry, accountLabel: string): Record<(typeof CSV_COLUMNS)[number], string> {
  const { task } = entry;
  return {
    account: accountLabel,
    vendor: task.vendor,
    product: task.product,
    appId: task.appId,
    room: task.room,
    taskId: task.taskId,
    status: task.status,
    vendorStatus: task.rawStatus,
    startedAt: iso(task.startedAt),
    endedAt: iso(task.endedAt),
    firstSeen: iso(entry.firstSeen),
    lastSeen: iso(entry.lastSeen),
    pinned: String(entry.pinned),
    files: task.files.map((f) => f.fileName).join(' '),
    lastError: entry.lastError ?? '',
    requestId: task.requestId ?? '',
  };
}

/**
 * RFC 4180 quoting, plus a leading `'` on cells a spreadsheet would run as a formula
 * (`=`, `+`, `@`, tab, CR): vendor strings such as room names are not trusted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function exportTasks(entries: readonly LedgerEntry[], accounts: readonly Account[], format: ExportFormat, now: number): string {
  const labels = new Map(accounts.map((a) => [a.id, a.label]));
  const sorted = [...entries].sort((a, b) => (b.task.startedAt ?? b.firstSeen) - (a.task.startedAt ?? a.firstSeen));
  if (format === 'csv') {
    const lines = [CSV_COLUMNS.join(',')];
    for (const entry of sorted) {
      const r = row(entry, labels.get(entry.accountId) ?? entry.accountId);
      lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
  }
  const tasks = sorted.map((entry) => ({
    account: { id: entry.accountId, label: labels.get(entry.accountId) ?? entry.accountId },
    ...entry.task,
    // File URLs may be signed or temporary: an export keeps their host and path only.
    files: entry.task.files.map((f) => (f.url === undefined ? f : { ...f, url: maskedUrl(f.url) })),
    firstSeen: entry.firstSeen,
    lastSeen: entry.lastSeen,
    pinned: entry.pinned,
    history: entry.history,
    lastError: entry.lastError,
  }));
  return `${JSON.stringify({ exportedAt: new Date(now).toISOString(), tasks }, null, 2)}\n`;
}
