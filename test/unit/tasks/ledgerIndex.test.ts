import { strict as assert } from 'node:assert';
import { LedgerIndex } from '../../../src/model/ledgerIndex';
import { entry } from './fixtures';

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
});
