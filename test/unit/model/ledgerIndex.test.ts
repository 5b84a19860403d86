import { strict as assert } from 'node:assert';
import { entryStartMs, type LedgerEntry } from '../../../src/model/ledgerEntry';
import { LedgerIndex } from '../../../src/model/ledgerIndex';
import { entry, T0 } from '../../fixtures/tasks';

describe('ledger index', () => {
  it('answers by account, product and room, and follows an entry that changes room, status or pin', () => {
    const index = new LedgerIndex();
    index.set(entry({ taskId: 'a', room: 'r1' }));
    index.set(entry({ taskId: 'b', room: 'r2', status: 'ended', rawStatus: 'done' }));
    index.set(entry({ taskId: 'c', room: 'r1', product: 'css' }));
    index.set(entry({ taskId: 'd', room: 'r1', accountId: 'a2' }));
    assert.deepEqual(
      index.roomEntries('a1', 'gme', 'r1').map((e) => e.taskId),
      ['a'],
    );
    assert.deepEqual(
      index
        .rooms('a1', 'gme')
        .map((r) => r.room)
        .sort(),
      ['r1', 'r2'],
    );
    assert.deepEqual([...index.entriesOf('a1')].map((e) => e.taskId).sort(), ['a', 'b', 'c']);
    assert.deepEqual(
      [...index.entriesOf('a1', 'css')].map((e) => e.taskId),
      ['c'],
    );
    assert.equal(index.countOf('a1', 'gme'), 2);
    assert.deepEqual(
      index
        .running()
        .map((e) => e.taskId)
        .sort(),
      ['a', 'c', 'd'],
    );

    const touched = index.set({ ...entry({ taskId: 'a', room: 'r3', status: 'ended', rawStatus: 'done' }), pinned: true });
    assert.deepEqual(
      touched.map((s) => s.room),
      ['r1', 'r3'],
      'old and new room',
    );
    assert.deepEqual(index.roomEntries('a1', 'gme', 'r1'), []);
    assert.deepEqual(
      index
        .rooms('a1', 'gme')
        .map((r) => r.room)
        .sort(),
      ['r2', 'r3'],
      'an emptied room goes',
    );
    assert.deepEqual(
      index
        .running()
        .map((e) => e.taskId)
        .sort(),
      ['c', 'd'],
    );
    assert.deepEqual(
      index.pinned().map((e) => e.taskId),
      ['a'],
    );

    assert.deepEqual(
      index.delete({ accountId: 'a1', product: 'gme', taskId: 'a' }).map((s) => s.room),
      ['r3'],
    );
    assert.deepEqual(index.pinned(), []);
    assert.equal(index.size, 3);
    assert.equal(index.get({ accountId: 'a1', product: 'gme', taskId: 'a' }), undefined);
  });

  it('moves a room’s revision with each change to its entries only, never back to an earlier value', () => {
    const index = new LedgerIndex();
    const rev = (room: string) => index.roomRevision('a1', 'gme', room);
    index.set(entry({ taskId: 'a', room: 'r1' }));
    index.set(entry({ taskId: 'b', room: 'r2' }));
    const r1 = rev('r1');
    const r2 = rev('r2');
    assert.notEqual(r1, undefined);
    index.set(entry({ taskId: 'b', room: 'r2', rawStatus: 'changed' }));
    assert.equal(rev('r1'), r1, 'a change in r2 leaves r1 as it was');
    assert.notEqual(rev('r2'), r2, 'a changed entry moves its room');
    const before = { r1: rev('r1'), r2: rev('r2') };
    index.set(entry({ taskId: 'a', room: 'r2' }));
    assert.notEqual(rev('r1'), before.r1, 'an entry moving out moves the room it left');
    assert.notEqual(rev('r2'), before.r2, 'and the room it joined');
    index.delete(entry({ taskId: 'a', room: 'r2' }));
    index.delete(entry({ taskId: 'b', room: 'r2' }));
    assert.equal(rev('r2'), undefined, 'an emptied room has no revision');
    index.set(entry({ taskId: 'c', room: 'r2' }));
    assert.ok(![r2, before.r2].includes(rev('r2')), 'a room made again does not repeat an earlier revision');
  });

  it('keeps each room’s newest start and size through arrivals, earlier starts, moves and removals', () => {
    // A seeded walk of random changes; after each, the summaries equal what a full pass finds.
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const index = new LedgerIndex();
    const truth = new Map<string, LedgerEntry>();
    const brute = () => {
      const rooms = new Map<string, { room: string; newestStartMs: number; size: number }>();
      for (const e of truth.values()) {
        const r = rooms.get(e.task.room) ?? { room: e.task.room, newestStartMs: Number.NEGATIVE_INFINITY, size: 0 };
        rooms.set(e.task.room, { room: r.room, newestStartMs: Math.max(r.newestStartMs, entryStartMs(e)), size: r.size + 1 });
      }
      return [...rooms.values()].sort((a, b) => a.room.localeCompare(b.room));
    };
    for (let step = 0; step < 2_000; step++) {
      const taskId = `t${random(40)}`;
      if (random(5) === 0) {
        index.delete({ accountId: 'a1', product: 'gme', taskId });
        truth.delete(taskId);
      } else {
        const e = entry({ taskId, room: `r${random(4)}`, startedAt: T0 - random(100) * 60_000 });
        index.set(e);
        truth.set(taskId, e);
      }
      if (step % 3 === 0 || step > 1_990) {
        const summaries = index.roomSummaries('a1', 'gme').sort((a, b) => a.room.localeCompare(b.room));
        assert.deepEqual(summaries, brute(), `after step ${step}`);
      }
    }
  });
});
