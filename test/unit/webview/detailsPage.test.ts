/**
 * The details page in the real browser (chromium, the real HTML with its CSP and nonce, the real
 * script and stylesheet): the task strip is drawn from the document, lines up with its axis, and
 * keeps hostile vendor strings as text.
 */
import * as assert from 'node:assert/strict';
import { taskDocument } from '../../../src/webview/document';
import { browserPages } from '../../fixtures/browserPages';
import type { WebviewPage } from '../../fixtures/webviewPage';
import { l10n, makeEntry, makeTask, NOW } from '../../fixtures/webview';

const M = 60_000;
const XSS = '<img src=x onerror="window.__xss=1">';

describe('details page in the browser: task strip', function () {
  this.timeout(60_000);
  const pages = browserPages();
  let page: WebviewPage;

  beforeEach(async () => {
    page = await pages.open({ script: 'media/webview/details.js', style: 'media/webview/details.css' });
  });

  const entry = makeEntry(
    makeTask({
      taskId: XSS,
      status: 'ended',
      rawStatus: `</title><script>window.__xss=2</script>`,
      startedAt: NOW - 60 * M,
      endedAt: NOW - 10 * M,
      files: [
        { userId: 'u', fileName: `${XSS}.m3u8`, trackType: 'audio', beginTimeMs: NOW - 55 * M },
        { userId: 'u', fileName: 'b.m3u8', trackType: 'video', beginTimeMs: NOW - 30 * M },
      ],
    }),
    {
      firstSeen: NOW - 58 * M,
      lastSeen: NOW - 9 * M,
      history: [
        { status: 'running', rawStatus: 'InProgress', at: NOW - 58 * M },
        { status: 'paused', rawStatus: 'Paused', at: NOW - 40 * M },
        { status: 'ended', rawStatus: 'Exited', at: NOW - 9 * M },
      ],
    },
  );

  async function render(): Promise<void> {
    const { document } = taskDocument(entry, entry, { time: { now: NOW, locale: 'en-US', timeZone: 'UTC' }, l10n, accountName: () => undefined });
    await page.send({ type: 'render', state: { kind: 'task', accountId: entry.accountId, product: entry.product, taskId: entry.taskId }, document });
    await page.page.locator('figure.strip').waitFor();
  }

  it('draws a track per lane with its spans and marks, described for screen readers', async () => {
    await render();
    const facts = await page.page.evaluate(`(() => {
      const chart = document.querySelector('.strip-chart');
      const tracks = [...chart.querySelectorAll('svg.strip-track')];
      return {
        label: chart.getAttribute('role') + ': ' + chart.getAttribute('aria-label'),
        lanes: [...chart.querySelectorAll(':scope > .strip-label')].map((l) => l.textContent),
        spans: tracks.map((t) => [...t.querySelectorAll('rect.span')].map((r) => r.getAttribute('class'))),
        marks: tracks.map((t) => [...t.querySelectorAll('.mark')].map((m) => m.getAttribute('class').replace('mark mark-', ''))),
        legend: [...document.querySelectorAll('.legend li')].map((li) => li.textContent),
        boxes: [...chart.querySelectorAll('svg.strip-track, svg.strip-axis')].map((s) => { const b = s.getBoundingClientRect(); return [Math.round(b.left), Math.round(b.width)]; }),
        ticks: [...chart.querySelectorAll('.tick-label')].map((t) => t.textContent),
      };
    })()`);
    const f = facts as { label: string; lanes: string[]; spans: string[][]; marks: string[][]; legend: string[]; boxes: number[][]; ticks: string[] };
    assert.match(f.label, /^img: The vendor reports it ran from /);
    assert.deepEqual(f.lanes, ['Reported by Tencent Cloud', 'Observed by this extension', '']);
    assert.deepEqual(f.spans, [['span s-ended'], ['span s-running', 'span s-paused']]);
    assert.deepEqual(f.marks, [
      ['file', 'file', 'stop'],
      ['seen', 'change', 'stop', 'poll'],
    ]);
    assert.deepEqual(f.legend, ['running', 'paused', 'ended', 'first seen', 'last checked', 'status change', 'storage file began', 'stopped']);
    assert.equal(new Set(f.boxes.map((b) => b.join(','))).size, 1, `tracks and axis line up: ${JSON.stringify(f.boxes)}`);
    assert.ok(f.boxes[0]![1]! > 500, 'the strip takes the panel width');
    assert.equal(f.ticks[0], '11:00 AM');
    assert.deepEqual(page.problems, []);
  });

  it('puts hostile strings in hover titles as text: no element, no script', async () => {
    await render();
    const facts = (await page.page.evaluate(`(() => ({
      titles: [...document.querySelectorAll('figure.strip title')].map((t) => t.textContent),
      imgs: document.querySelectorAll('img, script:not([src])').length,
      handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
      xss: window.__xss === undefined ? 'none' : String(window.__xss),
    }))()`)) as { titles: string[]; imgs: number; handlers: string[]; xss: string };
    assert.ok(
      facts.titles.some((t) => t === `File ${XSS}.m3u8 began: May 1, 2024, 11:05:00 AM`),
      JSON.stringify(facts.titles),
    );
    assert.ok(facts.titles.some((t) => t.includes('vendor status </title><script>window.__xss=2</script>')));
    assert.equal(facts.imgs, 0);
    assert.deepEqual(facts.handlers, []);
    assert.equal(facts.xss, 'none');
    assert.deepEqual(page.problems, []);
  });
});
