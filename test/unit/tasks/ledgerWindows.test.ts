import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../../src/model/logger';
import type { TaskKey } from '../../../src/model/task';
import { LedgerFile } from '../../../src/tasks/ledgerFile';
import { TaskLedger } from '../../../src/tasks/taskLedger';
import { task } from '../../fixtures/tasks';

/** One window's ledger over the shared folder, its file kept to drive compactions. */
function windowLedger(dir: string): { ledger: TaskLedger; file: LedgerFile } {
  const file = new LedgerFile(dir, { logger: silentLogger, debounceMs: 5, minIntervalMs: 0 });
  return { ledger: new TaskLedger(file, () => Promise.reject(new Error('none')), silentLogger), file };
}

/** Seconds, not one tick: the watcher may miss an event on a busy machine, and the file's 5 s poll then catches it. */
async function until(condition: () => boolean, what: string, ms = 12_000): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
}

const key = (taskId: string): TaskKey => ({ accountId: 'a1', product: 'gme', taskId });

describe('two windows on one ledger file', () => {
  let dir: string;
  let a: ReturnType<typeof windowLedger>;
  let b: ReturnType<typeof windowLedger>;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mte-ledger-windows-'));
    a = windowLedger(dir);
    b = windowLedger(dir);
    await a.ledger.load();
    await b.ledger.load();
  });
  afterEach(async () => {
    await Promise.all([a.ledger.flush(), b.ledger.flush()]);
    a.ledger.dispose();
    b.ledger.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('merges what both record instead of the last write winning, and each sees the other within seconds (file watcher)', async () => {
    const changes: TaskKey[] = [];
    b.ledger.onDidChange((keys) => changes.push(...keys));
    a.ledger.record([task({ taskId: 'from-a' })]);
    b.ledger.record([task({ taskId: 'from-b' })]);
    await Promise.all([a.ledger.flush(), b.ledger.flush()]);
    await until(() => Boolean(a.ledger.get(key('from-b'))) && Boolean(b.ledger.get(key('from-a'))), 'both see both');
    assert.ok(
      changes.some((k) => k.taskId === 'from-a'),
      'B told its listeners (tree, status bar)',
    );
    const third = windowLedger(dir);
    await third.ledger.load();
    assert.deepEqual(
      third.ledger
        .all()
        .map((e) => e.taskId)
        .sort(),
      ['from-a', 'from-b'],
    );
    third.ledger.dispose();
  });

  it('unites a task’s status history observed in both, newest snapshot winning', async () => {
    a.ledger.record([task({ taskId: 't', status: 'running', rawStatus: 'recording' })]);
    await a.ledger.flush();
    await until(() => Boolean(b.ledger.get(key('t'))), 'B sees t');
    await new Promise((r) => setTimeout(r, 5));
    b.ledger.record([task({ taskId: 't', status: 'paused', rawStatus: 'paused', observedAt: Date.now() })]);
    await new Promise((r) => setTimeout(r, 5));
    a.ledger.record([task({ taskId: 't', status: 'ended', rawStatus: 'stopped', observedAt: Date.now() })]);
    await Promise.all([a.ledger.flush(), b.ledger.flush()]);
    await until(() => b.ledger.get(key('t'))?.task.status === 'ended' && (a.ledger.get(key('t'))?.history.length ?? 0) === 3, 'histories united');
    assert.deepEqual(
      a.ledger.get(key('t'))?.history.map((h) => h.rawStatus),
      ['recording', 'paused', 'stopped'],
    );
    assert.deepEqual(
      b.ledger.get(key('t'))?.history.map((h) => h.rawStatus),
      ['recording', 'paused', 'stopped'],
    );
  });

  it('respects a forget and a pin made in the other window; a stale copy does not bring a forgotten task back', async () => {
    a.ledger.record([task({ taskId: 'gone' }), task({ taskId: 'kept' })]);
    await a.ledger.flush();
    await until(() => Boolean(b.ledger.get(key('gone'))), 'B sees them');
    await b.ledger.forget(key('gone'));
    b.ledger.pinRoom('a1', 'gme', 'room-9');
    await b.ledger.flush();
    await until(() => !a.ledger.get(key('gone')) && a.ledger.pinnedRooms('a1', 'gme').length === 1, 'A sees the forget and the pin');
    // A compacts (rewrites the file from its memory): the forget stays.
    await a.file.compact(a.ledger);
    const third = windowLedger(dir);
    await third.ledger.load();
    assert.deepEqual(
      third.ledger.all().map((e) => e.taskId),
      ['kept'],
    );
    assert.deepEqual(
      third.ledger.pinnedRooms('a1', 'gme').map((r) => r.room),
      ['room-9'],
    );
    third.ledger.dispose();
  });

  it('loses nothing when one window compacts while the other keeps appending', async () => {
    for (let i = 0; i < 20; i++) {
      a.ledger.record([task({ taskId: `a${i}` })]);
      b.ledger.record([task({ taskId: `b${i}` })]);
      const saves: Promise<void>[] = [a.ledger.flush(), b.ledger.flush()];
      if (i % 5 === 2) saves.push(a.file.compact(a.ledger));
      await Promise.all(saves);
    }
    // Appends that reached the old file during a compaction are carried over by a check a second later:
    // read the file afresh until that has happened (or the wait gives up), then assert.
    let kept = 0;
    for (const end = Date.now() + 12_000; kept < 40 && Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
      await Promise.all([a.ledger.flush(), b.ledger.flush()]);
      const third = windowLedger(dir);
      await third.ledger.load();
      kept = third.ledger.all().length;
      third.ledger.dispose();
    }
    assert.equal(kept, 40, `kept ${kept} of 40`);
  });
});
