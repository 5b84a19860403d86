import { strict as assert } from 'node:assert';
import type { Frame, Page } from 'playwright-core';
import {
  type DomDoc,
  clickInlineAction,
  collapseAll,
  detailsField,
  openProductBranch,
  openWorkbench,
  rowInfos,
  screenshot,
  treeRows,
  waitFor,
} from './harness';

/** The room panel's frame (its page has `.room-chart`) showing `heading`. */
async function roomFrame(page: Page, heading: string, timeoutMs = 30_000): Promise<Frame> {
  return waitFor(
    async () => {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const h1 = await frame
          .evaluate(() => {
            const doc = (globalThis as unknown as { document: DomDoc }).document;
            return doc.querySelectorAll('.room-chart').length > 0 ? (doc.querySelectorAll('h1')[0]?.textContent ?? '') : '';
          })
          .catch(() => '');
        if (h1 === heading) return frame;
      }
      return undefined;
    },
    `no room panel shows "${heading}"`,
    timeoutMs,
  );
}

// Runs after 02 (the sandbox accounts are in the tree): a TRTC room of the Guangzhou demo account.
describe('e2e 8: room timeline panel', () => {
  it('opens from a room row, draws every task of the room, and a click on a bar opens the task', async () => {
    const { page } = await openWorkbench();
    await collapseAll(page);
    const account = treeRows(page)
      .filter({ hasText: /Tencent/ })
      .filter({ hasNotText: /Hostile/ })
      .first();
    assert.ok((await account.count()) > 0, `no Tencent account row: ${JSON.stringify((await rowInfos(page)).map((r) => r.label))}`);
    await openProductBranch(page, account, /TRTC Cloud Recording/);
    const roomRows = treeRows(page).filter({ has: page.locator('.action-label[aria-label^="Open Room Timeline"]') });
    assert.ok((await roomRows.count()) > 0, `no room row offers Open Room Timeline: ${JSON.stringify((await rowInfos(page)).map((r) => r.label))}`);
    // The room with the most tasks (its row says "N tasks"), for a picture with more than one bar.
    const counts = await roomRows.evaluateAll((els) => els.map((el) => Number(/(\d+) tasks?/.exec(el.getAttribute('aria-label') ?? '')?.[1] ?? '0')));
    const roomRow = roomRows.nth(counts.indexOf(Math.max(...counts)));
    const room = ((await roomRow.locator('.label-name').first().textContent()) ?? '').trim();
    await clickInlineAction(page, roomRow, 'Open Room Timeline');
    const frame = await roomFrame(page, `Room ${room}`);
    await frame.locator('.room-body rect.bar, .room-body rect.cluster').first().waitFor({ timeout: 15_000 });
    const facts = await frame.evaluate(() => {
      const doc = (globalThis as unknown as { document: DomDoc }).document;
      return {
        bars: doc.querySelectorAll('.room-body rect.bar').length,
        label: doc.querySelectorAll('.room-chart')[0]?.getAttribute('aria-label') ?? '',
        legend: Array.from(doc.querySelectorAll('.legend li')).map((li) => (li.textContent ?? '').trim()),
      };
    });
    assert.ok(facts.bars >= 1, `bars: ${JSON.stringify(facts)}`);
    assert.match(facts.label, /^Tasks of the room over time\. \d+ tasks from /);
    assert.ok(facts.legend.length >= 1, 'a legend names the statuses drawn');
    await frame.locator('.room-body rect.bar').first().hover();
    const tip = await frame.locator('.tooltip').innerText();
    assert.match(tip, /^Task .+\n/);
    assert.match(tip, /\(local\) · .* UTC/);
    await page.waitForTimeout(300);
    await screenshot(page, '08-room-timeline');

    const taskId = /^Task (.+?) \(/.exec(tip)![1]!;
    await frame.locator('.room-body rect.bar').first().click();
    const details = await waitFor(
      async () => {
        for (const f of page.frames()) {
          const id = f === page.mainFrame() ? undefined : await detailsField(f, 'Task ID');
          if (id !== undefined && id.startsWith(taskId.replace(/…$/, ''))) return f;
        }
        return undefined;
      },
      `a click on a bar opens the details of ${taskId}`,
      30_000,
    );
    assert.ok(await details.locator('figure.strip').count(), 'the details panel shows the task strip');
  });
});
