// Root hooks: one browser session for the run, closed at the end; a screenshot of whatever is on
// screen when a test fails (test-results/failed-<title>.png).
import type { Context } from 'mocha';
import { closeSession, openWorkbench, screenshot } from './harness';

export const mochaHooks = {
  async afterEach(this: Context) {
    const t = this.currentTest;
    if (t?.state === 'failed') {
      const s = await openWorkbench().catch(() => undefined);
      const name = `failed-${t
        .fullTitle()
        .replace(/[^\w-]+/g, '-')
        .slice(0, 80)}`;
      if (s) await screenshot(s.page, name).catch(() => undefined);
    }
  },
  async afterAll() {
    await closeSession();
  },
};
