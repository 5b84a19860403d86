import * as assert from 'node:assert/strict';
import { inRoom, parseRoomState, roomProducts, roomStateKey } from '../../../src/webview/identity';
import { roomDocument, roomTaskColumns } from '../../../src/webview/roomDocument';
import { parseRoomMessage, ROOM_STATUSES } from '../../../src/webview/roomProtocol';
import { HOSTILE, l10n, makeEntry, makeTask, NOW } from '../../fixtures/webview';

const M = 60_000;
const ctx = { time: { now: NOW, locale: 'en-US', timeZone: 'UTC' }, l10n };
const state = { kind: 'room' as const, accountId: 'acc-1', product: 'trtc-recording' as const, room: 'room-42' };

describe('room document', () => {
  const ended = makeEntry(
    makeTask({
      taskId: 'b',
      status: 'ended',
      startedAt: NOW - 60 * M,
      endedAt: NOW - 30 * M,
      files: [{ userId: 'u', fileName: 'a.m3u8', trackType: 'audio', beginTimeMs: NOW - 59 * M }],
    }),
    {
      history: [
        { status: 'running', rawStatus: 'InProgress', at: NOW - 60 * M },
        { status: 'ended', rawStatus: 'Exited', at: NOW - 29 * M },
      ],
    },
  );
  const relay = makeEntry(makeTask({ taskId: 'a', product: 'trtc-relay', startedAt: NOW - 90 * M, endedAt: undefined }));
  const css = makeEntry(makeTask({ taskId: 'c', product: 'css', status: 'running', startedAt: NOW - 10 * M, endedAt: NOW + 50 * M }));

  it('sends the tasks as columns by start time, statuses and products as indexes, ends only when ended', () => {
    const doc = roomDocument(state, [ended, relay], ctx);
    const c = doc.tasks;
    assert.deepEqual(c.ref, ['trtc-relay/a', 'trtc-recording/b']);
    assert.deepEqual(
      c.status.map((i) => ROOM_STATUSES[i]),
      ['running', 'ended'],
    );
    assert.deepEqual(c.start, [NOW - 90 * M, NOW - 60 * M]);
    assert.deepEqual(c.end, [null, NOW - 30 * M]);
    assert.deepEqual([c.fileTask, c.fileAt, c.fileName], [[1], [NOW - 59 * M], ['a.m3u8']]);
    assert.deepEqual([c.changeTask, c.changeAt, c.changeStatus.map((i) => ROOM_STATUSES[i])], [[1], [NOW - 29 * M], ['ended']]);
    assert.equal(doc.heading, 'Room room-42');
    assert.equal(doc.summary, '2 tasks from May 1, 2024, 10:30:00 AM to May 1, 2024, 12:00:00 PM: 1 running, 1 ended.');
    assert.equal(doc.productLabels['trtc-relay'], 'TRTC Relay (Stream Ingest)');
  });

  it('keeps a running CSS task’s scheduled end apart from an end', () => {
    const c = roomTaskColumns([css]);
    assert.deepEqual([c.end, c.scheduledEnd], [[null], [NOW + 50 * M]]);
  });

  it('ends an ended task without a reported end when it was seen to end, or first seen already ended', () => {
    const seen = makeEntry(makeTask({ status: 'ended', startedAt: NOW - 60 * M, endedAt: undefined }), {
      firstSeen: NOW - 60 * M,
      lastSeen: NOW,
      history: [
        { status: 'running', rawStatus: '2', at: NOW - 60 * M },
        { status: 'ended', rawStatus: '3', at: NOW - 20 * M },
      ],
    });
    const late = makeEntry(makeTask({ status: 'ended', startedAt: NOW - 60 * M, endedAt: undefined }), {
      firstSeen: NOW - 30 * M,
      lastSeen: NOW,
      history: [{ status: 'ended', rawStatus: '3', at: NOW - 30 * M }],
    });
    assert.deepEqual(roomTaskColumns([seen, late]).end, [NOW - 20 * M, NOW - 30 * M], 'not the last sighting, which moves on every listing');
  });

  it('shows hostile ids and file names as text with hidden characters made visible, and keeps the exact ref', () => {
    for (const hostile of HOSTILE.slice(0, 6)) {
      const e = makeEntry(makeTask({ taskId: hostile, rawStatus: hostile, files: [{ userId: 'u', fileName: hostile, trackType: 'audio', beginTimeMs: NOW }] }));
      const c = roomTaskColumns([e]);
      const shown = hostile.replace('\u202E', '\\u{202E}');
      assert.deepEqual([c.taskId[0], c.rawStatus[0], c.fileName[0]], [shown, shown, shown]);
      assert.equal(c.ref[0], `trtc-recording/${hostile}`, 'the ref names the task exactly');
    }
    assert.equal(roomDocument({ ...state, room: 'x\u202Egnp.exe' }, [], ctx).heading, 'Room x\\u{202E}gnp.exe');
    assert.equal(roomDocument({ ...state, product: 'css', room: '' }, [], ctx).heading, 'Stream (no room label)');
  });

  it('says so when the ledger has no task of the room', () => {
    assert.equal(roomDocument(state, [], ctx).summary, 'No task of this room is in the task ledger.');
  });
});

describe('room identity and messages', () => {
  it('treats a TRTC room’s recordings and relays as one room, other products alone', () => {
    assert.deepEqual(roomProducts('trtc-relay'), ['trtc-recording', 'trtc-relay']);
    assert.deepEqual(roomProducts('gme'), ['gme']);
    assert.equal(roomStateKey(state), roomStateKey({ ...state, product: 'trtc-relay' }));
    assert.notEqual(roomStateKey(state), roomStateKey({ ...state, room: 'room-43' }));
    assert.notEqual(roomStateKey({ ...state, product: 'gme' }), roomStateKey({ ...state, product: 'css' }));
    assert.ok(inRoom(state, { accountId: 'acc-1', product: 'trtc-relay', taskId: 'x' }, 'room-42'));
    assert.ok(!inRoom(state, { accountId: 'acc-1', product: 'gme', taskId: 'x' }, 'room-42'));
    assert.ok(!inRoom(state, { accountId: 'acc-2', product: 'trtc-relay', taskId: 'x' }, 'room-42'));
  });

  it('reads a room identity and its saved zoom from a page state or a tree row, and nothing else', () => {
    assert.deepEqual(parseRoomState({ ...state, view: { startMs: 1, endMs: 2 } }), { ...state, view: { startMs: 1, endMs: 2 } });
    assert.deepEqual(parseRoomState({ kind: 'room', id: 'x', accountId: 'acc-1', product: 'gme', room: '9832', parent: {} }), {
      kind: 'room',
      accountId: 'acc-1',
      product: 'gme',
      room: '9832',
    });
    assert.deepEqual(parseRoomState({ ...state, view: { startMs: 2, endMs: 1 } }), state, 'a backwards zoom is dropped, the room kept');
    assert.deepEqual(parseRoomState({ ...state, view: { startMs: 'x', endMs: Infinity } }), state);
    for (const bad of [
      undefined,
      null,
      'room-42',
      { ...state, product: 'youtube' },
      { ...state, accountId: '' },
      { ...state, room: 42 },
      { ...state, room: 'x'.repeat(16 * 1024 + 1) },
    ]) {
      assert.equal(parseRoomState(bad), undefined, JSON.stringify(bad)?.slice(0, 60));
    }
  });

  it('accepts only ready and openTask from the room page', () => {
    assert.deepEqual(parseRoomMessage({ type: 'ready', x: 1 }), { type: 'ready' });
    assert.deepEqual(parseRoomMessage({ type: 'openTask', ref: 'gme/1' }), { type: 'openTask', ref: 'gme/1' });
    for (const bad of [
      null,
      'ready',
      { type: 'openTask' },
      { type: 'openTask', ref: '' },
      { type: 'openTask', ref: 1 },
      { type: 'openTask', ref: 'x'.repeat(32 * 1024 + 1) },
      { type: 'eval' },
    ]) {
      assert.equal(parseRoomMessage(bad), undefined, JSON.stringify(bad)?.slice(0, 60));
    }
  });
});
