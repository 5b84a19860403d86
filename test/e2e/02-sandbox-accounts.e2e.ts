import { strict as assert } from 'node:assert';
import { expandTree, notifications, openViewContainer, openWorkbench, rowInfos, screenshot, taskRows, treeRows, waitFor, welcomeButton } from './harness';
import { state } from './state';

const isNoise = (label: string) => /load more|hostile strings|retry|error/i.test(label);

describe('e2e 2: sandbox accounts through the UI', () => {
  it('"Try the Sandbox" adds the demo accounts and fills the tree', async () => {
    const { page } = await openWorkbench();
    await openViewContainer(page, 'Media Tasks');
    await welcomeButton(page, 'Try the Sandbox').click({ timeout: 20_000 });
    const rows = await waitFor(
      async () => {
        const r = await rowInfos(page);
        return r.length > 0 ? r : undefined;
      },
      'the tree stayed empty after "Try the Sandbox"',
      45_000,
    ).catch(async (err) => {
      throw new Error(`${err.message}; notifications: ${JSON.stringify(await notifications(page))}`);
    });
    assert.ok(rows.length > 0);
    await screenshot(page, '03-sandbox-accounts');
  });

  it('expands accounts down to tasks', async () => {
    const { page } = await openWorkbench();
    await expandTree(page, {
      maxExpansions: 30,
      skip: (r) => isNoise(r.label),
      done: () => false,
    });
    const tasks = await waitFor(
      async () => ((await taskRows(page).count()) > 0 ? taskRows(page) : undefined),
      'no task rows (rows with an inline "Open Task Details" action) after expanding the tree',
      30_000,
    ).catch(async (err) => {
      throw new Error(`${err.message}; rows: ${JSON.stringify((await rowInfos(page)).map((r) => `${'  '.repeat(r.level)}${r.label}`))}`);
    });
    const first = tasks.first();
    state.taskRowLabel = (await first.getAttribute('aria-label')) ?? (await first.innerText());
    assert.ok((await treeRows(page).count()) > 1);
    await screenshot(page, '04-tasks');
  });
});
