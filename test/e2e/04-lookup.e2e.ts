import { strict as assert } from 'node:assert';
import { answerInputBox, frameText, openWorkbench, rowInfos, runPaletteCommand, screenshot, waitFor } from './harness';
import { state } from './state';

describe('e2e 4: Look Up Task by ID…', () => {
  it('finds a task from the palette by its ID', async () => {
    const { page } = await openWorkbench();
    assert.ok(state.taskId, 'no Task ID known from the details panel (see e2e 3)');
    const id = state.taskId;
    await runPaletteCommand(page, 'Media Tasks: Look Up Task by ID…');
    await answerInputBox(page, id);
    // A pick may follow (which account); accept the first choice when one is offered.
    await page.waitForTimeout(800);
    if (await page.locator('.quick-input-widget .monaco-list-row').first().isVisible().catch(() => false)) {
      await page.keyboard.press('Enter');
    }
    const where = await waitFor(
      async () => {
        for (const f of page.frames()) {
          if (f !== page.mainFrame() && (await frameText(f)).includes(id)) return 'details panel';
        }
        const sel = (await rowInfos(page)).find((r) => r.ariaLabel.includes(id) || r.label.includes(id));
        return sel ? 'tree' : undefined;
      },
      `task ${id} was not shown after the look-up`,
      30_000,
    );
    assert.ok(where);
    await screenshot(page, '06-lookup');
  });
});
