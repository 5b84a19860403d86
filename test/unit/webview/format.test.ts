import * as assert from 'node:assert/strict';
import { MediaApiError } from '../../../src/model/errors';
import {
  errorMessage,
  formatDuration,
  formatEpochMs,
  formatRelative,
  shortId,
  taskPickRow,
  taskTitle,
  visibleString,
} from '../../../src/webview/format';
import { l10n, makeEntry, makeTask, NOW, time, U64_TASK_ID } from './fixtures';

describe('formatting helpers', () => {
  it('formats durations with the two largest units', () => {
    assert.equal(formatDuration(0, 'en'), '0s');
    assert.equal(formatDuration(999, 'en'), '0s');
    assert.equal(formatDuration(45_000, 'en'), '45s');
    assert.equal(formatDuration(184_000, 'en'), '3m 4s');
    assert.equal(formatDuration(3_720_000, 'en'), '1h 2m');
    assert.equal(formatDuration(2 * 86_400_000 + 5 * 3_600_000 + 59_000, 'en'), '2d 5h');
    assert.equal(formatDuration(-5_000, 'en'), '0s', 'clock skew never shows a negative duration');
  });

  it('formats relative times in both directions', () => {
    assert.equal(formatRelative(NOW - 5 * 60_000, time), '5 minutes ago');
    assert.equal(formatRelative(NOW + 2 * 3_600_000, time), 'in 2 hours');
    assert.equal(formatRelative(NOW - 3 * 86_400_000, time), '3 days ago');
    assert.equal(formatRelative(NOW - 50 * 86_400_000, time), '2 months ago');
    assert.equal(formatRelative(NOW - 800 * 86_400_000, time), '2 years ago');
    assert.equal(formatRelative(NOW, time), 'now');
  });

  it('shows epoch ms as local time and relative time, with the raw value and its unit', () => {
    const { human, raw } = formatEpochMs(1562724852626, time, l10n);
    assert.equal(human, `Jul 10, 2019, 2:14:12 AM (${formatRelative(1562724852626, time)})`);
    assert.equal(raw, '1562724852626 ms');
    assert.deepEqual(formatEpochMs(Number.NaN, time, l10n), { human: 'invalid time', raw: 'NaN' });
  });

  it('follows the UI language', () => {
    assert.notEqual(formatDuration(120_000, 'de'), formatDuration(120_000, 'en'));
    assert.notEqual(formatRelative(NOW - 60_000, { ...time, locale: 'zh-CN' }), formatRelative(NOW - 60_000, time));
  });

  it('shortens ids without splitting a character', () => {
    assert.equal(shortId('12345678'), '12345678');
    assert.equal(shortId('123456789'), '123456789', 'one extra character is shown, not replaced by …');
    assert.equal(shortId(U64_TASK_ID), '44619223…');
    assert.equal(shortId('🎥🎥🎥🎥🎥🎥🎥🎥🎥🎥'), '🎥🎥🎥🎥🎥🎥🎥🎥…');
  });

  it('makes invisible and direction-changing characters visible', () => {
    assert.equal(visibleString('x\u202Egnp.exe'), 'x\\u{202E}gnp.exe');
    assert.equal(visibleString('a\u200Bb\u0000c\uFEFF'), 'a\\u{200B}b\\u{0}c\\u{FEFF}');
    assert.equal(visibleString('مرحبا 🎥 <img>'), 'مرحبا 🎥 <img>', 'ordinary RTL text, emoji and markup stay as they are');
  });

  it('titles a task with its short id and product', () => {
    assert.equal(taskTitle({ accountId: 'a', product: 'gme', taskId: U64_TASK_ID }, l10n), 'Task 44619223… (GME recording)');
    assert.equal(taskTitle({ accountId: 'a', product: 'trtc-relay', taskId: '\u202Eabc' }, l10n), 'Task \\u{202E}abc (TRTC relay)');
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
      hint: 'The task ended.',
    });
    assert.equal(errorMessage(error), 'task not exist (DescribeCloudRecording: InvalidParameter.TaskId (RequestId req-1))');
    assert.equal(errorMessage(new Error('boom')), 'boom');
    assert.equal(errorMessage('plain'), 'plain');
  });

  it('builds a picker row with status, room and elapsed time', () => {
    const row = taskPickRow(makeEntry(), time, l10n, 'Singapore demo');
    assert.deepEqual(row, {
      label: 'Task m9-bVVU7… (TRTC recording)',
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
});
