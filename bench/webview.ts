/**
 * The room panel in the real browser: Debian's chromium loads the real page (the HTML the panel makes,
 * its CSP and nonce, the minified bundle from dist/webview), and the first frame of a room is timed
 * from the moment the message is posted to the page until the frame that shows it has been painted
 * (the page's `mte-room-drawn` mark, then the next animation frame). Rooms of 10,000 and 100,000
 * tasks against an empty room in the same run, plus what the host spends building the message, the
 * elements drawn, and the size of the page scripts.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LedgerEntry } from '../src/model/ledgerEntry';
import type { TaskStatus } from '../src/model/task';
import { roomDocument } from '../src/webview/roomDocument';
import type { RoomPanelState } from '../src/webview/roomProtocol';
import { launchBrowser, openWebviewPage } from '../test/fixtures/webviewPage';
import { atMost, median, type Figure } from './figure';

const root = path.resolve(__dirname, '..');
const M = 60_000;
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const STATE: RoomPanelState = { kind: 'room', accountId: 'bench', product: 'trtc-recording', room: 'bench-room' };
const plain = { t: (message: string, ...args: Array<string | number | boolean>) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` tasks of one room over the last 30 days: recordings of 5 minutes to 2 hours, a few running,
 * each with one or two storage files and a status change, as the ledger holds them.
 */
export function benchRoom(n: number): LedgerEntry[] {
  const next = random(n);
  const statuses: TaskStatus[] = ['ended', 'ended', 'ended', 'ended', 'failed', 'running', 'paused'];
  return Array.from({ length: n }, (_, i) => {
    const status = statuses[Math.floor(next() * statuses.length)]!;
    const start = NOW - Math.floor(next() * 30 * 24 * 60) * M;
    const ended = status === 'ended' || status === 'failed';
    const end = start + Math.floor((5 + next() * 115) * M);
    const taskId = `bench-${i.toString(36)}-${Math.floor(next() * 1e9).toString(36)}`;
    const files = Array.from({ length: 1 + Math.floor(next() * 2) }, (_, f) => ({
      userId: `u${f}`,
      fileName: `${taskId}_u${f}.m3u8`,
      trackType: 'audio_video',
      beginTimeMs: start + f * 30_000,
    }));
    return {
      accountId: STATE.accountId,
      product: STATE.product,
      taskId,
      task: {
        accountId: STATE.accountId,
        product: STATE.product,
        taskId,
        vendor: 'tencent',
        appId: '1400000000',
        room: STATE.room,
        status,
        rawStatus: status,
        startedAt: start,
        ...(ended ? { endedAt: end } : {}),
        observedAt: ended ? end : NOW,
        files,
        extras: {},
      },
      firstSeen: start,
      lastSeen: ended ? end : NOW,
      history: [
        { status: 'starting', rawStatus: 'Idle', at: start },
        { status, rawStatus: status, at: start + 20_000 },
      ],
      pinned: false,
    } satisfies LedgerEntry;
  });
}

/** The page's first frame for a room, in ms, and the elements it drew; a fresh page each time. */
async function firstFrames(entries: readonly LedgerEntry[], runs: number): Promise<{ ms: number[]; elements: number; hostMs: number[] }> {
  const browser = await launchBrowser();
  const ms: number[] = [];
  const hostMs: number[] = [];
  let elements = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const document = roomDocument(STATE, entries, { time: { now: NOW, locale: 'en-US' }, l10n: plain });
      const json = JSON.stringify({ type: 'render', state: STATE, document });
      hostMs.push(performance.now() - started);
      const page = await openWebviewPage(browser, { script: 'dist/webview/room.js', style: 'media/webview/details.css' });
      try {
        // The message is parsed into the page beforehand (as VS Code's webview host does before it
        // posts it); the clock starts when it is posted.
        await page.page.evaluate((text) => ((globalThis as unknown as { __message: unknown }).__message = JSON.parse(text)), json);
        await page.page.waitForTimeout(200);
        const frame = (await page.page.evaluate(`new Promise((resolve) => {
          const observer = new PerformanceObserver((list) => {
            if (list.getEntriesByName('mte-room-drawn').length === 0) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
          });
          observer.observe({ type: 'mark' });
          const started = performance.now();
          window.postMessage(window.__message, '*');
        })`)) as number;
        ms.push(frame);
        elements = (await page.page.evaluate(`document.querySelectorAll('.room-body *').length`)) as number;
        if (page.problems.length > 0) throw new Error(`the room page reported: ${page.problems.join('; ')}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  return { ms, elements, hostMs };
}

/** Call after the production build (bundleSize() makes it): the page scripts as shipped. */
export function webviewBundleFigure(): Figure {
  const sizes = ['details.js', 'room.js'].map((name) => ({ name, bytes: statSync(path.join(root, 'dist', 'webview', name)).size }));
  const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
  return atMost('dist/webview page scripts minified (details.js + room.js)', total / 1024, 'KB', 40, sizes.map((s) => `${s.name} ${s.bytes} bytes`).join(', '));
}

export async function roomPanelFigures(): Promise<Figure[]> {
  const empty = await firstFrames([], 5);
  const room10k = await firstFrames(benchRoom(10_000), 5);
  const room100k = await firstFrames(benchRoom(100_000), 3);
  const base = median(empty.ms);
  const ms10k = median(room10k.ms);
  const ms100k = median(room100k.ms);
  const runs = (r: { ms: number[] }) => r.ms.map((v) => v.toFixed(0)).join(', ');
  return [
    atMost(
      'Room panel: first frame of a 10,000-task room in chromium',
      ms10k,
      'ms',
      200,
      `median of 5 fresh pages (${runs(room10k)} ms); an empty room ${base.toFixed(0)} ms in the same run`,
    ),
    atMost('Room panel: first frame of a 100,000-task room in chromium', ms100k, 'ms', 1500, `median of 3 fresh pages (${runs(room100k)} ms)`),
    atMost('Room panel: 10,000-task first frame against an empty room', ms10k / Math.max(1, base), 'x', 10, `${ms10k.toFixed(0)} ms / ${base.toFixed(0)} ms`),
    atMost(
      'Room panel: SVG elements drawn for 10,000 tasks (clusters where bars cannot be told apart)',
      room10k.elements,
      'elements',
      5_000,
      `${room100k.elements} for 100,000 tasks`,
    ),
    atMost('Room panel: host builds the 10,000-task message', median(room10k.hostMs), 'ms', 200, 'roomDocument + JSON.stringify, median of 5'),
  ];
}
