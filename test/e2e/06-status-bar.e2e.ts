import { strict as assert } from 'node:assert';
import { openWorkbench, recordingCount, screenshot, statusBarTexts, waitFor } from './harness';

// Demo live tasks run 5 of every 10 minutes, lanes staggered: some task ends every minute or two.
const waitMs = Number(process.env.MTE_E2E_STATUS_WAIT_MS ?? 300_000);

describe('e2e 6: status bar', () => {
  it('shows "$(record) N recording"', async () => {
    const { page } = await openWorkbench();
    const n = await waitFor(
      async () => {
        const v = await recordingCount(page);
        return v === undefined ? undefined : { v };
      },
      'no "N recording" item in the status bar',
      30_000,
    ).catch(async (err) => {
      throw new Error(`${err.message}; status bar: ${JSON.stringify(await statusBarTexts(page))}`);
    });
    // The demo's recording lanes are staggered so some recording always runs: the item counts them.
    assert.ok(n.v > 0, `the status bar says ${n.v} recording`);
    await screenshot(page, '09-status-bar');
  });

  it('counts down when a sandbox task ends', async function () {
    this.timeout(waitMs + 30_000);
    const { page } = await openWorkbench();
    const seen: number[] = [];
    const drop = await waitFor(
      async () => {
        const n = await recordingCount(page);
        if (n === undefined) return undefined;
        if (seen[seen.length - 1] !== n) seen.push(n);
        return seen.length >= 2 && n < seen[seen.length - 2]! ? { from: seen[seen.length - 2]!, to: n } : undefined;
      },
      'the recording count never went down',
      waitMs,
      1000,
    ).catch((err) => {
      throw new Error(`${err.message}; counts seen: ${seen.join(' → ')}`);
    });
    assert.ok(drop.to < drop.from);
    await screenshot(page, '10-status-bar-changed');
  });
});
