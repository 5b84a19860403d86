import { strict as assert } from 'node:assert';
import type { Frame, Page } from 'playwright-core';
import {
  activeEditorTab,
  closeActiveEditor,
  collapseAll,
  detailsField,
  detailsHeadings,
  focusedRow,
  openViewContainer,
  openWorkbench,
  quickInput,
  quickInputBox,
  quickInputRows,
  rowInfos,
  runPaletteCommand,
  sidebar,
  screenshot,
  statusBarTexts,
  treeRows,
  viewDescription,
  waitFor,
  describeWalk,
  walkSubtree,
  webviewFrame,
  type RowInfo,
} from './harness';

// The screens 01..06 leave out: the Add Account… flow, a storage file's panel, the status bar's
// running-tasks pick and the view filter. Runs after 02 (the sandbox accounts are in the tree).

/** Root rows (accounts) of the Media Tasks tree, with everything collapsed so all of them render. */
async function rootRows(page: Page): Promise<string[]> {
  await collapseAll(page);
  return (await rowInfos(page)).filter((r) => r.level === 1).map((r) => r.label);
}

const hasAction = (title: string) => (r: RowInfo) => (r.actions ?? []).some((a) => a.startsWith(title));

/** Dismisses the toasts (tasks ending in the demo raise them) so they do not cover the screenshots. */
async function clearNotifications(page: Page): Promise<void> {
  await runPaletteCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
  await page.waitForTimeout(200);
}

describe('e2e 7: more screens', () => {
  // A failed step must not leave its quick input over the next test's clicks.
  afterEach(async () => {
    const { page } = await openWorkbench();
    for (
      let i = 0;
      i < 5 &&
      (await quickInput(page)
        .isVisible()
        .catch(() => false));
      i++
    ) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(200);
    }
  });

  it('Add Account… offers Tencent Cloud and ZEGO, asks ZEGO for a label, and Escape adds nothing', async () => {
    const { page } = await openWorkbench();
    await clearNotifications(page);
    // A clean stage for the screenshot: the panels earlier specs opened are closed.
    await runPaletteCommand(page, 'View: Close All Editors');
    await waitFor(async () => (await page.locator('.part.editor .tabs-container .tab').count()) === 0, 'editors stayed open', 5_000);
    await openViewContainer(page, 'Media Tasks');
    const before = await rootRows(page);
    assert.ok(before.length > 0, 'no account rows in the tree (did 02 add the sandbox accounts?)');

    await runPaletteCommand(page, 'Media Tasks: Add Account…');
    const vendors = await waitFor(
      async () => {
        const rows = await quickInputRows(page);
        return rows.length >= 2 ? rows : undefined;
      },
      'Add Account… showed no QuickPick rows',
      10_000,
    );
    assert.deepEqual(
      vendors.map((r) => r.label),
      ['Tencent Cloud', 'ZEGO'],
      `the first step offers ${JSON.stringify(vendors)}`,
    );
    assert.match(await quickInput(page).locator('.quick-input-title').innerText(), /Add Account/);

    await quickInput(page).locator('.monaco-list-row').filter({ hasText: 'ZEGO' }).first().click();
    // Step 2 is an input box (no list) asking for the label, pre-filled with the vendor's name.
    const prompt = await waitFor(
      async () => {
        const message = await quickInput(page)
          .locator('.quick-input-message')
          .innerText()
          .catch(() => '');
        return /name for this account/i.test(message) && (await quickInputRows(page)).length === 0 ? message : undefined;
      },
      'picking ZEGO did not move on to the label step',
      10_000,
    );
    assert.match(prompt, /A name for this account in the tree/);
    assert.equal(await quickInput(page).locator('input.input').first().inputValue(), 'ZEGO');
    assert.match(await quickInput(page).locator('.quick-input-title').innerText(), /Add Account/);
    await screenshot(page, '11-add-account');

    for (let i = 0; i < 5 && (await quickInput(page).isVisible()); i++) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    }
    assert.equal(await quickInput(page).isVisible(), false, 'Escape did not end the Add Account flow');
    await page.waitForTimeout(500);
    assert.deepEqual(await rootRows(page), before, 'cancelling Add Account… changed the accounts in the tree');
  });

  it("opens a storage file panel from a TRTC recording task's file row", async () => {
    const { page } = await openWorkbench();
    await clearNotifications(page);
    await openViewContainer(page, 'Media Tasks');
    await collapseAll(page);
    const account = treeRows(page)
      .filter({ hasText: /Tencent/ })
      .first();
    assert.ok((await account.count()) > 0, `no Tencent account row: ${JSON.stringify((await rowInfos(page)).map((r) => r.label))}`);
    // Only TRTC cloud recording reports storage files: open that product's branch (tasks with files
    // are expandable) and stop on the first file row, which keeps the keyboard focus.
    let accountLevel: number | undefined;
    let inProduct = false;
    const isFile = hasAction('Open Storage File Details');
    const walk = await walkSubtree(page, account, {
      maxSteps: 150,
      expand: (r) => r.level === accountLevel || (r.level === accountLevel! + 1 ? /TRTC Cloud Recording/.test(r.label) : inProduct),
      stop: (r) => {
        accountLevel ??= r.level;
        if (r.level === accountLevel + 1) inProduct = /TRTC Cloud Recording/.test(r.label);
        return inProduct && isFile(r);
      },
    });
    const { stopped } = walk;
    assert.ok(stopped, `no storage-file row under TRTC Cloud Recording; ${describeWalk(walk)}`);
    const fileName = stopped.label;
    const row = focusedRow(page);
    await row.hover();
    await row.locator('.action-label[aria-label^="Open Storage File Details"]').first().click();

    const frame: Frame = await waitFor(
      async () => {
        for (const f of page.frames()) {
          if (f !== page.mainFrame() && (await detailsField(f, 'FileName')) === fileName) return f;
        }
        return undefined;
      },
      `no storage-file panel shows FileName ${fileName}`,
      20_000,
    );
    assert.ok((await detailsHeadings(frame)).includes('Storage file'), `headings: ${JSON.stringify(await detailsHeadings(frame))}`);
    const userId = await detailsField(frame, 'UserId');
    const trackType = await detailsField(frame, 'TrackType');
    assert.ok(userId?.trim(), `the panel shows no UserId (file ${fileName})`);
    assert.ok(trackType?.trim(), `the panel shows no TrackType (file ${fileName})`);
    assert.match(await activeEditorTab(page), /^File /);
    await page.mouse.move(900, 700); // away from the row, whose hover would cover the panel's labels
    await page.waitForTimeout(300);
    await screenshot(page, '12-storage-file');
    await closeActiveEditor(page);
  });

  it('the status bar\'s "N recording" opens the running tasks, each with its elapsed time, and opens the one chosen', async () => {
    const { page } = await openWorkbench();
    await clearNotifications(page);
    const item = page
      .locator('.part.statusbar .statusbar-item')
      .filter({ hasText: /\d+\s+recording/i })
      .first();
    await item.waitFor({ state: 'visible', timeout: 20_000 }).catch(async () => {
      throw new Error(`no "N recording" item in the status bar: ${JSON.stringify(await statusBarTexts(page))}`);
    });
    await item.locator('a, .statusbar-item-label').first().click();
    const rows = await waitFor(
      async () => {
        const r = await quickInputRows(page);
        return r.length > 0 ? r : undefined;
      },
      'clicking the status-bar item opened no QuickPick rows',
      10_000,
    );
    assert.match((await quickInputBox(page).getAttribute('placeholder')) ?? '', /Running tasks/);
    for (const r of rows) {
      assert.match(r.label, /^Task .+ \(.+\)$/, `row label ${JSON.stringify(r)}`);
      // Every row says how long the task has been running ("for 3m 4s", CSS adding ", ends in 2 hours").
      // Tolerated: a CSS task past its scheduled end that no refresh has marked ended yet ("ended 5 seconds
      // ago", for up to one refresh interval).
      const elapsed = /(^|\s)for \d+\s*[smhd]\b/;
      const cssScheduledEnd = /\(CSS Live Recording\)$/.test(r.label) && /^ended (\d+ \w+ ago|now)/.test(r.detail);
      assert.ok(elapsed.test(r.detail) || cssScheduledEnd, `row without an elapsed time: ${JSON.stringify(r)}`);
      assert.match(r.description, /^(running|starting|paused|stopping|unknown) · /, `a task that is not running in the list: ${JSON.stringify(r)}`);
    }
    await screenshot(page, '13-running-tasks');

    const first = rows[0]!;
    await page.keyboard.press('Enter');
    await waitFor(async () => !(await quickInput(page).isVisible()), 'the running-tasks pick stayed open', 5_000);
    const tab = await waitFor(
      async () => ((await activeEditorTab(page)) === first.label ? first.label : undefined),
      `no editor tab "${first.label}" became active`,
      15_000,
    ).catch(async (err) => {
      throw new Error(`${err.message}; active tab: ${JSON.stringify(await activeEditorTab(page))}`);
    });
    // The panel itself: its Task ID starts with the id the pick shortened.
    const prefix = /^Task (.+?)…? \(/.exec(first.label)![1]!;
    await webviewFrame(page, 'Task ID', 15_000);
    await waitFor(
      async () => {
        for (const f of page.frames()) {
          if (f !== page.mainFrame() && (await detailsField(f, 'Task ID'))?.startsWith(prefix)) return true;
        }
        return false;
      },
      `no details panel shows a Task ID starting with ${prefix}`,
      15_000,
    );
    assert.equal(tab, first.label);
    await closeActiveEditor(page);
    assert.notEqual(await activeEditorTab(page), first.label, 'the details tab did not close');
  });

  it('Filter… to running tasks shows the filter in the view description; Clear Filter removes it', async () => {
    const { page } = await openWorkbench();
    await clearNotifications(page);
    await openViewContainer(page, 'Media Tasks');
    assert.equal(await viewDescription(page), '', 'the view starts filtered');
    assert.equal(await sidebar(page).locator('.composite.title .action-label[aria-label="Clear Filter"]').count(), 0, 'Clear Filter shows without a filter');

    await runPaletteCommand(page, 'Media Tasks: Filter…');
    const title = () =>
      quickInput(page)
        .locator('.quick-input-title')
        .innerText()
        .catch(() => '');
    // 1/3: text (left empty), 2/3: statuses (many), 3/3: time range.
    await waitFor(async () => /Filter Tasks \(1\/3\)/.test(await title()), 'Filter… did not open its text step', 10_000);
    await page.keyboard.press('Enter');
    const statuses = await waitFor(
      async () => {
        if (!/Filter Tasks \(2\/3\)/.test(await title())) return undefined;
        const r = await quickInputRows(page);
        return r.length > 0 ? r : undefined;
      },
      'Filter… did not move on to the status step',
      10_000,
    );
    assert.deepEqual(
      statuses.map((r) => r.label),
      ['running', 'starting', 'paused', 'stopping', 'ended', 'failed', 'unknown'],
    );
    assert.ok(
      statuses.every((r) => r.checked === false),
      `a status is already checked: ${JSON.stringify(statuses)}`,
    );
    const running = quickInput(page)
      .locator('.monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: /^running$/ }) })
      .first();
    await running.click();
    await waitFor(async () => (await running.getAttribute('aria-checked')) === 'true', '"running" did not get checked', 5_000);
    await page.keyboard.press('Enter');
    const ranges = await waitFor(
      async () => {
        if (!/Filter Tasks \(3\/3\)/.test(await title())) return undefined;
        const r = await quickInputRows(page);
        return r.length > 0 ? r : undefined;
      },
      'Filter… did not move on to the time-range step',
      10_000,
    );
    assert.match(ranges[0]!.label, /^Any time/);
    await page.keyboard.press('Enter');

    const description = await waitFor(
      async () => {
        const d = await viewDescription(page);
        return d ? d : undefined;
      },
      'the view description shows no filter',
      10_000,
    );
    assert.equal(description, 'running');
    // VS Code keeps a lone view's description in the pane header it hides (the container title reads
    // "MEDIA TASKS: TASKS"), so that text is in the DOM but not on screen. What the user does see: the
    // view's "Clear Filter" title button, shown only while filtered.
    const clearButton = sidebar(page).locator('.composite.title .action-label[aria-label="Clear Filter"]');
    await clearButton.waitFor({ state: 'visible', timeout: 5_000 });
    await openViewContainer(page, 'Media Tasks');
    await screenshot(page, '14-filter');

    await runPaletteCommand(page, 'Media Tasks: Clear Filter');
    await waitFor(async () => (await viewDescription(page)) === '', 'Clear Filter left the view description', 10_000).catch(async (err) => {
      throw new Error(`${err.message}: ${JSON.stringify(await viewDescription(page))}`);
    });
    await clearButton.waitFor({ state: 'hidden', timeout: 5_000 });
  });
});
