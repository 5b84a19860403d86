import { strict as assert } from 'node:assert';
import type { Frame } from 'playwright-core';
import {
  type DomDoc,
  collapseAll,
  detailsField,
  detailsFrameFor,
  detailsHeadings,
  openWorkbench,
  rowInfos,
  screenshot,
  treeRows,
  openProductBranch,
  openTaskDetailsFromRow,
} from './harness';
import { state } from './state';

/** The task strip above the tables: both lanes drawn, a file mark per storage file, described for screen readers. */
async function checkStrip(frame: Frame, fileCount: number): Promise<void> {
  const strip = await frame.evaluate(() => {
    const doc = (globalThis as unknown as { document: DomDoc }).document;
    const chart = doc.querySelectorAll('.strip-chart')[0];
    return {
      label: chart?.getAttribute('aria-label') ?? '',
      tracks: doc.querySelectorAll('.strip-chart svg.strip-track').length,
      spans: doc.querySelectorAll('.strip-chart rect.span').length,
      files: doc.querySelectorAll('.strip-chart .mark-file').length,
    };
  });
  assert.equal(strip.tracks, 2, `the task strip has a reported and an observed lane: ${JSON.stringify(strip)}`);
  // TRTC's DescribeCloudRecording reports no start time: the reported lane may hold only file marks.
  assert.ok(strip.spans >= 1, `the strip draws the observed statuses: ${JSON.stringify(strip)}`);
  assert.ok(strip.files >= 1 && strip.files <= fileCount, `a mark per storage file with a begin time (${strip.files} of ${fileCount} files)`);
  assert.match(strip.label, /^The vendor reports .* This extension first saw it at .* storage files are marked where they began\.$/);
}

// Of the five products only TRTC cloud recording reports storage files (StorageFileList), so the
// panel with files is a TRTC recording task's: walk the first Tencent account down to them.
describe('e2e 3: task details panel', () => {
  it('opens a details panel that shows the Task ID and the storage files', async () => {
    const { page } = await openWorkbench();
    await collapseAll(page);
    const account = treeRows(page)
      .filter({ hasText: /Tencent/ })
      .first();
    assert.ok((await account.count()) > 0, `no Tencent account row: ${JSON.stringify((await rowInfos(page)).map((r) => r.label))}`);
    const tried: string[] = [];
    await openProductBranch(page, account, /TRTC Cloud Recording/);
    // Now only the TRTC recording branch is open: its tasks are rendered rows.
    const rows = await rowInfos(page); // running TRTC tasks are expandable: their files are child rows
    for (const info of rows) {
      const row = treeRows(page).nth(info.index);
      if (!(await row.locator('.action-label[aria-label^="Open Task Details"]').count())) continue;
      await openTaskDetailsFromRow(page, row);
      const frame = await detailsFrameFor(page, info.label, 30_000);
      await page.waitForTimeout(300);
      const files = (await detailsHeadings(frame)).find((h) => /^Storage files? \(\d+\)$/.test(h));
      const product = await detailsField(frame, 'Product');
      tried.push(`${info.label} (${product}): ${files ?? 'no storage-files section'}`);
      state.taskId ??= info.label;
      if (files && !/\(0\)$/.test(files)) {
        state.taskId = info.label;
        await screenshot(page, '05-details');
        await checkStrip(frame, Number(/\((\d+)\)$/.exec(files)![1]));
        await frame.locator('figure.strip').scrollIntoViewIfNeeded();
        await screenshot(page, '05-task-strip');
        return;
      }
    }
    await screenshot(page, '05-details');
    assert.fail(`no TRTC recording task's panel listed storage files; tried:\n  ${tried.join('\n  ') || '(no task rows under TRTC Cloud Recording)'}`);
  });
});
