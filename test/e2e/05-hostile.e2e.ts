import { strict as assert } from 'node:assert';
import type { Frame } from 'playwright-core';
import {
  type DomDoc,
  clickInlineAction,
  collapseAll,
  detailsFrameFor,
  focusedRow,
  frameText,
  isTaskRow,
  openProductBranch,
  openWorkbench,
  rowInfos,
  screenshot,
  sidebar,
  treeRows,
  walkSubtree,
} from './harness';

// What the sandbox serves in its "Hostile strings" apps (src/sandbox/demo/hostile.ts).
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '</script><script>alert(1)</script>';
const hostile = (s: string) => s.includes(IMG) || s.includes(SCRIPT) || s.includes('javascript:') || s.includes('\u202E');

async function injected(frame: Frame) {
  return frame.evaluate(() => {
    const doc = (globalThis as unknown as { document: DomDoc }).document;
    return {
      handlers: Array.from(doc.querySelectorAll('*')).filter((el) => Array.from(el.attributes).some((a) => /^on/i.test(a.name))).length,
      imgX: doc.querySelectorAll('img[src="x"]').length,
      jsLinks: doc.querySelectorAll('a[href^="javascript:" i]').length,
    };
  });
}

describe('e2e 5: hostile strings from the sandbox', () => {
  it('render as text in the tree', async () => {
    const { page } = await openWorkbench();
    // Collapse everything, then walk the "Hostile strings" account with the keyboard.
    await collapseAll(page);
    const start = treeRows(page).filter({ hasText: 'Hostile strings' }).first();
    assert.ok((await start.count()) > 0, `no "Hostile strings" account in the tree: ${JSON.stringify((await rowInfos(page)).map((r) => r.label))}`);
    const { visited } = await walkSubtree(page, start, { maxSteps: 150, expand: (r) => !/load more/i.test(r.label) });
    const labels = visited.map((r) => `${r.label} ${r.ariaLabel}`);
    assert.ok(labels.some(hostile), `no hostile string is shown as text in the tree; walked:\n${labels.join('\n').slice(0, 2000)}`);
    assert.ok(labels.some((l) => l.includes(IMG)), `"${IMG}" is not shown verbatim in any row`);
    const dom = await sidebar(page).evaluate((el) => (el as unknown as { querySelectorAll(s: string): ArrayLike<unknown> }).querySelectorAll('img[src="x"]').length);
    assert.equal(dom, 0, 'a hostile <img> became an element in the tree');
    await collapseAll(page);
    await openProductBranch(page, treeRows(page).filter({ hasText: 'Hostile strings' }).first(), /TRTC Cloud Recording/);
    await screenshot(page, '07-hostile-tree');
  });

  it('render as text in the details panel, and no script runs', async () => {
    const s = await openWorkbench();
    const { page } = s;
    await collapseAll(page);
    const start = treeRows(page).filter({ hasText: 'Hostile strings' }).first();
    const { stopped } = await walkSubtree(page, start, {
      maxSteps: 150,
      expand: (r) => !/load more/i.test(r.label),
      stop: (r) => isTaskRow(r) && hostile(r.label),
    });
    assert.ok(stopped, 'no task with a hostile id under "Hostile strings"');
    await clickInlineAction(page, focusedRow(page), 'Open Task Details');
    const frame = await detailsFrameFor(page, stopped.label, 30_000);
    await page.waitForTimeout(1500); // give an injected handler the chance to fire
    const text = await frameText(frame);
    assert.ok(hostile(text), 'the hostile string is not shown as text in the panel');
    assert.deepEqual(await injected(frame), { handlers: 0, imgX: 0, jsLinks: 0 });
    assert.deepEqual(s.dialogs, [], 'a dialog opened: a hostile string ran script');
    await screenshot(page, '08-hostile-details');
  });
});
