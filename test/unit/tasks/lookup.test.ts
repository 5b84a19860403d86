import { strict as assert } from 'node:assert';
import type { LedgerEntry } from '../../../src/model/ledgerEntry';
import { ledgerMatches, type LedgerQuery } from '../../../src/tasks/lookup';
import { entry, T0 } from '../../fixtures/tasks';

const ids = (entries: readonly LedgerEntry[]): string[] => entries.map((e) => `${e.accountId}/${e.product}/${e.taskId}`);

describe('Go to Task: what the ledger knows about a paste', () => {
  const ledger = [
    entry({ accountId: 'a1', product: 'trtc-recording', taskId: 'T1', room: 'r1', requestId: 'req-a', startedAt: T0 - 3_600_000 }),
    entry({ accountId: 'a2', product: 'trtc-recording', taskId: 'T1', room: 'r1', requestId: 'req-b', startedAt: T0 - 600_000 }),
    entry({ accountId: 'a2', product: 'trtc-relay', taskId: 'T1', room: 'r9', requestId: 'req-c', startedAt: T0 - 60_000 }),
    entry({ accountId: 'a1', product: 'css', taskId: 'S1', room: 'live-7', requestId: 'req-d', startedAt: T0 - 120_000 }),
    entry({ accountId: 'a1', product: 'css', taskId: 'S2', room: 'live-7', requestId: 'req-e', startedAt: T0 - 30_000 }),
    entry({ accountId: 'a1', product: 'zego-recording', taskId: 'Z1', room: 'live-7', requestId: 'req-f', startedAt: T0 - 10_000 }),
  ];
  const match = (query: Partial<LedgerQuery>) => ledgerMatches(ledger, { bare: false, accountIds: new Set(['a1', 'a2']), ...query });

  it('a TaskId two accounts and two products know: every entry, for the pick', () => {
    assert.deepEqual(ids(match({ taskId: 'T1' }).known), ['a1/trtc-recording/T1', 'a2/trtc-recording/T1', 'a2/trtc-relay/T1']);
  });

  it('only accounts configured now: entries of a removed account are not offered', () => {
    assert.deepEqual(ids(match({ taskId: 'T1', accountIds: new Set(['a2']) }).known), ['a2/trtc-recording/T1', 'a2/trtc-relay/T1']);
    assert.equal(match({ room: 'live-7', accountIds: new Set(['a2']) }).newestInRoom, undefined);
  });

  it('the product the paste names narrows them, unless none is of it', () => {
    assert.deepEqual(ids(match({ taskId: 'T1', product: 'trtc-relay' }).known), ['a2/trtc-relay/T1']);
    assert.deepEqual(ids(match({ taskId: 'T1', product: 'css' }).known), ['a1/trtc-recording/T1', 'a2/trtc-recording/T1', 'a2/trtc-relay/T1']);
  });

  it('a RequestId finds the snapshot that carried it, when no TaskId is pasted', () => {
    assert.deepEqual(ids(match({ requestId: 'req-b' }).known), ['a2/trtc-recording/T1']);
    assert.deepEqual(ids(match({ taskId: 'nope', requestId: 'req-b' }).known), [], 'a TaskId that is not known is asked for, not swapped for the RequestId');
  });

  it('a room or stream gives its newest task of the product named; a bare id is tried as one too', () => {
    assert.equal(match({ room: 'live-7' }).newestInRoom?.taskId, 'Z1');
    assert.equal(match({ room: 'live-7', product: 'css' }).newestInRoom?.taskId, 'S2');
    assert.equal(match({ taskId: 'live-7', bare: true }).newestInRoom?.taskId, 'Z1');
    assert.equal(match({ taskId: 'live-7', bare: false }).newestInRoom, undefined, 'an id read from a TaskId field is not a room');
    assert.equal(match({ taskId: 'T1', bare: true }).newestInRoom, undefined, 'known by id: no room is looked at');
    assert.deepEqual(match({ room: 'nowhere' }), { known: [] });
  });
});
