import { strict as assert } from 'node:assert';
import { answerInputBox, detailsFrameFor, openWorkbench, runPaletteCommand, screenshot, sidebar, waitFor } from './harness';
import { state } from './state';

describe('e2e 4: Go to Task…', () => {
  it('finds a task from a pasted log line, reveals it in the tree and opens its details', async () => {
    const { page } = await openWorkbench();
    assert.ok(state.taskId, 'no Task ID known from the details panel (see e2e 3)');
    const id = state.taskId;
    // Start from another editor so the panel that answers is the look-up's doing.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('W'); // close all editors
    await runPaletteCommand(page, 'Media Tasks: Go to Task…');
    await answerInputBox(page, `2026-12-04T06:30:00Z INFO recorder started TaskId=${id} RequestId=0f3c2e9a-log`);
    const frame = await detailsFrameFor(page, id, 30_000);
    assert.ok(frame);
    await waitFor(
      async () =>
        (
          await sidebar(page)
            .locator('.monaco-list-row.selected .label-name')
            .first()
            .textContent()
            .catch(() => '')
        )?.trim() === id,
      `the tree did not reveal and select ${id}`,
      15_000,
    );
    await screenshot(page, '06-lookup');
  });
});
