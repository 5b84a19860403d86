import { strict as assert } from 'node:assert';
import { activityBarItem, openViewContainer, openWorkbench, screenshot, welcomeButton } from './harness';

describe('e2e 1: the Media Tasks container', () => {
  it('loads the workbench with the installed VSIX and shows "Media Tasks" in the activity bar', async () => {
    const { page } = await openWorkbench();
    await screenshot(page, '01-workbench');
    const item = activityBarItem(page, 'Media Tasks');
    await item.waitFor({ state: 'visible', timeout: 30_000 }).catch(() => {
      throw new Error('no activity-bar item with aria-label "Media Tasks": is the VSIX installed and its container contributed?');
    });
  });

  it('opens the Tasks view, which welcomes with "Add Account…" and "Try the Sandbox"', async () => {
    const { page } = await openWorkbench();
    await openViewContainer(page, 'Media Tasks');
    const add = welcomeButton(page, 'Add Account…');
    const sandbox = welcomeButton(page, 'Try the Sandbox');
    await add.waitFor({ state: 'visible', timeout: 20_000 });
    await sandbox.waitFor({ state: 'visible', timeout: 5_000 });
    assert.ok(await add.isVisible());
    await screenshot(page, '02-welcome');
  });
});
