// How a verified callback changes the ledger: at once, never backwards, a retry changes nothing.
import { strict as assert } from 'node:assert';
import type { CallbackEvent } from '../../../src/model/callback';
import { recordCallback } from '../../../src/model/callbackLedger';
import { parseLedger, serializeLedger } from '../../../src/model/ledger';
import { mergeEntries } from '../../../src/model/ledgerJournal';
import { T0, entry } from '../../fixtures/tasks';

const zego = (over: Partial<CallbackEvent> = {}): CallbackEvent => ({
  vendor: 'zego',
  product: 'zego-recording',
  appId: '1',
  taskId: 'YRHu6-E4IyvEAAAD',
  room: 'stage-1',
  eventType: '201',
  at: T0,
  files: [],
  facts: {},
  ...over,
});

describe('callbacks in the ledger', () => {
  it('creates the entry of a task first heard of through a callback, with status, room, files and the record', () => {
    const out = recordCallback(
      undefined,
      'z',
      zego({
        eventType: '5',
        status: 'ended',
        endedAt: T0,
        sequence: 4,
        files: [{ userId: 'u', fileName: 'f.mp4', trackType: 'audio_video', state: 'uploading' }],
      }),
      'receiver',
      T0 + 5,
    );
    assert.equal(out.applied, true);
    assert.equal(out.entry.task.status, 'ended');
    assert.equal(out.entry.task.room, 'stage-1');
    assert.equal(out.entry.task.endedAt, T0);
    assert.equal(out.entry.task.files[0]!.fileName, 'f.mp4');
    assert.deepEqual(
      out.entry.callbacks!.map((c) => [c.eventType, c.source, c.applied, c.receivedAt]),
      [['5', 'receiver', true, T0 + 5]],
    );
  });

  it('never moves a task backwards: a late start after the end, or a lower ZEGO sequence, is recorded but not applied', () => {
    const running = entry({ product: 'zego-recording', vendor: 'zego', taskId: 'YRHu6-E4IyvEAAAD', status: 'running', rawStatus: '2' });
    const paused = recordCallback(running, 'a1', zego({ eventType: '201', status: 'paused', sequence: 7, at: T0 + 10 }), 'paste', T0 + 20).entry;
    assert.equal(paused.task.status, 'paused');
    const lateResume = recordCallback(paused, 'a1', zego({ eventType: '202', status: 'running', sequence: 6, at: T0 + 5 }), 'paste', T0 + 30);
    assert.equal(lateResume.applied, false);
    assert.equal(lateResume.entry.task.status, 'paused');
    assert.equal(lateResume.entry.callbacks!.length, 2);
    const ended = recordCallback(paused, 'a1', zego({ eventType: '5', status: 'ended', sequence: 9, at: T0 + 40 }), 'paste', T0 + 40).entry;
    const restarted = recordCallback(ended, 'a1', zego({ eventType: '202', status: 'running', sequence: 10, at: T0 + 50 }), 'paste', T0 + 50);
    assert.equal(restarted.entry.task.status, 'ended', 'nothing leaves a terminal status');
  });

  it('ignores a retried callback (same event, same time): no second record, no change', () => {
    const first = recordCallback(undefined, 'z', zego({ eventType: '5', status: 'ended', sequence: 1 }), 'receiver', T0).entry;
    const again = recordCallback(first, 'z', zego({ eventType: '5', status: 'ended', sequence: 1 }), 'receiver', T0 + 5000);
    assert.equal(again.duplicate, true);
    assert.equal(again.entry, first);
  });

  it('records two events of the same type and second that report different files (GME: one per user) as two', () => {
    const gme = (fileName: string): CallbackEvent => ({
      vendor: 'tencent',
      product: 'gme',
      appId: '1400000000',
      taskId: '9223372036854775807',
      room: 'r1',
      eventType: '3',
      at: T0,
      files: [{ userId: fileName, fileName: `${fileName}.mp3`, trackType: 'audio', state: 'uploaded' }],
      facts: {},
    });
    const first = recordCallback(undefined, 'g', gme('alice'), 'receiver', T0).entry;
    const second = recordCallback(first, 'g', gme('bob'), 'receiver', T0 + 1);
    assert.equal(second.duplicate, false, "bob's file is not a retry of alice's");
    assert.deepEqual(
      second.entry.task.files.map((f) => f.fileName),
      ['alice.mp3', 'bob.mp3'],
    );
    assert.equal(recordCallback(second.entry, 'g', gme('bob'), 'receiver', T0 + 2).duplicate, true, "bob's retry is still a retry");
    const other = recordCallback(first, 'g', gme('carol'), 'paste', T0 + 3).entry;
    assert.deepEqual(
      mergeEntries(second.entry, other).callbacks!.map((c) => c.files[0]),
      ['alice.mp3', 'bob.mp3', 'carol.mp3'],
      'two windows merge both files’ events',
    );
  });

  it('keeps callback records through the ledger file and when two windows merge', () => {
    const a = recordCallback(undefined, 'z', zego({ eventType: '201', status: 'paused', sequence: 1 }), 'receiver', T0).entry;
    const b = recordCallback(a, 'z', zego({ eventType: '5', status: 'ended', sequence: 2, at: T0 + 1 }), 'paste', T0 + 1).entry;
    const read = parseLedger(serializeLedger({ version: 1, tasks: [b], rooms: [] })).doc.tasks[0]!;
    assert.deepEqual(read.callbacks, b.callbacks);
    const other = recordCallback(a, 'z', zego({ eventType: '1', sequence: 3, at: T0 + 2 }), 'receiver', T0 + 2).entry;
    assert.deepEqual(
      mergeEntries(b, other).callbacks!.map((c) => c.eventType),
      ['201', '5', '1'],
    );
  });
});
