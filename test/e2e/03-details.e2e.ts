import { strict as assert } from 'node:assert';
import { clickInlineAction, frameText, openWorkbench, screenshot, taskRows, webviewFrame } from './harness';
import { state } from './state';

describe('e2e 3: task details panel', () => {
  it('opens a details panel that shows the Task ID and the storage files', async () => {
    const { page } = await openWorkbench();
    const rows = taskRows(page);
    const n = await rows.count();
    assert.ok(n > 0, 'no task rows in the tree (see e2e 2)');
    let text = '';
    // Storage files are listed for tasks that have produced some: try a few tasks.
    for (let i = 0; i < Math.min(n, 6); i++) {
      await clickInlineAction(page, rows.nth(i), 'Open Task Details');
      const frame = await webviewFrame(page, /Task ID/, 30_000);
      await page.waitForTimeout(500);
      text = await frameText(frame);
      const m = /Task ID\s*[:\n\t ]\s*(\S+)/.exec(text);
      if (m && !state.taskId) state.taskId = m[1];
      if (/Storage files?/i.test(text)) break;
    }
    assert.match(text, /Task ID/);
    assert.ok(state.taskId, `could not read the Task ID from the panel:\n${text.slice(0, 500)}`);
    await screenshot(page, '05-details');
    assert.match(text, /Storage files?/i, `no task among the first ${Math.min(n, 6)} showed storage files:\n${text.slice(0, 800)}`);
  });
});
