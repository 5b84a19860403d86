/** The status-bar item inside a real VS Code, fed by an in-memory store seeded with tasks. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { silentLogger } from '../../src/model/logger';
import { createTaskStatusBar } from '../../src/status';
import { MemoryStore } from '../fixtures/memoryStore';
import { entryWith } from '../fixtures/webview';

describe('status bar (real VS Code)', () => {
  let bar: ReturnType<typeof createTaskStatusBar> | undefined;
  afterEach(async () => {
    bar?.dispose();
    await vscode.workspace.getConfiguration().update('mediaTasks.statusBar.alwaysShow', undefined, vscode.ConfigurationTarget.Global);
  });

  it('counts running tasks across accounts and follows the store', async () => {
    const store = new MemoryStore();
    store.put(
      entryWith('t1', 'running'),
      entryWith('t2', 'running', { accountId: 'acc-2' }),
      entryWith('z1', 'running', { product: 'zego-recording', vendor: 'zego', accountId: 'acc-3' }),
      entryWith('g1', 'starting', { product: 'gme' }),
      entryWith('old', 'ended'),
    );
    bar = createTaskStatusBar({ store, logger: silentLogger });
    assert.equal(bar.view.text, '$(record) 3 recording');
    assert.equal(bar.view.visible, true);
    assert.match(bar.view.tooltip.replace(/&nbsp;/g, ' '), /ZEGO Cloud Recording: 1 recording/);

    store.put(
      entryWith('t1', 'ended'),
      entryWith('t2', 'ended', { accountId: 'acc-2' }),
      entryWith('z1', 'ended', { product: 'zego-recording', vendor: 'zego', accountId: 'acc-3' }),
    );
    assert.equal(bar.view.text, '$(record) 0 recording');
    assert.equal(bar.view.visible, false, 'hidden when nothing runs');
  });

  it('spins while refreshing, turns red on failure, and follows the always-show setting', async () => {
    const store = new MemoryStore();
    bar = createTaskStatusBar({ store, logger: silentLogger });
    bar.setRefreshing(true);
    assert.equal(bar.view.text, '$(sync~spin) 0 recording');
    bar.setRefreshing(false);
    bar.setLastError('RequestLimitExceeded');
    assert.equal(bar.view.error, true);
    bar.setLastError(undefined);
    assert.equal(bar.view.error, false);

    await vscode.workspace.getConfiguration().update('mediaTasks.statusBar.alwaysShow', true, vscode.ConfigurationTarget.Global);
    const shown = bar;
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const check = () => (shown.view.visible ? resolve() : Date.now() - started > 5000 ? reject(new Error('setting not applied')) : setTimeout(check, 50));
      check();
    });
    assert.equal(bar.view.visible, true);
  });
});
