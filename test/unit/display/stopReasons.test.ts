import * as assert from 'node:assert/strict';
import type { CallbackRecord } from '../../../src/model/callback';
import type { StorageFile } from '../../../src/model/task';
import { STOP_REQUESTED } from '../../../src/model/taskStop';
import { FILES_OVERDUE_MS, fileReadiness, leaveCodeReason, quitReason, stopReason } from '../../../src/display/stopReasons';
import { l10n, makeEntry, makeTask, NOW, time } from '../../fixtures/webview';

function callback(vendor: CallbackRecord['vendor'], eventType: string, facts: CallbackRecord['facts'] = {}): CallbackRecord {
  return { vendor, eventType, at: NOW - 60_000, receivedAt: NOW - 59_000, source: 'paste', applied: true, files: [], facts };
}

const ended = (product: Parameters<typeof makeTask>[0] = {}) => makeTask({ status: 'ended', rawStatus: 'Ended', endedAt: NOW - 120_000, ...product });

describe('display: stop reasons', () => {
  it('says nothing while the task has not ended', () => {
    assert.equal(stopReason(makeEntry(makeTask({ status: 'running' }), { callbacks: [callback('tencent', '302', { LeaveCode: 99 })] }), l10n, time), undefined);
  });

  it('reads TRTC LeaveCode from callback 302 into a sentence, a next step and its source', () => {
    const reason = stopReason(makeEntry(ended(), { callbacks: [callback('tencent', '301'), callback('tencent', '302', { LeaveCode: 99 })] }), l10n, time);
    assert.equal(reason?.text, 'No other user streamed in the room for longer than MaxIdleTime, so the robot left.');
    assert.match(reason?.nextStep ?? '', /Raise MaxIdleTime in CreateCloudRecording/);
    assert.equal(reason?.source, 'TRTC callback 302, LeaveCode 99');
    assert.equal(reason?.tone, 'problem');
  });

  it('knows every documented LeaveCode and names an undocumented one', () => {
    const texts = [0, 1, 2, 3, 4, 99, 100, 101].map((code) => leaveCodeReason(code, l10n).text);
    assert.equal(new Set(texts).size, texts.length, 'each code has its own sentence');
    assert.ok(texts.every((text) => !/does not describe/.test(text)));
    assert.equal(leaveCodeReason(0, l10n).tone, 'normal');
    assert.match(leaveCodeReason(101, l10n).text, /robot’s UserId/);
    assert.deepEqual(leaveCodeReason(7, l10n), { text: 'TRTC gave LeaveCode 7, which its documentation does not describe.', tone: 'unknown' });
  });

  it('reads ZEGO quit_reason, telling MaxIdleTime from MaxRecordTime, and event 5 as a normal exit', () => {
    const zego = ended({ product: 'zego-recording', vendor: 'zego', rawStatus: '3' });
    const idle = stopReason(makeEntry(zego, { callbacks: [callback('zego', '2', { quit_reason: 3 })] }), l10n, time);
    assert.match(idle?.text ?? '', /MaxIdleTime/);
    assert.equal(idle?.source, 'ZEGO callback event 2, quit_reason 3');
    const limit = stopReason(makeEntry(zego, { callbacks: [callback('zego', '2', { quit_reason: 4 })] }), l10n, time);
    assert.equal(limit?.text, 'It reached MaxRecordTime (24 h by default).');
    assert.match(quitReason(1005, l10n).text, /file error 1005/);
    assert.match(quitReason(77, l10n).text, /does not describe/);
    const normal = stopReason(makeEntry(zego, { callbacks: [callback('zego', '5')] }), l10n, time);
    assert.deepEqual(normal, { text: 'It ended normally.', source: 'ZEGO callback event 5', tone: 'normal' });
  });

  it('takes the newest callback that names a cause', () => {
    const entry = makeEntry(ended(), {
      callbacks: [callback('tencent', '302', { LeaveCode: 0 }), callback('tencent', '302', { LeaveCode: 3 }), callback('tencent', '310')],
    });
    assert.equal(stopReason(entry, l10n, time)?.source, 'TRTC callback 302, LeaveCode 3');
  });

  it('says a stop sent from this extension, with when, when no callback names a cause', () => {
    const entry = makeEntry(ended(), {
      history: [
        { status: 'running', rawStatus: 'InProgress', at: NOW - 3_600_000 },
        { status: 'stopping', rawStatus: STOP_REQUESTED, at: Date.UTC(2024, 4, 1, 11, 58, 0) },
        { status: 'ended', rawStatus: 'Ended', at: NOW - 60_000 },
      ],
    });
    const reason = stopReason(entry, l10n, time);
    assert.match(reason?.text ?? '', /^You stopped it from this extension at .*11:58/);
  });

  it('without a callback, says what the snapshot tells and where the cause would be', () => {
    const zego = stopReason(makeEntry(ended({ product: 'zego-recording', vendor: 'zego', rawStatus: '3' })), l10n, time);
    assert.match(zego?.text ?? '', /StopRecord or by a MaxIdleTime or MaxRecordTime limit/);
    assert.match(zego?.nextStep ?? '', /Paste Callback/);
    assert.equal(stopReason(makeEntry(ended({ product: 'zego-recording', vendor: 'zego', rawStatus: '4' })), l10n, time)?.tone, 'problem');
    assert.match(stopReason(makeEntry(ended()), l10n, time)?.text ?? '', /only in its callback 302/);
    assert.equal(stopReason(makeEntry(ended({ product: 'trtc-relay' })), l10n, time)?.nextStep, undefined, 'a relay has no callback to forward');
    assert.match(stopReason(makeEntry(ended({ product: 'gme', room: '1234' })), l10n, time)?.text ?? '', /GME no longer names it/);
    const gmeFinished = stopReason(makeEntry(ended({ product: 'gme' }), { callbacks: [callback('tencent', '2')] }), l10n, time);
    assert.equal(gmeFinished?.source, 'GME callback EventType 2');
  });

  it('tells a CSS task stopped by StopRecordTask from one that ran to its EndTime', () => {
    const stopped = stopReason(makeEntry(ended({ product: 'css', extras: { Stopped: 1714564500 } })), l10n, time);
    assert.match(stopped?.text ?? '', /^StopRecordTask stopped it at .*11:55/);
    assert.equal(stopped?.source, 'CSS Stopped 1714564500');
    const ran = stopReason(makeEntry(ended({ product: 'css', extras: { Stopped: 0 } })), l10n, time);
    assert.equal(ran?.text, 'It ran to its scheduled EndTime.');
  });
});

describe('display: file readiness', () => {
  const file = (over: Partial<StorageFile>): StorageFile => ({ userId: '', fileName: `f-${Math.random()}`, trackType: 'audio_video', ...over });

  it('counts files per stage, slowest first, with the earliest backup expiry', () => {
    const task = makeTask({
      files: [
        file({ state: 'uploaded' }),
        file({ state: 'backup', expiresAtMs: Date.UTC(2024, 4, 4, 12, 0, 0) }),
        file({ state: 'backup', expiresAtMs: Date.UTC(2024, 4, 3, 12, 0, 0) }),
        file({ state: 'uploading' }),
      ],
    });
    const readiness = fileReadiness(task, l10n, time);
    assert.match(readiness?.text ?? '', /^4 files: 1 Uploading, 2 On the vendor’s backup storage \(until .*May 3.*\), 1 Uploaded$/);
    assert.equal(readiness?.tone, 'problem', 'backup copies expire');
    assert.deepEqual(fileReadiness(makeTask({ files: [file({ state: 'uploaded' })] }), l10n, time), { text: '1 file: 1 Uploaded', tone: 'normal' });
    assert.equal(fileReadiness(makeTask({ files: [file({ state: 'failed' })] }), l10n, time)?.tone, 'problem');
  });

  it('flags an ended task with no files once they are overdue, not before', () => {
    const late = fileReadiness(ended({ endedAt: NOW - FILES_OVERDUE_MS - 60_000 }), l10n, time);
    assert.deepEqual(late, { text: 'No files 11m 0s after the task ended.', tone: 'problem' });
    assert.equal(fileReadiness(ended({ endedAt: NOW - 60_000 }), l10n, time)?.tone, 'normal');
    assert.equal(fileReadiness(makeTask(), l10n, time)?.text, 'No files reported yet.');
    assert.equal(fileReadiness(ended({ product: 'trtc-relay' }), l10n, time), undefined, 'a relay records nothing');
  });
});
