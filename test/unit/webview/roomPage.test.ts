/**
 * The room page in the real browser (chromium, the real HTML with its CSP and nonce, the page script
 * bundled as the build bundles it): bars per task, clusters where tasks cannot be told apart, hover
 * with local and UTC times, keyboard selection and zoom, clicks that open a task or zoom into a
 * cluster, the saved zoom restored, live updates, and hostile strings kept as text.
 */
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import type { LedgerEntry } from '../../../src/model/ledgerEntry';
import { roomDocument, roomSummary, roomTaskColumns } from '../../../src/webview/roomDocument';
import type { RoomPanelState } from '../../../src/webview/roomProtocol';
import { browserPages } from '../../fixtures/browserPages';
import type { WebviewPage } from '../../fixtures/webviewPage';
import { l10n, makeEntry, makeTask, NOW } from '../../fixtures/webview';

const M = 60_000;
const XSS = '<img src=x onerror="window.__xss=1">';
const ctx = { time: { now: NOW, locale: 'en-US', timeZone: 'UTC' }, l10n };
const state: RoomPanelState = { kind: 'room', accountId: 'acc-1', product: 'trtc-recording', room: `${XSS}room` };

/** `n` tasks of one room, an hour apart, each 30 minutes long with a file at its start. */
function tasks(n: number, spacingMs = 60 * M): LedgerEntry[] {
  return Array.from({ length: n }, (_, i) => {
    const start = NOW - (n - i) * spacingMs;
    return makeEntry(
      makeTask({
        taskId: i === 0 ? XSS : `task-${i}`,
        room: state.room,
        status: i === n - 1 ? 'running' : i % 3 === 0 ? 'failed' : 'ended',
        rawStatus: i === 0 ? '</title><script>window.__xss=2</script>' : 'InProgress',
        startedAt: start,
        endedAt: i === n - 1 ? undefined : start + spacingMs / 2,
        files: [{ userId: 'u', fileName: i === 0 ? `${XSS}.m3u8` : `f${i}.m3u8`, trackType: 'audio', beginTimeMs: start + 60_000 }],
      }),
      { firstSeen: start, lastSeen: start + spacingMs / 2, history: [{ status: 'running', rawStatus: 'InProgress', at: start }] },
    );
  });
}

type Facts = { bars: number; clusters: number; elements: number; heading: string; subtitle: string; xss: string; imgs: number };

async function facts(page: WebviewPage): Promise<Facts> {
  return (await page.page.evaluate(`(() => ({
    bars: document.querySelectorAll('.room-body rect.bar').length,
    clusters: document.querySelectorAll('.room-body rect.cluster').length,
    elements: document.querySelectorAll('.room-body *').length,
    heading: document.querySelector('h1').textContent,
    subtitle: document.querySelector('.subtitle').textContent,
    xss: window.__xss === undefined ? 'none' : String(window.__xss),
    imgs: document.querySelectorAll('img, script:not([src])').length,
  }))()`)) as Facts;
}

describe('room page in the browser', function () {
  this.timeout(90_000);
  const pages = browserPages();
  let page: WebviewPage;

  async function open(entries: LedgerEntry[], savedState?: unknown): Promise<void> {
    page = await pages.open({ script: 'media/webview/room.js', style: 'media/webview/details.css', ...(savedState ? { savedState } : {}) });
    await page.send({ type: 'render', state, document: roomDocument(state, entries, ctx) });
    await page.page.locator('.room-body rect').first().waitFor();
  }

  it('draws a bar per task with file marks, and keeps hostile room, task and file names as text', async () => {
    const entries = tasks(12);
    await open(entries);
    const f = await facts(page);
    assert.equal(f.bars, 12);
    assert.equal(f.clusters, 0);
    assert.equal(f.heading, `Room ${XSS}room`);
    assert.match(f.subtitle, /^12 tasks from /);
    assert.equal(await page.page.locator('.room-body .mark-file').count(), 12);
    assert.deepEqual([f.xss, f.imgs], ['none', 0]);
    // The hostile task's bar: its hover names it, as text, with local and UTC times.
    await page.page.locator('.room-body rect.bar').first().hover();
    const tip = await page.page.locator('.tooltip').innerText();
    assert.match(tip, new RegExp(`^Task ${XSS.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(TRTC Cloud Recording\\)\\n`));
    assert.match(tip, /Started: May 1, 2024, 12:00:00 AM \(local\) · May 1, 2024, 12:00:00 AM UTC/);
    assert.match(tip, /<\/title><script>window.__xss=2<\/script>/);
    const file = page.page.locator('.room-body .mark-file').first();
    await file.hover({ force: true });
    assert.match(await page.page.locator('.tooltip').innerText(), new RegExp(`^Storage file ${XSS.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.m3u8 began\\n`));
    assert.deepEqual([(await facts(page)).xss, page.problems], ['none', []]);
  });

  it('opens a task from a click and from the keyboard, naming it exactly', async () => {
    await open(tasks(12));
    await page.page.locator('.room-body rect.bar').nth(1).click();
    await page.page.locator('.room-chart').focus();
    await page.page.keyboard.press('ArrowRight');
    assert.match(
      await page.page.locator('.visually-hidden').innerText(),
      new RegExp(`^Task ${XSS.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(TRTC Cloud Recording\\)`),
    );
    await page.page.keyboard.press('Enter');
    assert.deepEqual((await page.posted()).slice(1), [
      { type: 'openTask', ref: 'trtc-recording/task-1' },
      { type: 'openTask', ref: `trtc-recording/${XSS}` },
    ]);
  });

  it('zooms and pans with the keyboard and saves the zoom; 0 shows all again', async () => {
    await open(tasks(12));
    const chart = page.page.locator('.room-chart');
    await chart.focus();
    await page.page.keyboard.press('+');
    await page.page.waitForTimeout(100);
    const zoomed = ((await page.state()) as RoomPanelState).view!;
    assert.ok(zoomed, 'the zoom is saved with setState');
    const fitSpan = 12 * 60 * M * 1.04;
    assert.ok(Math.abs(zoomed.endMs - zoomed.startMs - fitSpan / 2) < 60_000, `half the span: ${zoomed.endMs - zoomed.startMs}`);
    await page.page.keyboard.press('Shift+ArrowRight');
    await page.page.waitForTimeout(100);
    const panned = ((await page.state()) as RoomPanelState).view!;
    assert.ok(Math.abs(panned.startMs - zoomed.startMs - (zoomed.endMs - zoomed.startMs) * 0.2) < 1);
    assert.ok((await facts(page)).bars < 12, 'fewer tasks in view');
    await page.page.keyboard.press('0');
    await page.page.waitForTimeout(100);
    assert.equal(((await page.state()) as RoomPanelState).view, undefined);
    assert.equal((await facts(page)).bars, 12);
  });

  it('restores the zoom the page saved before a reload', async () => {
    const view = { startMs: NOW - 6 * 60 * M, endMs: NOW - 3 * 60 * M };
    await open(tasks(12), { ...state, view });
    assert.deepEqual(((await page.state()) as RoomPanelState).view, view);
    const labels = (await page.page.evaluate(`[...document.querySelectorAll('.room-axis .tick-label')].map((t) => t.textContent)`)) as string[];
    assert.equal(labels[0], '6:00 AM', `the axis starts at the saved zoom: ${labels.join(', ')}`);
    // A state saved for another room is not applied to this one.
    await page.close();
    await open(tasks(12), { ...state, room: 'other', view });
    assert.equal(((await page.state()) as RoomPanelState).view, undefined);
  });

  it('merges what cannot be told apart in a room of 10,000 tasks, and a click on a cluster zooms into it', async () => {
    await open(tasks(10_000, 5 * M));
    const f = await facts(page);
    assert.ok(f.clusters > 0, 'clusters drawn');
    assert.ok(f.elements < 5_000, `${f.elements} elements for 10,000 tasks`);
    assert.match(f.subtitle, /^10000 tasks from /);
    const cluster = page.page.locator('.room-body rect.cluster').first();
    await cluster.hover();
    assert.match(await page.page.locator('.tooltip').innerText(), /^\d+ tasks too close to tell apart at this zoom\n/);
    await cluster.click();
    await page.page.waitForTimeout(150);
    const view = ((await page.state()) as RoomPanelState).view!;
    assert.ok(view && view.endMs - view.startMs <= 10_000 * 5 * M * 0.3, `a click on the cluster zooms in: ${JSON.stringify(view)}`);
    assert.deepEqual(page.problems, []);
  });

  /** Opens the table and waits for its rows: the page builds them on the `toggle` event, a task after the click. */
  async function openTable(): Promise<Locator> {
    await page.page.locator('.room-table summary').click();
    const rows = page.page.locator('.room-table tbody tr');
    await rows.first().waitFor();
    return rows;
  }

  it('follows live updates: new tasks appear, removed ones go', async () => {
    const entries = tasks(6);
    await open(entries);
    const added = makeEntry(makeTask({ taskId: 'new-one', room: state.room, status: 'running', startedAt: NOW - 10 * M }));
    const all = [...entries.slice(1), added];
    await page.send({ type: 'update', now: NOW, upsert: roomTaskColumns([added]), remove: [`trtc-recording/${XSS}`], summary: roomSummary(all, ctx) });
    await page.until(`document.querySelector('.subtitle').textContent.startsWith('6 tasks') && document.querySelectorAll('.room-body rect.bar').length === 6`);
    const ids = await (await openTable()).locator('td:first-child').allInnerTexts();
    assert.equal(ids.length, 6);
    assert.equal(ids.at(-1), 'new-one');
    assert.ok(!ids.includes(XSS), 'the removed task is gone');
    // The tasks kept keep their storage files; a task sent again is replaced, its files with it.
    assert.equal(await page.page.locator('.room-body .mark-file').count(), 5);
    const changed = makeEntry(makeTask({ ...entries[1]!.task, status: 'failed', files: [] }), { firstSeen: entries[1]!.firstSeen, history: [] });
    await page.send({ type: 'update', now: NOW, upsert: roomTaskColumns([changed]), remove: [], summary: roomSummary(all, ctx) });
    await page.until(`document.querySelectorAll('.room-body .mark-file').length === 4`);
    assert.equal(await page.page.locator('.room-body rect.bar').count(), 6);
    assert.equal(await page.page.locator('.room-body rect.bar.s-failed').count(), 1 + entries.slice(2).filter((e) => e.task.status === 'failed').length);
    assert.deepEqual(page.problems, []);
  });

  it('lists the tasks in view as a table, each opening its task', async () => {
    await open(tasks(12));
    const rows = await openTable();
    assert.equal(await page.page.locator('.room-table summary').innerText(), 'Tasks in view, as a table (12)');
    assert.equal(await rows.count(), 12);
    assert.equal(await rows.first().locator('td').nth(2).innerText(), 'failed');
    await rows.nth(2).locator('button').click();
    assert.deepEqual((await page.posted()).at(-1), { type: 'openTask', ref: 'trtc-recording/task-2' });
  });
});
