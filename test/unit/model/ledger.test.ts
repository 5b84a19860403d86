import { strict as assert } from 'node:assert';
import { MAX_HISTORY, markEnded, observe, parseLedger, placeholderTask, serializeLedger, withError } from '../../../src/model/ledger';
import { T0, entry, task } from '../../fixtures/tasks';

describe('ledger rules', () => {
  it('starts a history at first sight and records first and last seen', () => {
    const e = entry();
    assert.equal(e.firstSeen, T0);
    assert.equal(e.lastSeen, T0);
    assert.deepEqual(e.history, [{ status: 'running', rawStatus: 'recording', at: T0 }]);
    assert.equal(e.pinned, false);
  });

  it('adds a transition only when the status changes', () => {
    const first = entry();
    const same = observe(first, task({ observedAt: T0 + 10_000 }), T0 + 10_000);
    assert.equal(same.history.length, 1);
    assert.equal(same.lastSeen, T0 + 10_000);
    assert.equal(same.firstSeen, T0);
    const ended = observe(same, task({ status: 'ended', rawStatus: 'stopped', observedAt: T0 + 20_000 }), T0 + 20_000);
    assert.deepEqual(
      ended.history.map((h) => [h.status, h.at]),
      [
        ['running', T0],
        ['ended', T0 + 20_000],
      ],
    );
  });

  it('keeps a pin through later listings, and keeps the last file list when an answer has none', () => {
    const files = [{ userId: 'u1', fileName: 'a.m3u8', trackType: 'audio', beginTimeMs: T0 }];
    const pinned = observe(undefined, task({ files }), T0, true);
    const later = observe(pinned, task({ files: [] }), T0 + 1000);
    assert.equal(later.pinned, true);
    assert.deepEqual(later.task.files, files);
  });

  it('caps the history but keeps the first sighting', () => {
    let e = entry();
    for (let i = 1; i <= MAX_HISTORY + 10; i++) {
      e = observe(e, task({ status: i % 2 ? 'paused' : 'running', rawStatus: String(i), observedAt: T0 + i }), T0 + i);
    }
    assert.equal(e.history.length, MAX_HISTORY);
    assert.equal(e.history[0].at, T0);
    assert.equal(e.history[e.history.length - 1].rawStatus, String(MAX_HISTORY + 10));
  });

  it('marks a task the vendor stopped answering for as ended, once, keeping the snapshot', () => {
    const e = withError(entry({ product: 'trtc-recording', taskId: 'abc' }), 'old error');
    const ended = markEnded(e, 'ResourceNotFound', T0 + 5000);
    assert.equal(ended.task.status, 'ended');
    assert.equal(ended.task.rawStatus, 'ResourceNotFound');
    assert.equal(ended.task.endedAt, T0 + 5000);
    assert.equal(ended.task.startedAt, e.task.startedAt);
    assert.equal(ended.lastError, undefined);
    assert.equal(ended.history.length, 2);
    const again = markEnded(ended, 'ResourceNotFound', T0 + 9000);
    assert.equal(again.history.length, 2);
    assert.equal(again.lastSeen, T0 + 9000);
  });

  it('records an error without losing the snapshot, and a fresh answer clears it', () => {
    const failed = withError(entry(), 'DescribeTaskInfo: InternalError (RequestId r)');
    assert.equal(failed.task.status, 'running');
    assert.match(failed.lastError ?? '', /InternalError/);
    assert.equal(observe(failed, task(), T0 + 1).lastError, undefined);
  });

  it('gives a tracked task an unknown status until the vendor answers', () => {
    const t = placeholderTask({ accountId: 'a1', product: 'trtc-relay', taskId: 'x' }, 'tencent', '1400000000', 'lobby', T0);
    assert.equal(t.status, 'unknown');
    assert.equal(t.room, 'lobby');
    assert.deepEqual(t.files, []);
  });
});

describe('ledger document', () => {
  it('round-trips entries and pinned rooms with u64 ids exact', () => {
    const doc = {
      version: 1 as const,
      tasks: [entry(), entry({ product: 'css', taskId: 'UpTbk5RSVhRQFkAAfHwQCCjcRD0l', extras: { Stopped: 0 } })],
      rooms: [{ accountId: 'a1', product: 'gme' as const, room: 'room-1', addedAt: T0 }],
    };
    const text = serializeLedger(doc);
    assert.match(text, /"taskId":"446192236330927912"/);
    const parsed = parseLedger(text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(JSON.parse(serializeLedger(parsed.doc)), JSON.parse(text));
  });

  it('reports a file that is not JSON, and one that is not a ledger', () => {
    assert.match(parseLedger('{"version":1,"tasks":[').problems[0], /not JSON/);
    assert.match(parseLedger('[1,2]').problems[0], /not a version 1/);
    assert.equal(parseLedger('[1,2]').doc.tasks.length, 0);
  });

  it('keeps the readable entries and counts the unreadable ones', () => {
    const good = entry();
    const text = JSON.stringify({ version: 1, tasks: [good, { ...good, task: { ...good.task, status: 'exploded' } }, 42], rooms: [{ accountId: 'a1' }] });
    const parsed = parseLedger(text);
    assert.equal(parsed.doc.tasks.length, 1);
    assert.deepEqual(parsed.problems, ['2 task entries were unreadable', '1 pinned rooms were unreadable']);
  });
});
