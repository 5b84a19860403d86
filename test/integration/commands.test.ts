// Commands in a real VS Code: registered, and working on tree nodes as the menus pass them.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/ids/commands';
import { accountNode, addDemoAccounts, childrenOf, mediaTasks, sandboxUrl, selectionBecomes } from './support/mediaTasks';

describe('commands (real VS Code)', function () {
  this.timeout(120_000);

  it('registers every command of the id table', async () => {
    await mediaTasks();
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      Object.values(CommandIds).filter((id) => !registered.has(id)),
      [],
    );
  });

  it('copies a task id from its row, refreshes a node and the view, and forgets the task', async () => {
    const api = await mediaTasks();
    const { tencent } = await addDemoAccounts(api);
    const products = await childrenOf(api, await accountNode(api, tencent.id));
    const trtc = products.find((p) => p.kind === 'product' && p.product === 'trtc-recording')!;
    const [room] = await childrenOf(api, trtc);
    const task = (await childrenOf(api, room)).find((n) => n.kind === 'task');
    assert.ok(task && task.kind === 'task');

    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand(CommandIds.copyTaskId, task);
    assert.equal(await vscode.env.clipboard.readText(), task.key.taskId);

    // Each refresh asks the sandbox again: its per-action counters say so.
    const requests = async (action: string): Promise<number> =>
      ((await (await fetch(`${sandboxUrl()}/_sandbox/stats`)).json()) as Record<string, { requests: number }>)[action]?.requests ?? 0;
    const seenBefore = api.ledger.get(task.key)?.lastSeen ?? 0;
    const describesBefore = await requests('DescribeCloudRecording');
    await new Promise((r) => setTimeout(r, 5));
    await vscode.commands.executeCommand(CommandIds.refreshNode, task);
    assert.ok((api.ledger.get(task.key)?.lastSeen ?? 0) > seenBefore, 'the task was seen again');
    assert.ok((await requests('DescribeCloudRecording')) > describesBefore, 'the row refresh asked TRTC');

    const listedBefore = await requests('DescribeCloudRecording');
    await vscode.commands.executeCommand(CommandIds.refreshNode, trtc);
    assert.ok((await childrenOf(api, trtc)).length > 0);
    assert.ok((await requests('DescribeCloudRecording')) > listedBefore, 'the product refresh asked TRTC about its tasks again');
    await vscode.commands.executeCommand(CommandIds.refresh);
    assert.ok((await childrenOf(api, trtc)).length > 0);

    await vscode.commands.executeCommand(CommandIds.forgetTask, task);
    assert.equal(api.ledger.get(task.key), undefined);
  });

  it('acts only on nodes the tree handed out: a look-alike of a real row is ignored', async () => {
    const api = await mediaTasks();
    const { tencent } = await addDemoAccounts(api);
    const trtc = (await childrenOf(api, await accountNode(api, tencent.id))).find((p) => p.kind === 'product' && p.product === 'trtc-recording')!;
    const [room] = await childrenOf(api, trtc);
    const task = (await childrenOf(api, room)).find((n) => n.kind === 'task');
    assert.ok(task && task.kind === 'task');
    const lookAlike = JSON.parse(JSON.stringify({ ...task, parent: undefined })) as unknown;
    // Without a node of ours the command falls back to asking the user; nobody answers here.
    const forgetting = vscode.commands.executeCommand(CommandIds.forgetTask, lookAlike);
    await new Promise((r) => setTimeout(r, 800));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await forgetting;
    assert.ok(api.ledger.get(task.key), 'the look-alike forgot nothing');
    await vscode.commands.executeCommand(CommandIds.forgetTask, task);
    assert.equal(api.ledger.get(task.key), undefined, 'the real row forgets its task');
  });

  it('looks a TRTC task up by id across accounts and pins it', async () => {
    const api = await mediaTasks();
    const { tencent, plans } = await addDemoAccounts(api);
    // A relay answers only while it runs (NotExist otherwise, which a lookup reports as not found);
    // the demo's relays are staggered so that one of them runs at any moment.
    let taskId = '';
    for (const candidate of plans[0].trtcRelayTaskIds) {
      const key = { accountId: tencent.id, product: 'trtc-relay' as const, taskId: candidate };
      await api.ledger.forget(key);
      await vscode.commands.executeCommand(CommandIds.lookUpTask, candidate);
      const found = api.ledger.get(key);
      if (!found) continue;
      assert.equal(found.pinned, true);
      assert.equal(found.task.status, 'running');
      taskId = candidate;
      break;
    }
    assert.ok(taskId, 'a running demo relay was looked up and pinned');
    // Looking up a task already known reveals and selects it too.
    await vscode.commands.executeCommand(CommandIds.lookUpTask, taskId);
    await selectionBecomes(api, taskId, 'looking up a known task selects it');
    // The match opened its details panel; later suites count panels.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('pins nothing for an id no account knows (a relay\'s NotExist is "not found" for a lookup)', async () => {
    const api = await mediaTasks();
    await addDemoAccounts(api);
    const unknown = 'no-such-task-0123456789abcdef0123';
    await vscode.commands.executeCommand(CommandIds.lookUpTask, unknown);
    assert.deepEqual(
      api.ledger.all().filter((e) => e.taskId === unknown),
      [],
    );
  });

  it('clears the filter from the command, updating the view description', async () => {
    const api = await mediaTasks();
    await api.filter.set({ statuses: ['running'] });
    assert.equal(api.view.view.description, 'running');
    assert.match(api.view.view.message ?? '', /Filtered: running/, 'said inside the view too (a lone view hides its description)');
    await vscode.commands.executeCommand(CommandIds.clearFilter);
    assert.equal(api.view.view.description, undefined);
    assert.equal(api.view.view.message, undefined);
  });

  it('Try the Sandbox starts the embedded sandbox and adds its demo accounts with tasks to show', async () => {
    const api = await mediaTasks();
    await vscode.commands.executeCommand(CommandIds.trySandbox);
    const sandboxAccounts = api.accounts
      .list()
      .filter((a) => a.endpoint && a.endpoint !== process.env.MTE_SANDBOX_URL?.replace(/\/$/, '') && a.endpoint.startsWith('http://127.0.0.1:'));
    assert.ok(sandboxAccounts.length >= 2, sandboxAccounts.map((a) => `${a.label} ${a.endpoint}`).join(', '));
    const tencent = sandboxAccounts.find((a) => a.vendor === 'tencent')!;
    assert.ok(api.ledger.entriesOf(tencent.id, 'trtc-recording').some((e) => e.pinned));
    assert.ok(api.ledger.pinnedRooms(tencent.id, 'gme').length > 0);
    const products = await childrenOf(api, await accountNode(api, tencent.id));
    const gme = products.find((p) => p.kind === 'product' && p.product === 'gme')!;
    const rows = await childrenOf(api, gme);
    assert.ok(rows.length > 0 && rows.every((r) => r.kind === 'room'), rows.map((r) => r.kind).join(','));

    // Pointed elsewhere afterwards (as `npm run demo` does with its own sandbox), an account the
    // embedded sandbox took over follows its new endpoint.
    const { tencent: repointed } = await addDemoAccounts(api);
    assert.ok(
      sandboxAccounts.some((a) => a.id === repointed.id),
      'the harness app was one the embedded sandbox took over',
    );
    await fetch(`${sandboxUrl()}/_sandbox/stats`, { method: 'DELETE' });
    api.tree.refreshAll();
    const css = (await childrenOf(api, await accountNode(api, repointed.id))).find((p) => p.kind === 'product' && p.product === 'css')!;
    await childrenOf(api, css);
    const stats = (await (await fetch(`${sandboxUrl()}/_sandbox/stats`)).json()) as Record<string, { requests: number }>;
    assert.ok((stats.DescribeRecordTask?.requests ?? 0) > 0, 'the listing went to the harness sandbox');
    for (const account of sandboxAccounts) {
      await api.accounts.remove(account.id);
      api.ledger.removeAccount(account.id);
    }
  });
});
