import * as assert from 'node:assert/strict';
import { fileFromCommandArgs, panelStateKey, parsePanelState, parseTaskKey, taskKeyFromCommandArg } from '../../../src/webview/identity';
import { parseWebviewMessage } from '../../../src/webview/protocol';
import { HOSTILE, U64_TASK_ID } from '../../fixtures/webview';

const key = { accountId: 'acc-1', product: 'gme' as const, taskId: U64_TASK_ID };

describe('webview message protocol', () => {
  it('accepts each message the page sends, keeping only the known fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: 1 }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'refresh' }), { type: 'refresh' });
    assert.deepEqual(parseWebviewMessage({ type: 'openTask' }), { type: 'openTask' });
    assert.deepEqual(parseWebviewMessage({ type: 'openRoom', room: 'x' }), { type: 'openRoom' });
    assert.deepEqual(parseWebviewMessage({ type: 'openFile', fileName: HOSTILE[1] }), { type: 'openFile', fileName: HOSTILE[1] });
    assert.deepEqual(parseWebviewMessage({ type: 'copy', copyId: 'copy0', value: 'evil' }), { type: 'copy', copyId: 'copy0' });
  });

  it('drops anything else', () => {
    const rejected: unknown[] = [
      undefined,
      null,
      'ready',
      42,
      [],
      {},
      { type: 'eval', code: 'x' },
      { type: 'openFile' },
      { type: 'openFile', fileName: 7 },
      { type: 'openFile', fileName: '' },
      { type: 'openFile', fileName: 'x'.repeat(16 * 1024 + 1) },
      { type: 'copy', copyId: { toString: () => 'copy0' } },
      { type: 'READY' },
    ];
    for (const message of rejected) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });
});

describe('panel identity', () => {
  it('round-trips task and file states, u64 ids exact', () => {
    assert.deepEqual(parsePanelState({ kind: 'task', ...key }), { kind: 'task', ...key });
    const file = { kind: 'file', ...key, fileName: HOSTILE[0] };
    assert.deepEqual(parsePanelState(JSON.parse(JSON.stringify(file))), file);
  });

  it('rejects states that are not an identity', () => {
    const rejected: unknown[] = [
      undefined,
      { ...key },
      { kind: 'task', ...key, product: 'youtube' },
      { kind: 'task', ...key, taskId: 446192236330927912 },
      { kind: 'task', ...key, accountId: '' },
      { kind: 'file', ...key },
      { kind: 'task', ...key, taskId: 'x'.repeat(16 * 1024 + 1) },
    ];
    for (const state of rejected) assert.equal(parsePanelState(state), undefined, JSON.stringify(state)?.slice(0, 80));
  });

  it('keys panels so a task and each of its files get their own, unambiguously', () => {
    const keys = [
      panelStateKey({ kind: 'task', ...key }),
      panelStateKey({ kind: 'file', ...key, fileName: 'a' }),
      panelStateKey({ kind: 'file', ...key, fileName: 'a:b' }),
      panelStateKey({ kind: 'file', ...key, fileName: 'a"' }),
      panelStateKey({ kind: 'task', ...key, taskId: `${U64_TASK_ID}0` }),
    ];
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(panelStateKey({ kind: 'task', ...key }), panelStateKey({ kind: 'task', ...key }));
  });
});

describe('command arguments', () => {
  it('finds the task in a key, a tree node or an entry', () => {
    assert.deepEqual(taskKeyFromCommandArg(key), key);
    assert.deepEqual(taskKeyFromCommandArg({ kind: 'task', key }), key);
    assert.deepEqual(taskKeyFromCommandArg({ kind: 'task', entry: { ...key, pinned: true } }), key);
    assert.deepEqual(taskKeyFromCommandArg({ task: { ...key, status: 'running' } }), key);
    assert.deepEqual(parseTaskKey({ ...key, secretKey: 'never copied' }), key);
  });

  it('returns nothing for arguments without a task, so the command falls back to a picker', () => {
    for (const arg of [undefined, null, 'acc-1/gme/1', { kind: 'room', room: '42' }, { key: { ...key, product: 'x' } }]) {
      assert.equal(taskKeyFromCommandArg(arg), undefined);
    }
  });

  it('finds the storage file in a file node or in (key, fileName)', () => {
    const expected = { key, fileName: 'rec.m3u8' };
    assert.deepEqual(fileFromCommandArgs([{ key, fileName: 'rec.m3u8' }]), expected);
    assert.deepEqual(fileFromCommandArgs([{ key, file: { fileName: 'rec.m3u8', userId: 'u' } }]), expected);
    assert.deepEqual(fileFromCommandArgs([key, 'rec.m3u8']), expected);
    assert.equal(fileFromCommandArgs([key]), undefined);
    assert.equal(fileFromCommandArgs([{ fileName: 'rec.m3u8' }]), undefined);
    assert.equal(fileFromCommandArgs([]), undefined);
  });
});
