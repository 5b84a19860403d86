import { strict as assert } from 'node:assert';
import type { Frame } from 'playwright-core';
import { type DomDoc, clickInlineAction, expandTree, frameText, openWorkbench, rowInfos, screenshot, sidebar, taskRows, treeRows, webviewFrame } from './harness';

// What the sandbox serves in its "Hostile strings" apps (src/sandbox/demo/hostile.ts).
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '</script><script>alert(1)</script>';

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
    const hostile = treeRows(page).filter({ hasText: 'Hostile strings' });
    assert.ok((await hostile.count()) > 0, `no "Hostile strings" app in the tree: ${JSON.stringify((await rowInfos(page)).map((r) => r.label))}`);
    await expandTree(page, {
      maxExpansions: 20,
      skip: (r) => /load more/i.test(r.label),
      done: (rows) => rows.some((r) => r.label.includes(IMG) || r.label.includes(SCRIPT) || r.ariaLabel.includes(IMG)),
    });
    const labels = (await rowInfos(page)).map((r) => `${r.label} ${r.ariaLabel}`).join('\n');
    assert.ok(labels.includes('<img') || labels.includes('</script>'), `no hostile string is shown as text in the tree:\n${labels.slice(0, 1500)}`);
    const dom = await sidebar(page).evaluate((el) => el.querySelectorAll('img[src="x"]').length);
    assert.equal(dom, 0, 'a hostile <img> became an element in the tree');
    await screenshot(page, '07-hostile-tree');
  });

  it('render as text in the details panel, and no script runs', async () => {
    const s = await openWorkbench();
    const { page } = s;
    const rows = taskRows(page).filter({ hasText: /<img|<\/script>|javascript:|\u202E|🎥/ });
    assert.ok((await rows.count()) > 0, 'no hostile task row to open');
    await clickInlineAction(page, rows.first(), 'Open Task Details');
    const frame = await webviewFrame(page, /<img|<\/script>|javascript:/, 30_000);
    await page.waitForTimeout(1500); // give an injected handler the chance to fire
    const text = await frameText(frame);
    assert.ok(text.includes('<img') || text.includes('</script>'), 'the hostile string is not shown as text');
    assert.deepEqual(await injected(frame), { handlers: 0, imgX: 0, jsLinks: 0 });
    assert.deepEqual(s.dialogs, [], 'a dialog opened: a hostile string ran script');
    await screenshot(page, '08-hostile-details');
  });
});
