// The tree against the harness's sandbox, through the same code path as against the real clouds.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { MediaTasksApi } from '../../src/extension';
import type { Account } from '../../src/model/account';
import type { TreeNode } from '../../src/tree/nodes';
import { CommandIds } from '../../src/ids/commands';
import type { DemoAccountPlan } from '../../src/demo/demoPlans';
import { accountNode, addDemoAccounts, childrenOf, mediaTasks, sandboxUrl } from './support/mediaTasks';

const MAX_ROWS = 200;

/** Every node under `node` down to tasks, checking no level is silently empty or too long. */
async function walk(api: MediaTasksApi, node: TreeNode, out: TreeNode[] = []): Promise<TreeNode[]> {
  const children = await childrenOf(api, node);
  assert.ok(children.length > 0, `${node.id} has no rows (an empty level must say why)`);
  assert.ok(children.length <= MAX_ROWS + 2, `${node.id} shows ${children.length} rows`);
  for (const child of children) {
    out.push(child);
    if (child.kind === 'product' || child.kind === 'room' || child.kind === 'dayGroup') await walk(api, child, out);
  }
  return out;
}

describe('tree (real VS Code, sandbox)', function () {
  this.timeout(120_000);
  let api: MediaTasksApi;
  let tencent: Account;
  let zego: Account;
  let tencentPlan: DemoAccountPlan;

  before(async () => {
    api = await mediaTasks();
    let plans: DemoAccountPlan[];
    ({ tencent, zego, plans } = await addDemoAccounts(api));
    tencentPlan = plans[0];
  });

  it('shows every Tencent product with tasks, no error rows, and described, coloured task rows', async () => {
    const account = await accountNode(api, tencent.id);
    const products = await childrenOf(api, account);
    assert.deepEqual(
      products.map((p) => (p.kind === 'product' ? p.product : p.kind)),
      ['trtc-recording', 'trtc-relay', 'gme', 'css'],
    );
    const rows = await walk(api, account);
    const errors = rows.filter((r) => r.kind === 'error');
    assert.deepEqual(
      errors.map((e) => (e.kind === 'error' ? `${e.summary} ${e.message}` : '')),
      [],
    );
    for (const product of ['trtc-recording', 'trtc-relay', 'gme', 'css'] as const) {
      const tasks = rows.filter((r) => r.kind === 'task' && r.key.product === product);
      assert.ok(tasks.length > 0, `${product} shows no task`);
    }
    // A room row counts its tasks per status, as the status bar does: "running" is status running only.
    for (const room of rows.filter((r) => r.kind === 'room' && r.product !== 'gme')) {
      const tasks = (await childrenOf(api, room)).flatMap((c) => (c.kind === 'task' ? [api.ledger.get(c.key)?.task.status] : []));
      const running = tasks.filter((s) => s === 'running').length;
      const starting = tasks.filter((s) => s === 'starting').length;
      const description = String(api.tree.getTreeItem(room).description);
      assert.equal(
        /(\d+) running/.exec(description)?.[1],
        running > 0 ? String(running) : undefined,
        `room ${room.id}: "${description}" for ${tasks.join(', ')}`,
      );
      assert.equal(
        /(\d+) starting/.exec(description)?.[1],
        starting > 0 ? String(starting) : undefined,
        `room ${room.id}: "${description}" for ${tasks.join(', ')}`,
      );
    }
    // TRTC does not say when a task started; CSS does.
    const running = rows.find(
      (r) => r.kind === 'task' && api.ledger.get(r.key)?.task.status === 'running' && api.ledger.get(r.key)?.task.startedAt !== undefined,
    );
    assert.ok(running, 'some task with a start time is running in the demo');
    const item = api.tree.getTreeItem(running);
    assert.match(String(item.description), /^running · \d\d:\d\d · /);
    assert.match(String(item.contextValue), /(^|;)task(;|$)/);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon && item.iconPath.color instanceof vscode.ThemeColor);
    assert.ok(item.tooltip instanceof vscode.MarkdownString);
    assert.equal(item.id, running.id);
  });

  it('shows GME rooms with their current task, TRTC tasks under their room label', async () => {
    const products = await childrenOf(api, await accountNode(api, tencent.id));
    const gme = products.find((p) => p.kind === 'product' && p.product === 'gme')!;
    const rooms = (await childrenOf(api, gme)).filter((r) => r.kind === 'room');
    assert.ok(rooms.length > 0);
    const described = rooms.map((r) => String(api.tree.getTreeItem(r).description));
    assert.ok(
      described.some((d) => /running|recording|no recording/.test(d)),
      described.join(' | '),
    );
    // GME's rows are its pinned rooms, so that is what its count says.
    assert.equal(api.tree.getTreeItem(gme).description, `(${api.ledger.pinnedRooms(tencent.id, 'gme').length})`);
    const trtc = products.find((p) => p.kind === 'product' && p.product === 'trtc-recording')!;
    const labels = (await childrenOf(api, trtc)).filter((r) => r.kind === 'room').map((r) => (r.kind === 'room' ? r.room : ''));
    const taskRooms = new Set(tencentPlan.trtcRecordingTaskIds.map((id) => tencentPlan.trtcTaskRooms[id]));
    assert.ok(taskRooms.size > 0 && !taskRooms.has(undefined as unknown as string), 'the sandbox names the room of every demo task');
    assert.deepEqual(labels.sort(), [...taskRooms].sort());
  });

  it('shows no count on a listing nobody opened yet, and the count once it loaded', async () => {
    const plan = tencentPlan;
    const fresh = await api.accounts.add({ ...plan.account, label: `${plan.account.label} (count check)` }, plan.secret);
    try {
      const css = (await childrenOf(api, await accountNode(api, fresh.id))).find((p) => p.kind === 'product' && p.product === 'css')!;
      assert.equal(api.tree.getTreeItem(css).description, undefined, 'not "(0)" before the vendor was asked');
      await childrenOf(api, css);
      assert.match(String(api.tree.getTreeItem(css).description), /^\(\d+\+?\)$/);
    } finally {
      await api.accounts.remove(fresh.id);
      api.ledger.removeAccount(fresh.id);
    }
  });

  it('lists ZEGO rooms from DescribeTasks with their tasks', async () => {
    const [product] = await childrenOf(api, await accountNode(api, zego.id));
    assert.equal(product.kind === 'product' && product.product, 'zego-recording');
    const rows = await walk(api, product);
    const seen = rows.map((r) => (r.kind === 'error' ? `error ${r.summary} ${r.message}` : r.kind === 'placeholder' ? `placeholder ${r.message}` : r.kind));
    assert.ok(
      rows.some((r) => r.kind === 'room'),
      seen.join(', '),
    );
    assert.ok(rows.some((r) => r.kind === 'task'));
    assert.ok(!rows.some((r) => r.kind === 'error'));
  });

  it('reveals a task by its key (stable ids through any grouping)', async () => {
    const entry = api.ledger.entriesOf(tencent.id, 'css')[0];
    assert.ok(entry);
    const node = await api.tree.findTaskNode(entry);
    assert.ok(node);
    assert.equal(node.key.taskId, entry.taskId);
    await vscode.commands.executeCommand('mediaTasks.tasks.focus');
    assert.equal(await api.view.revealTask(entry), true);
  });

  it('turns bad credentials into an error row offering to re-enter them, never an empty list', async () => {
    const bad = await api.accounts.add(
      { vendor: 'zego', label: 'Wrong secret', appId: zego.vendor === 'zego' ? zego.appId : 1, endpoint: zego.endpoint },
      { vendor: 'zego', serverSecret: '0123456789abcdef0123456789abcdef' },
    );
    try {
      const [product] = await childrenOf(api, await accountNode(api, bad.id));
      const rows = await childrenOf(api, product);
      const error = rows.find((r) => r.kind === 'error');
      assert.ok(error && error.kind === 'error', `expected an error row, got ${rows.map((r) => r.kind).join(', ')}`);
      assert.equal(error.auth, true);
      const item = api.tree.getTreeItem(error);
      assert.match(String(item.contextValue), /(^|;)auth(;|$)/);
      assert.equal(item.command?.command, 'mediaTasks.reenterCredentials');
      assert.match(error.summary, /DescribeTasks: \d+/);
      // The product row says its listing failed too (the failure is the listing page's).
      assert.match(String(api.tree.getTreeItem(product).description), /failed/);
    } finally {
      await api.accounts.remove(bad.id);
      api.ledger.removeAccount(bad.id);
    }
  });

  it('marks a CSS or ZEGO product whose account has no stored secret as failed (no "undefined")', async () => {
    // As when Settings Sync brought the accounts but SecretStorage (per machine) not their secrets.
    const plain = await api.accounts.add(
      { vendor: 'zego', label: 'No secret here', appId: zego.vendor === 'zego' ? zego.appId : 1, endpoint: zego.endpoint },
      { vendor: 'zego', serverSecret: '0123456789abcdef0123456789abcdef' },
    );
    const cssOnly = await api.accounts.add(
      { vendor: 'tencent', label: 'No secret either', site: 'intl', region: 'ap-singapore', endpoint: sandboxUrl(), cssEnabled: true },
      { vendor: 'tencent', secretId: 'AKIDnoSecretLeft', secretKey: 'gone' },
    );
    try {
      for (const account of [plain, cssOnly]) {
        await api.accounts.deleteSecret(account.id);
        const product = (await childrenOf(api, await accountNode(api, account.id))).find(
          (p) => p.kind === 'product' && (p.product === 'css' || p.product === 'zego-recording'),
        );
        assert.ok(product, `${account.label} has a listing product`);
        const rows = await childrenOf(api, product);
        assert.ok(
          rows.some((r) => r.kind === 'error'),
          `${account.label}: an error row`,
        );
        const description = String(api.tree.getTreeItem(product).description);
        assert.match(description, /failed/, account.label);
        assert.doesNotMatch(description, /undefined/, account.label);
      }
    } finally {
      for (const account of [plain, cssOnly]) {
        await api.accounts.remove(account.id);
        api.ledger.removeAccount(account.id);
      }
    }
  });

  it('narrows rows with the filter and says so when nothing matches', async () => {
    await api.filter.set({ text: 'no-task-has-this-text' });
    try {
      const products = await childrenOf(api, await accountNode(api, tencent.id));
      const css = products.find((p) => p.kind === 'product' && p.product === 'css')!;
      const rows = await childrenOf(api, css);
      assert.ok(
        rows.some((r) => r.kind === 'placeholder' && r.message === 'No tasks match the filter'),
        rows.map((r) => r.kind).join(','),
      );
      assert.equal(api.view.view.description, '“no-task-has-this-text”');
    } finally {
      await api.filter.clear();
    }
    assert.equal(api.view.view.description, undefined);
  });

  it('pages a 10,000-task ZEGO room with Load more, one batch at a time, grouping so no level passes 200 rows', async () => {
    const response = await fetch(`${sandboxUrl()}/_sandbox/bulk`, { method: 'POST', body: JSON.stringify({ product: 'zego', count: 10_000 }) });
    const bulk = (await response.json()) as { appId: number; serverSecret: string; roomId: string };
    const account = await api.accounts.add(
      { vendor: 'zego', label: 'Bulk', appId: bulk.appId, endpoint: sandboxUrl() },
      { vendor: 'zego', serverSecret: bulk.serverSecret },
    );
    try {
      const [product] = await childrenOf(api, await accountNode(api, account.id));
      const first = await childrenOf(api, product);
      assert.ok(
        first.some((r) => r.kind === 'loadMore'),
        first.map((r) => r.kind).join(','),
      );
      assert.match(String(api.tree.getTreeItem(product).description), /^\(\d+\+\)$/);
      const before = api.ledger.entriesOf(account.id).length;
      const loadMore = first.find((r) => r.kind === 'loadMore')!;
      // Two clicks at once are one load.
      await Promise.all([
        vscode.commands.executeCommand(CommandIds.loadMore, loadMore.parent),
        vscode.commands.executeCommand(CommandIds.loadMore, loadMore.parent),
      ]);
      const after = api.ledger.entriesOf(account.id).length;
      assert.ok(after > before && after - before <= 550, `loaded ${after - before} more`);
      const room = (await childrenOf(api, product)).find((r) => r.kind === 'room' && r.room === bulk.roomId);
      assert.ok(room);
      const rows = await walk(api, room);
      assert.equal(rows.filter((r) => r.kind === 'task').length, after);
    } finally {
      await api.accounts.remove(account.id);
      api.ledger.removeAccount(account.id);
    }
  });
});
