import { strict as assert } from 'node:assert';
import type { Frame } from 'playwright-core';
import {
  type DomDoc,
  type DomEl,
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
  waitFor,
  describeWalk,
  walkSubtree,
  openTaskDetailsFromRow,
  quickInput,
  runPaletteCommand,
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
    // Task rows stay collapsed (their storage files are checked in the xss spec), and the walk ends at
    // the first row that shows the markup.
    const walk = await walkSubtree(page, start, {
      maxSteps: 150,
      expand: (r) => !/load more/i.test(r.label) && !isTaskRow(r),
      stop: (r) => `${r.label} ${r.ariaLabel}`.includes(IMG),
    });
    const labels = walk.visited.map((r) => `${r.label} ${r.ariaLabel}`);
    if (!labels.some(hostile)) await screenshot(page, '07-hostile-tree-walk-failed');
    assert.ok(labels.some(hostile), `no hostile string is shown as text in the tree; ${describeWalk(walk)}`);
    assert.ok(
      labels.some((l) => l.includes(IMG)),
      `"${IMG}" is not shown verbatim in any row`,
    );
    const dom = await sidebar(page).evaluate(
      (el) => (el as unknown as { querySelectorAll(s: string): ArrayLike<unknown> }).querySelectorAll('img[src="x"]').length,
    );
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
    const walk = await walkSubtree(page, start, {
      maxSteps: 150,
      expand: (r) => !/load more/i.test(r.label) && !isTaskRow(r),
      stop: (r) => isTaskRow(r) && hostile(r.label),
    });
    const { stopped } = walk;
    assert.ok(stopped, `no task with a hostile id under "Hostile strings"; ${describeWalk(walk)}`);
    await openTaskDetailsFromRow(page, focusedRow(page));
    const frame = await detailsFrameFor(page, stopped.label, 30_000);
    await page.waitForTimeout(1500); // give an injected handler the chance to fire
    const text = await frameText(frame);
    assert.ok(hostile(text), 'the hostile string is not shown as text in the panel');
    assert.deepEqual(await injected(frame), { handlers: 0, imgX: 0, jsLinks: 0 });
    assert.deepEqual(s.dialogs, [], 'a dialog opened: a hostile string ran script');
    await screenshot(page, '08-hostile-details');
  });
});

describe('e2e 5: icon syntax, URLs, control characters and 10 KB strings from the sandbox', () => {
  // What the ZEGO "Hostile strings" app serves as room ids (src/sandbox/demo/hostile.ts).
  const ICONS = '$(terminal) $(zap) run';
  const URL_TEXT = 'https://example.com/x';
  const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

  it('show as bounded, visible text in rows and tooltips: no icon, no link, no raw control character', async () => {
    const { page } = await openWorkbench();
    await collapseAll(page);
    const start = treeRows(page).filter({ hasText: 'Hostile strings' }).filter({ hasText: 'ZEGO' }).first();
    assert.ok((await start.count()) > 0, 'no ZEGO "Hostile strings" account in the tree');
    // Rooms only: their ids are the hostile strings.
    const walk = await walkSubtree(page, start, { maxSteps: 80, expand: (r) => r.level <= 2 && !/load more/i.test(r.label) });
    const texts = walk.visited.map((r) => `${r.label} ${r.ariaLabel}`);
    const dump = `${texts.map((t) => t.slice(0, 140)).join('\n')}\n(${walk.ended})`;
    assert.ok(
      texts.some((t) => t.includes(ICONS)),
      `the icon syntax is not shown as text in any row:\n${dump}`,
    );
    assert.ok(
      texts.some((t) => t.includes('nul\\u{0}bel\\u{7}esc\\u{1B}[31mred\\u{85}c1')),
      `control characters are not shown as escapes:\n${dump}`,
    );
    assert.ok(!texts.some((t) => RAW_CONTROL.test(t)), 'a raw control character reached a row');
    const long = walk.visited.find((r) => r.label.startsWith('long-xxx'));
    assert.ok(long, `the 10 KB room is not in the tree:\n${dump}`);
    assert.ok(long.label.length <= 130 && long.label.endsWith('…'), `the 10 KB room id is not cut: ${long.label.length} characters`);
    const inRows = await sidebar(page).evaluate((el) => {
      const root = el as unknown as { querySelectorAll(s: string): ArrayLike<unknown> };
      return {
        icons: root.querySelectorAll('.monaco-list-row .label-name .codicon, .monaco-list-row .label-description .codicon').length,
        links: root.querySelectorAll('.monaco-list-row a[href]').length,
      };
    });
    assert.deepEqual(inRows, { icons: 0, links: 0 }, 'vendor text became icons or links in a row');

    // The tooltips of the icon and URL rooms.
    for (const needle of [ICONS, URL_TEXT]) {
      const row = treeRows(page).filter({ hasText: needle }).first();
      assert.ok((await row.count()) > 0, `no row shows ${needle}`);
      const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: needle }).first();
      // The workbench may skip a hover that starts right after another one closed, and a refresh that
      // redraws the row closes it: leave and come back, and read the hover in one go while it is shown.
      const found = await waitFor(
        async () => {
          await page.mouse.move(900, 600);
          await row.hover();
          if (
            !(await hover.waitFor({ state: 'visible', timeout: 4_000 }).then(
              () => true,
              () => false,
            ))
          )
            return undefined;
          const read = await hover
            .evaluate(
              (el) => {
                const root = el as unknown as DomEl & { querySelectorAll(s: string): ArrayLike<DomEl> };
                return {
                  vendorIcons: root.querySelectorAll('.codicon-terminal, .codicon-zap').length,
                  vendorLinks: Array.from(root.querySelectorAll('a')).filter((a) =>
                    /example\.com|127\.0\.0\.1:9/.test(`${a.getAttribute('href') ?? ''} ${a.getAttribute('data-href') ?? ''}`),
                  ).length,
                  backslashes: root.innerText.includes('\\.'),
                };
              },
              undefined,
              { timeout: 2_000 },
            )
            .catch(() => undefined);
          if (read) await screenshot(page, needle === ICONS ? '09-hostile-icons-tooltip' : '10-hostile-url-tooltip');
          return read;
        },
        `no tooltip shows ${needle}`,
        30_000,
        500,
      );
      assert.deepEqual(
        { vendorIcons: found.vendorIcons, vendorLinks: found.vendorLinks },
        { vendorIcons: 0, vendorLinks: 0 },
        `the tooltip of ${needle} made vendor text an icon or a link`,
      );
      assert.ok(!found.backslashes, 'the tooltip shows escape backslashes');
      await page.mouse.move(900, 600);
    }
  });

  it('show as inert text in a quick pick: no icon, no raw bidi override, the account by its name', async () => {
    const { page } = await openWorkbench();
    // Open Room Timeline picks among every room the ledger knows, by room id, product and account.
    await runPaletteCommand(page, 'Media Tasks: Open Room Timeline');
    // The room pick, not the palette it replaces.
    const input = quickInput(page).locator('input[placeholder^="Select a room"]');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    const rows = quickInput(page).locator('.monaco-list-row');
    const rowTexts = () => rows.evaluateAll((els) => els.map((el) => (el as unknown as DomEl).innerText));
    try {
      // The pick filters on a label's text without its icons, and it takes `\$(zap)` for one too: filter on the rest.
      await input.fill(' run');
      const icons = await waitFor(
        async () => (await rowTexts()).find((t) => t.includes(ICONS)),
        `no pick row shows "${ICONS}" as text: ${JSON.stringify(await rowTexts())} in ${JSON.stringify(await quickInput(page).innerText())}`,
        10_000,
      );
      assert.match(icons, /Hostile strings/, `the pick row names the account by something else than its name: ${icons}`);
      const vendorIcons = await quickInput(page).locator('.monaco-list-row .codicon-terminal, .monaco-list-row .codicon-zap').count();
      assert.equal(vendorIcons, 0, 'the room id became icons in the pick');
      await screenshot(page, '11-hostile-pick');
      // The right-to-left room: its U+202E shows as a visible escape, so it cannot reverse the row.
      await input.fill('202E');
      const rtl = await waitFor(
        async () => (await rowTexts()).find((t) => t.includes('\\u{202E}')),
        `no pick row shows the bidi override as a visible escape: ${JSON.stringify(await rowTexts())}`,
        10_000,
      );
      assert.ok(!rtl.includes('\u202E'), `a raw U+202E reached a pick row: ${JSON.stringify(rtl)}`);
    } finally {
      await page.keyboard.press('Escape');
    }
  });
});
