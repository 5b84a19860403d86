import * as assert from 'node:assert/strict';
import { MediaApiError } from '../../../src/model/errors';
import { errorMessage } from '../../../src/display/errors';
import { taskPickRow, taskPlace, taskTitle } from '../../../src/display/taskPick';
import { l10n, makeEntry, makeTask, NOW, time, U64_TASK_ID } from '../../fixtures/webview';

describe('display: task titles, pick rows, error lines', () => {
  it('titles a task with its short id and product', () => {
    assert.equal(taskTitle({ accountId: 'a', product: 'gme', taskId: U64_TASK_ID }, l10n), 'Task 44619223… (GME Recording)');
    assert.equal(taskTitle({ accountId: 'a', product: 'trtc-relay', taskId: '\u202Eabc' }, l10n), 'Task \\u{202E}abc (TRTC Relay (Stream Ingest))');
  });

  it('builds a picker row with status, room and elapsed time', () => {
    const row = taskPickRow(makeEntry(), time, l10n, 'Singapore demo');
    assert.deepEqual(row, {
      label: 'Task m9-bVVU7… (TRTC Cloud Recording)',
      description: 'running · Room room-42',
      detail: 'for 1h 2m · Tencent Cloud · Singapore demo',
    });
    assert.match(taskPickRow(makeEntry(), time, l10n, undefined).detail, / · removed account$/, 'never the internal account id');
    const ended = taskPickRow(makeEntry(makeTask({ status: 'ended', endedAt: NOW - 600_000, product: 'css', vendor: 'tencent' })), time, l10n, 'x');
    assert.equal(ended.description, 'ended · Stream room-42');
    assert.match(ended.detail, /^ended 10 minutes ago · /);
    // A running CSS task carries its scheduled end, which is ahead: elapsed time, then when it ends.
    const scheduled = taskPickRow(makeEntry(makeTask({ endedAt: NOW + 2 * 3_600_000, product: 'css', vendor: 'tencent' })), time, l10n, 'x');
    assert.match(scheduled.detail, /^for 1h 2m, ends in 2 hours · /);
  });

  it('makes vendor strings inert in pick rows: icon syntax escaped, RTL isolated, bounded', () => {
    const row = taskPickRow(makeEntry(makeTask({ taskId: '$(zap)x', room: `\u202Eمرحبا $(terminal) ${'r'.repeat(10_240)}` })), time, l10n, '$(zap) acct');
    assert.equal(row.label, 'Task \\$(zap)x (TRTC Cloud Recording)');
    assert.match(row.description, /^running · Room \u2068\\u\{202E\}مرحبا \\\$\(terminal\) r+…\u2069$/);
    assert.ok(row.description.length < 80);
    assert.match(row.detail, / · \\\$\(zap\) acct$/);
  });

  it('names where a task runs: room, or stream for CSS', () => {
    assert.equal(taskPlace({ product: 'gme', room: 'r1' }, l10n), 'Room r1');
    assert.equal(taskPlace({ product: 'css', room: 'live\u202E' }, l10n), 'Stream live\\u{202E}');
  });

  it('describes vendor errors with code and RequestId', () => {
    const error = new MediaApiError({
      vendor: 'tencent',
      action: 'DescribeCloudRecording',
      kind: 'taskEnded',
      code: 'InvalidParameter.TaskId',
      message: 'task not exist',
      requestId: 'req-1',
      retryable: false,
    });
    assert.equal(errorMessage(error), 'task not exist (DescribeCloudRecording: InvalidParameter.TaskId (RequestId req-1))');
    assert.equal(errorMessage(new Error('boom')), 'boom');
    assert.equal(errorMessage('plain'), 'plain');
  });
});
