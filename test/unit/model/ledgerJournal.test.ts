import { strict as assert } from 'node:assert';
import type { LedgerEntry } from '../../../src/model/ledgerEntry';
import { LedgerState, mergeEntries, readJournalLine, journalLine, unitedHistory } from '../../../src/model/ledgerJournal';
import { observe } from '../../../src/model/ledger';
import { T0, entry, task } from '../../fixtures/tasks';

const key = { accountId: 'a1', product: 'gme' as const, taskId: '446192236330927912' };

describe('ledger merge (two windows, one journal)', () => {
  it('keeps the newest observation, unites the status histories and keeps the first sighting and any pin', () => {
    const first = entry({}, T0);
    // Window A saw it stop at T0+10 s; window B saw it pause at T0+5 s and was told to pin it.
    const a = observe(first, task({ status: 'ended', rawStatus: 'stopped', observedAt: T0 + 10_000 }), T0 + 10_000);
    const b: LedgerEntry = { ...observe(first, task({ status: 'paused', rawStatus: 'paused', observedAt: T0 + 5_000 }), T0 + 5_000), pinned: true };
    for (const merged of [mergeEntries(a, b), mergeEntries(b, a)]) {
      assert.equal(merged.task.status, 'ended');
      assert.equal(merged.lastSeen, T0 + 10_000);
      assert.deepEqual(
        merged.history.map((h) => h.rawStatus),
        ['recording', 'paused', 'stopped'],
      );
      assert.equal(merged.firstSeen, T0);
      assert.equal(merged.pinned, true);
    }
  });

  it('unites histories without repeating a transition and keeps the first one when capped', () => {
    const h = (at: number, rawStatus: string) => ({ status: 'running' as const, rawStatus, at });
    assert.deepEqual(
      unitedHistory([h(1, 'a'), h(3, 'c')], [h(1, 'a'), h(2, 'b')]).map((t) => t.rawStatus),
      ['a', 'b', 'c'],
    );
    const long = Array.from({ length: 80 }, (_, i) => h(i, `s${i}`));
    const united = unitedHistory(long.slice(0, 40), long.slice(40));
    assert.equal(united.length, 50);
    assert.equal(united[0].rawStatus, 's0');
    assert.equal(united[49].rawStatus, 's79');
  });

  it('folds lines in any order: a forget removes what was seen before it and keeps a stale copy out', () => {
    const seen = entry({}, T0);
    const later = observe(seen, task({ status: 'ended', rawStatus: 'x' }), T0 + 60_000);
    for (const order of [
      [{ entry: seen }, { forget: key, at: T0 + 1 }],
      [{ forget: key, at: T0 + 1 }, { entry: seen }],
    ]) {
      const state = new LedgerState();
      for (const record of order) state.apply(record);
      assert.equal(state.index.get(key), undefined, 'forgotten, whatever the order');
      // Seen again after the forget (a new listing): it is back.
      assert.equal(state.apply({ entry: later }).changed, true);
      assert.equal(state.index.get(key)?.task.rawStatus, 'x');
    }
  });

  it('keeps an unpinned room unpinned against an older pin, and takes a newer one', () => {
    const state = new LedgerState();
    const room = { accountId: 'a1', product: 'gme' as const, room: 'r' };
    state.apply({ unpin: room, at: T0 });
    assert.equal(state.apply({ room: { ...room, addedAt: T0 - 1 } }).changed, false);
    assert.equal(state.apply({ room: { ...room, addedAt: T0 + 1 } }).changed, true);
  });

  it('reports no change when a line says what the state already holds (its own write read back)', () => {
    const state = new LedgerState();
    const e = entry();
    assert.equal(state.apply({ entry: e }).changed, true);
    assert.equal(state.apply({ entry: JSON.parse(JSON.stringify(e)) as LedgerEntry }).changed, false);
  });

  it('reads back every record it writes, and refuses what is not a record', () => {
    const records = [
      { entry: entry() },
      { forget: key, at: T0 },
      { room: { accountId: 'a1', product: 'gme' as const, room: 'r', addedAt: T0 } },
      { unpin: { accountId: 'a1', product: 'gme' as const, room: 'r' }, at: T0 },
    ];
    const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
    for (const record of records) assert.deepEqual(plain(readJournalLine(journalLine(record).trimEnd())), plain(record));
    for (const bad of ['{"entry": {"taskId": 1}}', '{"forget": {"accountId": "a"}, "at": 1}', '[1]', '{"entry": {', '{"other": 1}']) {
      assert.equal(readJournalLine(bad), undefined, bad);
    }
  });
});
