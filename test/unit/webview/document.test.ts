import * as assert from 'node:assert/strict';
import { storageFileDocument, taskDocument } from '../../../src/webview/document';
import type { DetailField, DetailSection, DetailsDocument } from '../../../src/webview/protocol';
import { HOSTILE, l10n, makeEntry, makeTask, NOW, time, U64_TASK_ID } from '../../fixtures/webview';

const ctx = { time, l10n, accountName: (id: string) => (id === 'acc-1' ? 'Singapore demo' : undefined) };

function section(doc: DetailsDocument, heading: string): DetailSection {
  const found = doc.sections.find((s) => s.heading === heading);
  assert.ok(found, `section "${heading}" in ${doc.sections.map((s) => s.heading).join(', ')}`);
  return found;
}

function fields(doc: DetailsDocument, heading: string): Map<string, DetailField> {
  const s = section(doc, heading);
  assert.equal(s.kind, 'fields');
  return new Map(s.fields.map((f) => [f.label, f]));
}

function table(doc: DetailsDocument, heading: string): Extract<DetailSection, { kind: 'table' }> {
  const s = section(doc, heading);
  assert.equal(s.kind, 'table');
  return s;
}

describe('task details document', () => {
  const file = { userId: 'user_1', fileName: 'rec_main_audio.m3u8', trackType: 'audio', beginTimeMs: 1562724852626 };
  const entry = makeEntry(makeTask({ files: [file], requestId: 'req-9' }), {
    history: [
      { status: 'starting', rawStatus: 'Idle', at: NOW - 3_700_000 },
      { status: 'running', rawStatus: 'InProgress', at: NOW - 3_640_000 },
    ],
  });

  it('shows every task field with units, human times and raw values', () => {
    const { document } = taskDocument(entry, entry, ctx);
    assert.equal(document.heading, 'Task m9-bVVU7… (TRTC Cloud Recording)');
    assert.deepEqual(document.status, { label: 'running', tone: 'active' });
    const task = fields(document, 'Task');
    assert.equal(task.get('Task ID')!.value, 'm9-bVVU7nhKM5X3GsED6KNGVG');
    assert.deepEqual(task.get('Status'), { label: 'Status', value: 'running', raw: 'InProgress' });
    assert.deepEqual(task.get('Product'), { label: 'Product', value: 'TRTC Cloud Recording', raw: 'trtc-recording' });
    assert.equal(task.get('SdkAppId')!.value, '1400188366');
    assert.equal(task.get('Room')!.value, 'room-42');
    assert.match(task.get('Started')!.value, /^May 1, 2024, 10:58:00 AM \(1 hour ago\)$/);
    assert.equal(task.get('Started')!.raw, `${NOW - 3_720_000} ms`);
    assert.deepEqual(task.get('Ends'), { label: 'Ends', value: 'not reported by the vendor' });
    assert.deepEqual(task.get('Duration'), { label: 'Duration', value: '1h 2m', raw: '3720000 ms' });
    const observed = fields(document, 'Observed by this extension');
    assert.match(observed.get('Last seen')!.value, /\(5 seconds ago\)$/);
    assert.deepEqual(observed.get('Tracked because'), { label: 'Tracked because', value: 'a listing returned it', raw: 'false' });
    assert.deepEqual(document.actions, [
      { id: 'refresh', label: 'Refresh' },
      { id: 'openRoom', label: 'Room Timeline' },
    ]);
    assert.deepEqual(document.banners, []);
  });

  it('gives ids copy buttons whose exact text stays on the host', () => {
    const { document, copyValues } = taskDocument(entry, entry, ctx);
    const task = fields(document, 'Task');
    const copied = ['Task ID', 'SdkAppId', 'Room', 'RequestId of the snapshot'].map((label) => copyValues.get(task.get(label)!.copyId!));
    assert.deepEqual(copied, ['m9-bVVU7nhKM5X3GsED6KNGVG', '1400188366', 'room-42', 'req-9']);
    assert.equal(task.get('Status')!.copyId, undefined);
    assert.doesNotMatch(JSON.stringify(document), /"copyValues"/);
  });

  it('lists storage files with human and raw BeginTimeStamp, rows opening the file', () => {
    const files = table(taskDocument(entry, entry, ctx).document, 'Storage files (1)');
    assert.deepEqual(files.columns, ['UserId', 'FileName', 'TrackType', 'Began', 'BeginTimeStamp (ms)']);
    const row = files.rows[0]!;
    assert.equal(row.openFile, 'rec_main_audio.m3u8');
    assert.deepEqual(
      row.cells.map((c) => c.text),
      ['user_1', 'rec_main_audio.m3u8', 'Audio only', 'Jul 10, 2019, 2:14:12 AM (5 years ago)', '1562724852626'],
    );
    assert.equal(row.cells[2]!.raw, 'audio');
    const mixed = makeEntry(makeTask({ files: [{ userId: '', fileName: 'mix.m3u8', trackType: 'audio_video' }] }));
    assert.deepEqual(
      table(taskDocument(mixed, mixed, ctx).document, 'Storage files (1)').rows[0]!.cells.map((c) => c.text),
      ['(mixed stream)', 'mix.m3u8', 'Audio and video', 'not reported', ''],
    );
  });

  it('explains an empty file list per product', () => {
    const trtc = makeEntry();
    assert.match(table(taskDocument(trtc, trtc, ctx).document, 'Storage files (0)').emptyText, /only while the task runs/);
    const css = makeEntry(makeTask({ product: 'css' }));
    assert.equal(table(taskDocument(css, css, ctx).document, 'Storage files (0)').emptyText, 'CSS Live Recording does not report files for a task.');
  });

  it('shows the observed status timeline with how long each status lasted', () => {
    const timeline = table(taskDocument(entry, entry, ctx).document, 'Status timeline');
    assert.deepEqual(
      timeline.rows.map((r) => [r.cells[0]!.text, r.cells[0]!.raw, r.cells[2]!.text, r.cells[3]!.text]),
      [
        ['starting', 'Idle', String(NOW - 3_700_000), '1m 0s'],
        ['running', 'InProgress', String(NOW - 3_640_000), '1h 0m'],
      ],
    );
  });

  it('keeps a u64 TaskId exact in fields, copy value and raw JSON', () => {
    const gme = makeEntry(makeTask({ product: 'gme', taskId: U64_TASK_ID, appId: '3400352518' }));
    const { document, copyValues } = taskDocument(gme, gme, ctx);
    const id = fields(document, 'Task').get('Task ID')!;
    assert.equal(id.value, U64_TASK_ID);
    assert.equal(copyValues.get(id.copyId!), U64_TASK_ID);
    const raw = section(document, 'Raw snapshot (JSON)');
    assert.equal(raw.kind, 'pre');
    assert.match(raw.text, /"taskId": "446192236330927912"/);
    assert.deepEqual(JSON.parse(raw.text), gme.task);
  });

  it('explains GME record modes and allow/block lists', () => {
    const gme = makeEntry(makeTask({ product: 'gme', extras: { RecordMode: 1, SubscribeUserIds: ['3342'], UnSubscribeUserIds: [], Future: 'x' } }));
    const extras = fields(taskDocument(gme, gme, ctx).document, 'Tencent Cloud details');
    assert.deepEqual(extras.get('Record mode'), { label: 'Record mode', value: 'Single streams (one file per user)', raw: '1' });
    assert.deepEqual(extras.get('Allowlist (SubscribeUserIds)'), { label: 'Allowlist (SubscribeUserIds)', value: '3342', raw: '["3342"]' });
    assert.deepEqual(extras.get('Blocklist (UnSubscribeUserIds)'), { label: 'Blocklist (UnSubscribeUserIds)', value: 'none', raw: '[]' });
    assert.deepEqual(extras.get('Future'), { label: 'Future', value: 'x' }, 'unknown extras still show');
  });

  it('explains CSS template and Stopped, and ZEGO status codes', () => {
    const css = makeEntry(makeTask({ product: 'css', extras: { TemplateId: 0, Stopped: 1595783500, DomainName: 'push.example.com' } }));
    const cssExtras = fields(taskDocument(css, css, ctx).document, 'Tencent Cloud details');
    assert.equal(cssExtras.get('Recording template')!.value, 'none (0)');
    assert.match(cssExtras.get('Stopped by StopRecordTask')!.value, /^Jul 26, 2020, 5:11:40 PM \(/);
    assert.equal(cssExtras.get('Stopped by StopRecordTask')!.raw, '1595783500');
    const notStopped = makeEntry(makeTask({ product: 'css', extras: { Stopped: 0 } }));
    assert.equal(
      fields(taskDocument(notStopped, notStopped, ctx).document, 'Tencent Cloud details').get('Stopped by StopRecordTask')!.value,
      'not stopped (0)',
    );
    const zego = makeEntry(makeTask({ product: 'zego-recording', vendor: 'zego', extras: { Status: 4 } }));
    assert.deepEqual(fields(taskDocument(zego, zego, ctx).document, 'ZEGO details').get('ZEGO status'), {
      label: 'ZEGO status',
      value: 'ended abnormally',
      raw: '4',
    });
  });

  it('says why a task ended, what to do next and where its files are', () => {
    const trtc = makeEntry(makeTask({ status: 'ended', rawStatus: 'Exited', endedAt: NOW - 3_600_000 }), {
      callbacks: [
        { vendor: 'tencent', eventType: '302', at: NOW - 3_600_000, receivedAt: NOW, source: 'paste', applied: true, files: [], facts: { LeaveCode: 101 } },
      ],
    });
    const task = fields(taskDocument(trtc, trtc, ctx).document, 'Task');
    assert.deepEqual(task.get('Why it ended'), {
      label: 'Why it ended',
      value: 'A second user joined with the robot’s UserId, so the robot was kicked out.',
      raw: 'TRTC callback 302, LeaveCode 101',
    });
    assert.equal(task.get('Next step')?.value, 'Give each recording its own robot UserId, unused by clients.');
    assert.equal(task.get('Files')?.value, 'No files 1h 0m after the task ended.');
    const running = fields(taskDocument(entry, entry, ctx).document, 'Task');
    assert.equal(running.get('Why it ended'), undefined, 'a running task has no stop reason');
  });

  it('shows the last error, and explains ended TRTC tasks', () => {
    const failed = makeEntry(makeTask({ status: 'ended', rawStatus: 'Exited' }), { lastError: 'task not exist (DescribeCloudRecording: X)' });
    const { document } = taskDocument(failed, failed, ctx);
    assert.deepEqual(
      document.banners.map((b) => b.tone),
      ['error', 'info'],
    );
    assert.match(document.banners[0]!.text, /^The last refresh failed: task not exist/);
    assert.deepEqual(document.status, { label: 'ended', tone: 'done' });
  });

  it('says so when the ledger no longer has the task, and still offers Refresh', () => {
    const key = { accountId: 'acc-1', product: 'trtc-relay' as const, taskId: 'gone' };
    const { document } = taskDocument(key, undefined, ctx);
    assert.equal(document.banners[0]!.tone, 'info');
    assert.equal(document.status, undefined);
    assert.deepEqual(
      document.actions.map((a) => a.id),
      ['refresh'],
    );
    assert.equal(fields(document, 'Task').get('Task ID')!.value, 'gone');
  });

  it('carries hostile vendor strings through as plain text, revealing hidden characters in raw', () => {
    for (const hostile of HOSTILE) {
      const e = makeEntry(makeTask({ taskId: hostile, room: hostile, files: [{ userId: hostile, fileName: hostile, trackType: hostile }] }));
      const { document, copyValues } = taskDocument(e, e, ctx);
      const id = fields(document, 'Task').get('Task ID')!;
      assert.equal(id.value, hostile);
      assert.equal(copyValues.get(id.copyId!), hostile);
      assert.equal(table(document, 'Storage files (1)').rows[0]!.openFile, hostile);
    }
    const listed = makeEntry(makeTask({ product: 'gme', extras: { SubscribeUserIds: ['x\u202Egnp.exe'] } }));
    assert.equal(fields(taskDocument(listed, listed, ctx).document, 'Tencent Cloud details').get('Allowlist (SubscribeUserIds)')!.raw, '["x\\u{202E}gnp.exe"]');
    const bidi = makeEntry(makeTask({ taskId: 'x\u202Egnp.exe' }));
    assert.equal(fields(taskDocument(bidi, bidi, ctx).document, 'Task').get('Task ID')!.raw, 'x\\u{202E}gnp.exe');
  });
});

describe('storage file document', () => {
  const file = { userId: '', fileName: 'mix.m3u8', trackType: 'audio_video', beginTimeMs: NOW - 60_000 };
  const entry = makeEntry(makeTask({ files: [file] }));

  it('shows every StorageFile field and links back to the task', () => {
    const { document, copyValues } = storageFileDocument(entry, 'mix.m3u8', entry, ctx);
    assert.equal(document.heading, 'File mix.m3u8');
    const f = fields(document, 'Storage file');
    assert.equal(copyValues.get(f.get('FileName')!.copyId!), 'mix.m3u8');
    assert.deepEqual(f.get('UserId'), { label: 'UserId', value: '(mixed stream)', raw: '' });
    assert.deepEqual(f.get('TrackType'), { label: 'TrackType', value: 'Audio and video', raw: 'audio_video' });
    assert.equal(f.get('BeginTimeStamp')!.raw, `${NOW - 60_000} ms`);
    assert.match(f.get('BeginTimeStamp')!.value, /\(1 minute ago\)$/);
    const task = fields(document, 'Task m9-bVVU7… (TRTC Cloud Recording)');
    assert.deepEqual(task.get('Task status'), { label: 'Task status', value: 'running', raw: 'InProgress' });
    assert.deepEqual(
      document.actions.map((a) => a.id),
      ['openTask', 'refresh'],
    );
    const raw = section(document, 'Raw file entry (JSON)');
    assert.deepEqual(raw.kind === 'pre' && JSON.parse(raw.text), file);
  });

  it('says so when the task stops listing the file', () => {
    const { document } = storageFileDocument(entry, 'other.m3u8', entry, ctx);
    assert.equal(document.banners[0]!.text, 'The task no longer lists this file.');
    assert.deepEqual([...fields(document, 'Storage file').keys()], ['FileName']);
  });
});
