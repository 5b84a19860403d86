/** Tasks and ledger entries for the ledger, tree-helper and export tests. */
import type { LedgerEntry } from '../../../src/model/ledgerEntry';
import { observe } from '../../../src/model/ledger';
import type { Task } from '../../../src/model/task';

export const T0 = Date.UTC(2026, 2, 3, 12, 0, 0);

export function task(over: Partial<Task> = {}): Task {
  return {
    accountId: 'a1',
    product: 'gme',
    taskId: '446192236330927912',
    vendor: 'tencent',
    appId: '3400352518',
    room: 'room-1',
    status: 'running',
    rawStatus: 'recording',
    startedAt: T0 - 3_720_000,
    observedAt: T0,
    files: [],
    extras: { RecordMode: 2, SubscribeUserIds: ['u1'], UnSubscribeUserIds: [] },
    requestId: 'req-1',
    ...over,
  };
}

export function entry(over: Partial<Task> = {}, now = T0, pin = false): LedgerEntry {
  return observe(undefined, task(over), now, pin);
}
