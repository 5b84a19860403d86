import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../../src/model/logger';
import { LedgerFile } from '../../../src/tasks/ledgerFile';
import { TaskLedger } from '../../../src/tasks/taskLedger';
import type { LedgerEntry } from '../../../src/model/ledgerEntry';
import { expiredEntries, retentionFrom } from '../../../src/model/retention';
import { T0, entry } from '../../fixtures/tasks';

const DAY = 86_400_000;
const old = (over: Parameters<typeof entry>[0], daysAgo: number, pin = false): LedgerEntry => {
  const e = entry({ status: 'ended', rawStatus: 'done', startedAt: T0 - daysAgo * DAY, ...over }, T0 - daysAgo * DAY, pin);
  return e;
};
const ids = (entries: readonly LedgerEntry[]) => entries.map((e) => e.taskId).sort();

describe('ledger retention', () => {
  it('removes ended, unpinned entries past the period and their vendor horizon; keeps pins and what is not known to have ended', () => {
    const entries = [
      old({ taskId: 'gme-40d' }, 40),
      old({ taskId: 'gme-10d' }, 10),
      old({ taskId: 'pinned-40d' }, 40, true),
      old({ taskId: 'running-40d', status: 'running', rawStatus: 'recording' }, 40),
      old({ taskId: 'css-40d', product: 'css' }, 40), // CSS can still list it (90 days): not the ledger's only memory
      old({ taskId: 'css-100d', product: 'css' }, 100),
      old({ taskId: 'zego-40d', product: 'zego-recording', vendor: 'zego' }, 40),
    ];
    assert.deepEqual(ids(expiredEntries(entries, entries.length, { days: 30, maxEntries: 0 }, T0)), ['css-100d', 'gme-40d', 'zego-40d']);
    assert.deepEqual(expiredEntries(entries, entries.length, { days: 0, maxEntries: 0 }, T0), [], '0 keeps everything');
  });

  it('bounds the ledger: beyond maxEntries the oldest ended, unpinned entries go first, never pins or running ones', () => {
    const entries = [
      old({ taskId: 'e3' }, 3),
      old({ taskId: 'e1' }, 1),
      old({ taskId: 'e2' }, 2),
      old({ taskId: 'p' }, 9, true),
      old({ taskId: 'r', status: 'running', rawStatus: 'x' }, 9),
    ];
    assert.deepEqual(ids(expiredEntries(entries, entries.length, { days: 30, maxEntries: 3 }, T0)), ['e2', 'e3']);
    assert.deepEqual(
      ids(expiredEntries(entries, entries.length, { days: 30, maxEntries: 1 }, T0)),
      ['e1', 'e2', 'e3'],
      'pins and running are kept even over the bound',
    );
  });

  it('reads the settings, falling back to the defaults for junk', () => {
    assert.deepEqual(retentionFrom(7, 1000), { days: 7, maxEntries: 1000 });
    assert.deepEqual(retentionFrom(-1, 'x'), { days: 30, maxEntries: 50_000 });
  });
});

describe('ledger retention in the task ledger', () => {
  it('prunes at load as forgets, so a reload (or another window) does not bring the entries back', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mte-retention-'));
    const open = (retention?: { days: number; maxEntries: number }) =>
      new TaskLedger(
        new LedgerFile(dir, { logger: silentLogger, debounceMs: 1, minIntervalMs: 0 }),
        () => Promise.reject(new Error('none')),
        silentLogger,
        () => T0,
        retention ? { retention: () => retention } : {},
      );
    try {
      const first = open();
      await first.load();
      first.record([entry({ taskId: 'old', status: 'ended', rawStatus: 'done' }).task], false);
      first.track({ accountId: 'a1', product: 'gme', taskId: 'mine' }, '1', 'r');
      await first.flush();
      first.dispose();
      const later = new TaskLedger(
        new LedgerFile(dir, { logger: silentLogger, debounceMs: 1, minIntervalMs: 0 }),
        () => Promise.reject(new Error('none')),
        silentLogger,
        () => T0 + 40 * DAY,
        { retention: () => ({ days: 30, maxEntries: 0 }) },
      );
      await later.load();
      assert.deepEqual(ids(later.all()), ['mine']);
      await later.flush();
      later.dispose();
      const reloaded = open();
      await reloaded.load();
      assert.deepEqual(ids(reloaded.all()), ['mine']);
      reloaded.dispose();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
