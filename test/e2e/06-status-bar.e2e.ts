import { strict as assert } from 'node:assert';
import { openWorkbench, recordingCount, screenshot, statusBarTexts, waitFor } from './harness';

const waitMs = Number(process.env.MTE_E2E_STATUS_WAIT_MS ?? 240_000);

describe('e2e 6: status bar', () => {
  let first: number | undefined;

  it('shows "$(record) N recording"', async () => {
    const { page } = await openWorkbench();
    first = await waitFor(async () => {
      const n = await recordingCount(page);
      return n === undefined ? undefined : { n };
    }, 'no "N recording" item in the status bar', 30_000)
      .then((v) => v.n)
      .catch(async (err) => {
        throw new Error(`${err.message}; status bar: ${JSON.stringify(await statusBarTexts(page))}`);
      });
    assert.ok(first >= 0);
    await screenshot(page, '09-status-bar');
  });

  it('changes its count as sandbox tasks start and end', async function () {
    this.timeout(waitMs + 30_000);
    const { page } = await openWorkbench();
    assert.notEqual(first, undefined, 'no count to compare (previous test)');
    const next = await waitFor(
      async () => {
        const n = await recordingCount(page);
        return n !== undefined && n !== first ? { n } : undefined;
      },
      `the recording count stayed ${first}`,
      waitMs,
      1000,
    );
    assert.notEqual(next.n, first);
    await screenshot(page, '10-status-bar-changed');
  });
});
