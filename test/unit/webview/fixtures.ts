/** Shared test data for the pure UI modules: a localizer that formats like `vscode.l10n.t`, and ledger entries. */
import type { LedgerEntry, StatusTransition } from '../../../src/model/ledgerEntry';
import type { Task, TaskStatus } from '../../../src/model/task';
import type { Localizer, TimeContext } from '../../../src/display/localize';

/** English, with `{0}` placeholders filled in, exactly what `vscode.l10n.t` does without a bundle. */
export const l10n: Localizer = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, index: string) => (index in args ? String(args[Number(index)]) : whole)),
};

/** 2024-05-01T12:00:00Z. */
export const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);
export const time: TimeContext = { now: NOW, locale: 'en-US', timeZone: 'UTC' };

/** GME's u64 TaskId from the official docs: beyond 2^53, so any trip through a JS number changes it. */
export const U64_TASK_ID = '446192236330927912';

export function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    accountId: 'acc-1',
    product: 'trtc-recording',
    taskId: 'm9-bVVU7nhKM5X3GsED6KNGVG',
    vendor: 'tencent',
    appId: '1400188366',
    room: 'room-42',
    status: 'running',
    rawStatus: 'InProgress',
    startedAt: NOW - 3_720_000,
    observedAt: NOW - 5_000,
    files: [],
    extras: {},
    ...overrides,
  };
}

export function makeEntry(task: Task = makeTask(), overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  const history: StatusTransition[] = [{ status: task.status, rawStatus: task.rawStatus, at: NOW - 3_600_000 }];
  return {
    accountId: task.accountId,
    product: task.product,
    taskId: task.taskId,
    task,
    firstSeen: NOW - 3_600_000,
    lastSeen: NOW - 5_000,
    history,
    pinned: false,
    ...overrides,
  };
}

/** `makeEntry` with only what a test varies: id, product, status, pinned. */
export function entryWith(taskId: string, status: TaskStatus, overrides: Partial<Task> = {}, pinned = false): LedgerEntry {
  return makeEntry(makeTask({ taskId, status, ...overrides }), { pinned });
}

/** Vendor strings a hostile or broken backend could send. */
export const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  'x\u202Egnp.exe',
  'مرحبا 🎥 שלום',
  'a'.repeat(10 * 1024),
];
