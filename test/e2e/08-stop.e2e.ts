import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { collapseAll, findInProductBranch, notifications, openWorkbench, quickInput, quickInputBox, screenshot, sidebar, treeRows, waitFor } from './harness';

// Stop Task… by clicking, against the sandbox accounts spec 02 added: the inline Stop button on a running
// relay opens VS Code's modal confirmation (account, app, room, task); Cancel sends nothing; Stop Task
// shows the task stopping, then ended as the sandbox reports it; read-only mode takes the button away.

const STOP = '.action-label[aria-label^="Stop Task"]';
const dialog = (page: Page): Locator => page.locator('.monaco-dialog-box');

/**
 * Where a running task that offers Stop is found. The tracked relays and recordings are the ones running
 * when spec 02 added the accounts, and end some minutes later (TRTC cannot list, so newer ones are not in
 * the tree); CSS lists its streams, and one of its staggered demo streams is always recording.
 */
const STOPPABLE = [
  { branch: /TRTC Relay/, product: 'TRTC Relay (Stream Ingest)', fields: ['SdkAppId:', 'Room:'] },
  { branch: /TRTC Cloud Recording/, product: 'TRTC Cloud Recording', fields: ['SdkAppId:', 'Room:'] },
  { branch: /CSS Live Recording/, product: 'CSS Live Recording', fields: ['Push domain:', 'Stream:'] },
] as const;

/** A running task row that offers Stop, under the first product that has one; its aria-label names the task. */
async function stoppableRow(page: Page): Promise<{ row: Locator; aria: string; kind: (typeof STOPPABLE)[number] }> {
  const seen: string[] = [];
  for (const kind of STOPPABLE) {
    await collapseAll(page);
    const account = treeRows(page)
      .filter({ hasText: /Singapore demo/ })
      .first();
    const found = await findInProductBranch(page, account, kind.branch, (r) => {
      seen.push(r.ariaLabel);
      return /^Task /.test(r.ariaLabel) && /running/.test(r.ariaLabel) && (r.actions ?? []).some((a) => a.startsWith('Stop Task'));
    });
    if (found) return { row: rowFor(page, taskIdOf(found.ariaLabel)), aria: found.ariaLabel, kind };
  }
  throw new Error(`no running relay, TRTC recording or CSS row offers Stop Task: ${JSON.stringify(seen)}`);
}

const taskIdOf = (aria: string): string => aria.replace(/^Task /, '').replace(/, .*$/, '');
const rowFor = (page: Page, taskId: string): Locator =>
  sidebar(page)
    .locator(`.monaco-list-row[aria-label^=${JSON.stringify(`Task ${taskId},`)}]`)
    .first();
const ariaOf = async (page: Page, taskId: string): Promise<string> =>
  await sidebar(page)
    .locator('.monaco-list-row')
    .evaluateAll((els, id) => els.map((e) => e.getAttribute('aria-label') ?? '').find((a) => a.startsWith(`Task ${id},`)) ?? '', taskId);

describe('e2e 8: stopping a task', () => {
  it('Cancel in the confirmation sends nothing: the task keeps running', async () => {
    const { page } = await openWorkbench();
    const { row, aria, kind } = await stoppableRow(page);
    const taskId = taskIdOf(aria);
    await row.locator(STOP).first().click();
    await dialog(page).waitFor({ state: 'visible', timeout: 10_000 });
    const text = await dialog(page).innerText();
    for (const part of [`Stop this ${kind.product} task?`, 'Account: Singapore demo', ...kind.fields, `Task: ${taskId}`])
      assert.ok(text.includes(part), `the confirmation names ${part}: ${text}`);
    await screenshot(page, '20-stop-confirm');
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    await dialog(page).waitFor({ state: 'hidden', timeout: 5_000 });
    await page.waitForTimeout(3000);
    assert.match(await ariaOf(page, taskId), /running/, 'still running after Cancel');
    assert.ok(!(await notifications(page)).some((n) => /Stop sent/.test(n)), 'no stop was sent');
  });

  it('Stop Task in the confirmation: the task shows stopping, then ended', async () => {
    const { page } = await openWorkbench();
    const { row, aria } = await stoppableRow(page);
    const taskId = taskIdOf(aria);
    await row.locator(STOP).first().click();
    await dialog(page).waitFor({ state: 'visible', timeout: 10_000 });
    await dialog(page).getByRole('button', { name: 'Stop Task' }).click();
    // The row says "stopping" at once (or, on a fast sandbox, the progress notification says it).
    const seen = new Set<string>();
    const ended = await waitFor(
      async () => {
        const now = await ariaOf(page, taskId);
        if (/stopping/.test(now)) {
          if (!seen.has('stopping')) await screenshot(page, '21-stop-stopping');
          seen.add('stopping');
        }
        if ((await notifications(page)).some((n) => /Stopping task/.test(n))) seen.add('progress');
        return /ended/.test(now) ? now : undefined;
      },
      'the task never showed ended',
      30_000,
      50,
    );
    assert.ok(seen.size > 0, 'the task was shown stopping before it ended');
    assert.match(ended, /ended/);
    await waitFor(async () => (await notifications(page)).find((n) => /Stop sent for task/.test(n)), 'no "Stop sent" notification', 10_000);
    await screenshot(page, '22-stop-ended');
    await rowFor(page, taskId).hover();
    assert.equal(await rowFor(page, taskId).locator(STOP).count(), 0, 'an ended task offers no Stop');
  });

  it('read-only mode: no Stop button on running tasks and no Stop Task in the palette', async () => {
    const { page } = await openWorkbench();
    const workspace = process.env.MTE_E2E_WORKSPACE;
    assert.ok(workspace, 'MTE_E2E_WORKSPACE is not set');
    const settings = path.join(workspace, '.vscode', 'settings.json');
    await fs.mkdir(path.dirname(settings), { recursive: true });
    const before = await stoppableRow(page);
    await fs.writeFile(settings, JSON.stringify({ 'mediaTasks.readOnly': true }));
    try {
      const taskId = taskIdOf(before.aria);
      await waitFor(
        async () => {
          const row = rowFor(page, taskId);
          await row.hover();
          return (await row.locator('.action-label[aria-label^="Open Task Details"]').count()) > 0 && (await row.locator(STOP).count()) === 0;
        },
        'the Stop button is still there in read-only mode',
        15_000,
      );
      await screenshot(page, '23-stop-read-only');
      await page.keyboard.press('F1');
      const input = quickInputBox(page);
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill('>Media Tasks: Stop Task');
      await page.waitForTimeout(1000);
      const rows = await quickInput(page).locator('.monaco-list-row').allInnerTexts();
      assert.ok(!rows.some((r) => /Stop Task/.test(r)), `the palette offers Stop Task: ${rows.join(' | ')}`);
      await page.keyboard.press('Escape');
    } finally {
      await fs.rm(settings, { force: true });
    }
  });
});
