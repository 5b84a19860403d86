import * as assert from 'node:assert/strict';
import type { CallbackRecord } from '../../../src/model/callback';
import { taskDocument } from '../../../src/webview/document';
import type { StripSection } from '../../../src/webview/protocol';
import { taskStrip } from '../../../src/webview/taskStrip';
import { HOSTILE, l10n, makeEntry, makeTask, NOW, time } from '../../fixtures/webview';

const ctx = { time, l10n, accountName: () => undefined };
const M = 60_000;

function strip(entry = makeEntry()): StripSection {
  return taskStrip(entry, 'Timeline', ctx);
}

describe('task strip', () => {
  const ended = makeEntry(
    makeTask({
      status: 'ended',
      rawStatus: 'Exited',
      startedAt: NOW - 60 * M,
      endedAt: NOW - 10 * M,
      files: [{ userId: 'u1', fileName: 'a.m3u8', trackType: 'audio', beginTimeMs: NOW - 55 * M }],
    }),
    {
      firstSeen: NOW - 58 * M,
      lastSeen: NOW - 9 * M,
      history: [
        { status: 'starting', rawStatus: 'Idle', at: NOW - 58 * M },
        { status: 'running', rawStatus: 'InProgress', at: NOW - 57 * M },
        { status: 'ended', rawStatus: 'Exited', at: NOW - 9 * M },
      ],
    },
  );

  it('sits in the details panel above the storage files and status tables', () => {
    const headings = taskDocument(ended, ended, ctx).document.sections.map((s) => s.heading);
    assert.deepEqual(headings.slice(headings.indexOf('Timeline')), ['Timeline', 'Storage files (1)', 'Status timeline', 'Raw snapshot (JSON)']);
    assert.equal(taskDocument(ended, ended, ctx).document.sections.find((s) => s.heading === 'Timeline')?.kind, 'strip');
  });

  it('marks each callback when the vendor sent it, with its source, the status it implied and the cause it names', () => {
    const callback = (eventType: string, at: number, over: Partial<CallbackRecord>): CallbackRecord => ({
      vendor: 'tencent',
      eventType,
      at,
      receivedAt: at,
      source: 'receiver',
      applied: true,
      files: [],
      facts: {},
      ...over,
    });
    const withCallbacks = {
      ...ended,
      callbacks: [
        callback('301', NOW - 59 * M, { status: 'running' }),
        callback('302', NOW - 10 * M, { source: 'paste', status: 'ended', applied: false, facts: { LeaveCode: 99 } }),
      ],
    };
    const s = strip(withCallbacks);
    const marks = s.lanes[0]!.marks.filter((m) => m.kind === 'callback');
    assert.equal(marks.length, 2, 'one mark per callback, on the vendor’s lane');
    assert.match(marks[0]!.title, /^Callback 301 \(local receiver\) · running: /);
    assert.match(marks[1]!.title, /^Callback 302 \(pasted\) · ended, not taken: the task had moved on · .*MaxIdleTime/);
    assert.ok(marks[1]!.at > marks[0]!.at, 'placed by the vendor’s time');
    assert.ok(
      s.legend.some((l) => 'mark' in l && l.mark === 'callback'),
      'the legend names the callback mark',
    );
    assert.match(s.summary, /2 callbacks are marked when the vendor sent them/);
    assert.equal(strip(ended).lanes[0]!.marks.filter((m) => m.kind === 'callback').length, 0, 'no callback, no mark');
  });

  it('draws what the vendor reported: the run, the files where they began, the stop', () => {
    const s = strip(ended);
    const reported = s.lanes[0]!;
    assert.equal(reported.label, 'Reported by Tencent Cloud');
    assert.equal(reported.spans.length, 1);
    const run = reported.spans[0]!;
    assert.equal(run.status, 'ended');
    assert.equal(run.open, undefined);
    // The window runs from the start (-60m) to the last check (-9m), padded by 2% on each side.
    const span = 51 * M;
    const pad = span * 0.02;
    const at = (ms: number) => (ms - (NOW - 60 * M - pad)) / (span + 2 * pad);
    assert.ok(Math.abs(run.from - at(NOW - 60 * M)) < 1e-9);
    assert.ok(Math.abs(run.to - at(NOW - 10 * M)) < 1e-9);
    assert.equal(run.title, 'ended · May 1, 2024, 11:00:00 AM – May 1, 2024, 11:50:00 AM (50m 0s) · vendor status Exited');
    assert.deepEqual(
      reported.marks.map((m) => [m.kind, m.title]),
      [
        ['file', 'File a.m3u8 began: May 1, 2024, 11:05:00 AM'],
        // The stop says why in words where it can: here, that TRTC names the cause only in its callback.
        [
          'stop',
          'Ended: ended (vendor status Exited) · TRTC stopped answering for it; TRTC names the cause only in its callback 302.: May 1, 2024, 11:50:00 AM',
        ],
      ],
    );
    assert.ok(Math.abs(reported.marks[0]!.at - at(NOW - 55 * M)) < 1e-9);
  });

  it('draws what this extension observed: first sight, each status held, changes, the last check', () => {
    const observed = strip(ended).lanes[1]!;
    assert.equal(observed.label, 'Observed by this extension');
    assert.deepEqual(
      observed.spans.map((s) => [s.status, s.title.split(' · ')[0]]),
      [
        ['starting', 'starting'],
        ['running', 'running'],
      ],
      'an ended task holds no status after its end',
    );
    assert.deepEqual(
      observed.marks.map((m) => m.kind),
      ['seen', 'change', 'stop', 'poll'],
    );
    assert.match(observed.marks[2]!.title, /^Seen ended: ended \(vendor status Exited\) · TRTC stopped answering for it; .*: /);
    assert.match(observed.marks[3]!.title, /^Last checked: May 1, 2024, 11:51:00 AM$/);
  });

  it('runs a live task up to now, and shows a scheduled end apart from what happened', () => {
    const live = strip(makeEntry());
    assert.equal(live.lanes[0]!.spans[0]!.open, 'ongoing');
    assert.ok(live.now !== undefined && live.now > 0.9 && live.now <= 1);
    assert.equal(live.lanes[1]!.spans.at(-1)!.open, 'ongoing');
    const css = strip(makeEntry(makeTask({ product: 'css', endedAt: NOW + 30 * M })));
    assert.deepEqual(
      css.lanes[0]!.spans.map((s) => s.open),
      ['ongoing', 'scheduled'],
    );
    assert.ok(Math.abs(css.lanes[0]!.spans[0]!.to - css.now!) < 1e-9, 'the scheduled part starts at now');
    assert.ok(css.lanes[0]!.spans[1]!.to > 0.97, 'the window reaches the scheduled end');
  });

  it('gives a task without a vendor start an empty reported lane and says so', () => {
    const s = strip(makeEntry(makeTask({ startedAt: undefined })));
    assert.deepEqual(s.lanes[0]!.spans, []);
    assert.match(s.summary, /^The vendor reports no start time\. This extension first saw it at /);
  });

  it('widens a window too short to see into one minute, and keeps every position inside it', () => {
    const once = makeEntry(makeTask({ startedAt: NOW, status: 'unknown', rawStatus: '' }), {
      firstSeen: NOW,
      lastSeen: NOW,
      history: [{ status: 'unknown', rawStatus: '', at: NOW }],
    });
    const s = strip(once);
    const positions = s.lanes.flatMap((l) => [...l.spans.flatMap((x) => [x.from, x.to]), ...l.marks.map((m) => m.at)]);
    assert.ok(
      positions.every((p) => p >= 0 && p <= 1),
      JSON.stringify(positions),
    );
    assert.ok(s.ticks.length >= 2, 'a one-minute window still has ticks');
  });

  it('labels its axis on round times and names every status and mark it draws', () => {
    const s = strip(ended);
    assert.deepEqual(
      s.ticks.map((t) => t.label),
      ['11:00 AM', '11:10 AM', '11:20 AM', '11:30 AM', '11:40 AM', '11:50 AM'],
    );
    assert.ok(s.ticks.every((t, i) => i === 0 || t.at > s.ticks[i - 1]!.at));
    assert.deepEqual(
      s.legend.map((l) => l.label),
      ['starting', 'running', 'ended', 'first seen', 'last checked', 'status change', 'storage file began', 'stopped'],
    );
    assert.match(
      s.summary,
      /^The vendor reports it ran from May 1, 2024, 11:00:00 AM to May 1, 2024, 11:50:00 AM\. .* saw 2 status changes since, .* 1 storage files are marked where they began\.$/,
    );
  });

  it('keeps hostile file names and vendor statuses as text, hidden characters made visible', () => {
    for (const hostile of HOSTILE.slice(0, 6)) {
      const e = makeEntry(makeTask({ rawStatus: hostile, files: [{ userId: 'u', fileName: hostile, trackType: 'audio', beginTimeMs: NOW - M }] }));
      const s = strip(e);
      const file = s.lanes[0]!.marks.find((m) => m.kind === 'file')!;
      assert.ok(file.title.includes(hostile.replace('\u202E', '\\u{202E}')), file.title);
      assert.ok(!file.title.includes('\u202E'));
      assert.ok(s.lanes[0]!.spans[0]!.title.endsWith(`vendor status ${hostile.replace('\u202E', '\\u{202E}')}`));
    }
  });
});
