/**
 * Chaos inside a real VS Code: the extension's tree, a details panel and a status-bar item against a
 * sandbox of this test's own (started in process, so it can be killed and restarted), with each of the
 * sandbox's faults switched on in turn. Every fault must end as an error row offering Retry (whose
 * description carries the vendor's code) or as a healed listing; after the fault is cleared, Retry
 * must bring the rows back. No listing may hang, no level may throw, no promise may go unhandled, and
 * a cancelled listing must stop sending requests within a second (refereed by the sandbox's counters).
 *
 * The error texts the tree showed are left on `globalThis` for secrets.test.ts, which scans them.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { MediaTasksApi } from '../../src/extension';
import { demoAccountPlans, type DemoAccountPlan } from '../../src/demo/demoPlans';
import { applyDemoPlans } from '../../src/demo/applyDemoPlans';
import { CommandIds } from '../../src/ids/commands';
import type { Account } from '../../src/model/account';
import { silentLogger } from '../../src/model/logger';
import { isTerminal, type Product } from '../../src/model/task';
import { startSandbox, type FaultSettings, type RunningSandbox, type CssBulkTaskSet } from '../../src/sandbox';
import { HOSTILE_LABEL } from '../../src/sandbox/demo/hostile';
import { createTaskStatusBar } from '../../src/status';
import type { ErrorNode, TreeNode } from '../../src/tree/nodes';
import { taskPanelState } from '../../src/webview/identity';
import { DetailsPanelManager } from '../../src/webview/panels';
import type { HostMessage } from '../../src/webview/protocol';
import { accountNode, childrenOf, mediaTasks } from './support/mediaTasks';

/** Seed of this suite's sandbox: other demo apps than the harness sandbox's (seed 1), so no account is shared. */
const SEED = 2606;
/** The request timeout the suite sets (seconds): latency and stalls beyond it must end as errors. */
const TIMEOUT_S = 1;
/** A listing still pending after this long counts as a hang. */
const HANG_MS = 25_000;
const CSS_ACTION = 'DescribeRecordTask';

/** What chaos leaves for the secrets scan (secrets.test.ts reads it from `globalThis`). */
interface ChaosEvidence {
  /** Every error row's label, description and tooltip, and every panel message. */
  texts: string[];
  /** SecretKeys and ServerSecrets of this suite's sandbox (demo and bulk apps). */
  secrets: string[];
}
const CHAOS_EVIDENCE_KEY = Symbol.for('mediaTasks.test.chaosEvidence');

interface Fault {
  readonly name: string;
  readonly set: Partial<FaultSettings>;
  /** The vendor code the error row must carry; absent: the listing must heal. */
  readonly code?: RegExp;
}

const FAULTS: readonly Fault[] = [
  { name: 'latency spike beyond the request timeout', set: { latencyMs: 2500 }, code: /: Timeout\b/ },
  { name: 'rate-limit storm', set: { rateLimitStorm: true }, code: /: (RequestLimitExceeded|300000003)\b/ },
  { name: '5xx burst', set: { http5xx: 1 }, code: /: HTTP503\b/ },
  { name: 'vendor internal errors', set: { errorRate: 1 }, code: /: (InternalError|300010000)\b/ },
  { name: 'reset connections', set: { resetConnection: true }, code: /: (ECONNRESET|EPIPE|ERR_STREAM_PREMATURE_CLOSE|NetworkError)\b/ },
  { name: 'stalled body', set: { stallBody: true }, code: /: Timeout\b/ },
  { name: 'HTML error page', set: { htmlErrorPage: true }, code: /: HtmlPage\b/ },
  { name: 'malformed JSON', set: { malformedJson: true }, code: /: InvalidJson\b/ },
  { name: 'clock skewed +10 minutes', set: { clockSkewMs: 600_000 } },
  { name: 'clock skewed −10 minutes', set: { clockSkewMs: -600_000 } },
];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** `work`, or a rejection naming `what` once it has taken longer than `ms` (a hang). */
async function withinMs<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`HANG: ${what} still pending after ${ms} ms`)), ms)));
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

async function admin(url: string, method: 'POST' | 'DELETE' | 'GET', route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/_sandbox/${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  assert.equal(response.status, 200, `${method} /_sandbox/${route}: ${response.status}`);
  return response.json();
}

async function requestsOf(url: string, action: string): Promise<number> {
  const stats = (await admin(url, 'GET', 'stats')) as Record<string, { requests: number } | undefined>;
  return stats[action]?.requests ?? 0;
}

const describeRow = (r: TreeNode): string =>
  r.kind === 'error' ? `error(${r.summary}: ${r.message})` : r.kind === 'placeholder' ? `placeholder(${r.message})` : r.kind;

describe('chaos: sandbox faults against the extension in real VS Code', function () {
  this.timeout(180_000);
  let api: MediaTasksApi;
  let sandbox: RunningSandbox;
  let tencent: Account;
  let zego: Account;
  let plans: DemoAccountPlan[];
  let manager: DetailsPanelManager;
  let bar: ReturnType<typeof createTaskStatusBar>;
  const extra: Account[] = [];
  const rejections: string[] = [];
  const onRejection = (reason: unknown): void => {
    rejections.push(String((reason as Error)?.stack ?? reason));
  };
  const posts: Array<{ message: HostMessage; delivered: boolean | undefined }> = [];
  const evidence: ChaosEvidence = { texts: [], secrets: [] };
  const tally = { faults: 0, errorRows: 0, heals: 0, retried: 0, crashes: 0, hangs: 0, cancellations: [] as string[] };

  /** The rows of the level that shows `product`'s load: the product, or (GME) its first pinned room. */
  async function levelOf(account: Account, product: Product): Promise<{ parent: TreeNode; rows: TreeNode[] }> {
    const products = await childrenOf(api, await accountNode(api, account.id));
    const node = products.find((p) => p.kind === 'product' && p.product === product);
    assert.ok(node, `${account.label} shows no ${product} product`);
    if (product !== 'gme') return { parent: node, rows: await childrenOf(api, node) };
    const room = (await childrenOf(api, node)).find((r) => r.kind === 'room');
    assert.ok(room, 'the demo pins GME rooms');
    return { parent: room, rows: await childrenOf(api, room) };
  }

  const LEVELS: ReadonlyArray<{ vendor: 'tencent' | 'zego'; product: Product }> = [
    { vendor: 'tencent', product: 'css' },
    { vendor: 'tencent', product: 'gme' },
    { vendor: 'tencent', product: 'trtc-recording' },
    { vendor: 'zego', product: 'zego-recording' },
  ];

  /** Every level, loaded afresh, each guarded against hangs (a hang is counted and fails the case). */
  async function loadLevels(label: string): Promise<Array<{ level: string; parent: TreeNode; rows: TreeNode[] }>> {
    await vscode.commands.executeCommand(CommandIds.refreshNode, await accountNode(api, tencent.id));
    await vscode.commands.executeCommand(CommandIds.refreshNode, await accountNode(api, zego.id));
    return Promise.all(
      LEVELS.map(async ({ vendor, product }) => {
        try {
          const { parent, rows } = await withinMs(levelOf(vendor === 'tencent' ? tencent : zego, product), HANG_MS, `${label}: ${product}`);
          return { level: product, parent, rows };
        } catch (err) {
          if (/^HANG/.test(String((err as Error).message))) tally.hangs++;
          else tally.crashes++;
          throw err;
        }
      }),
    );
  }

  /** An error row as VS Code gets it: offers Retry, shows the code, and its texts are kept for the scan. */
  function checkErrorRow(row: ErrorNode, code: RegExp, where: string): void {
    const item = api.tree.getTreeItem(row);
    assert.match(String(item.contextValue), /(^|;)retry(;|$)/, `${where}: the error row offers no Retry`);
    assert.equal(item.command?.command, CommandIds.retry, `${where}: clicking the error row must Retry`);
    assert.equal(item.description, row.summary);
    assert.match(row.summary, code, `${where}: the row should carry the vendor code`);
    assert.ok(String(item.label).length > 0);
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
    evidence.texts.push(String(item.label), String(item.description), tooltip, row.hint);
  }

  /** After the fault: each level shows its content again, with no error row. */
  function assertHealthy(level: string, rows: readonly TreeNode[], what: string): void {
    const errors = rows.filter((r) => r.kind === 'error');
    assert.deepEqual(errors.map(describeRow), [], `${what}: ${level} still shows an error`);
    if (level === 'css' || level === 'zego-recording')
      assert.ok(
        rows.some((r) => r.kind === 'room' || r.kind === 'dayGroup'),
        `${what}: ${level} lists no rooms: ${rows.map(describeRow).join(', ')}`,
      );
    if (level === 'trtc-recording')
      assert.ok(
        rows.some((r) => r.kind === 'room'),
        `${what}: TRTC shows no room: ${rows.map(describeRow).join(', ')}`,
      );
    if (level === 'gme')
      assert.ok(
        rows.every((r) => r.kind === 'task' || r.kind === 'placeholder' || r.kind === 'dayGroup') && rows.length > 0,
        `${what}: GME room: ${rows.map(describeRow).join(', ')}`,
      );
  }

  function assertStatusBar(what: string): void {
    const running = api.ledger.running().filter((e) => e.task.status === 'running').length;
    assert.equal(bar.view.text, `$(record) ${running} recording`, `${what}: the status bar does not follow the ledger`);
  }

  /** Ended CSS tasks inside the default 24-hour listing window (their whole span must lie in it). */
  const firstTasksRecorded = async (accountId: string): Promise<void> => {
    const deadline = Date.now() + HANG_MS;
    while (api.ledger.entriesOf(accountId, 'css').length === 0) {
      if (Date.now() > deadline) throw new Error('the listing recorded no task before the kill');
      await sleep(50);
    }
  };
  const bulkWindow = (): { startMs: number; endMs: number } => ({ startMs: Date.now() - 20 * 3_600_000, endMs: Date.now() - 3_600_000 });

  async function addCssBulk(window: { startMs: number; endMs: number }): Promise<CssBulkTaskSet> {
    const set = (await admin(sandbox.url, 'POST', 'bulk', { product: 'css', count: 2000, ...window })) as CssBulkTaskSet;
    evidence.secrets.push(set.secretKey);
    return set;
  }

  /** A Tencent account with only CSS, on a stream of 2,000 tasks: listing it takes several pages. */
  async function addCssBulkAccount(label: string, window: { startMs: number; endMs: number }): Promise<{ account: Account; set: CssBulkTaskSet }> {
    const set = await addCssBulk(window);
    const account = await api.accounts.add(
      { vendor: 'tencent', label, site: 'intl', region: set.region, endpoint: sandbox.url, cssEnabled: true, cssDomain: set.domainName },
      { vendor: 'tencent', secretId: set.secretId, secretKey: set.secretKey },
    );
    extra.push(account);
    return { account, set };
  }

  async function cssProductOf(account: Account): Promise<TreeNode> {
    const [product] = await childrenOf(api, await accountNode(api, account.id));
    assert.ok(product?.kind === 'product' && product.product === 'css', `expected the CSS product, got ${product?.id}`);
    return product;
  }

  async function requestsReach(action: string, count: number, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while ((await requestsOf(sandbox.url, action)) < count) {
      if (Date.now() > deadline) assert.fail(`${what}: ${JSON.stringify(await admin(sandbox.url, 'GET', 'stats'))}`);
      await sleep(25);
    }
  }

  before(async () => {
    process.on('unhandledRejection', onRejection);
    api = await mediaTasks();
    sandbox = await startSandbox({ seed: SEED });
    await vscode.workspace.getConfiguration('mediaTasks').update('requestTimeoutSeconds', TIMEOUT_S, vscode.ConfigurationTarget.Global);
    const demo = sandbox.demo();
    evidence.secrets.push(...demo.tencent.flatMap((a) => (a.token ? [a.secretKey, a.token] : [a.secretKey])), ...demo.zego.map((a) => a.serverSecret));
    const all = demoAccountPlans(JSON.parse(JSON.stringify(demo)), sandbox.url).filter((p) => p.account.label !== HOSTILE_LABEL);
    plans = [all.find((p) => p.account.vendor === 'tencent')!, all.find((p) => p.account.vendor === 'zego')!];
    assert.ok(plans[0] && plans[1], 'the sandbox demo has a Tencent and a ZEGO app');
    [tencent, zego] = await applyDemoPlans(plans, api.accounts, api.ledger);
    (globalThis as Record<symbol, unknown>)[CHAOS_EVIDENCE_KEY] = evidence;

    // An open details panel on a tracked TRTC task, fed by the extension's own ledger, and a status-bar item.
    const extension = vscode.extensions.getExtension('media-task-explorer.media-task-explorer');
    assert.ok(extension);
    manager = new DetailsPanelManager({
      store: api.ledger,
      logger: silentLogger,
      extensionUri: extension.extensionUri,
      accountName: (id) => api.accounts.get(id)?.label,
    });
    bar = createTaskStatusBar({ store: api.ledger, logger: silentLogger });
    const trtcTask = api.ledger.entriesOf(tencent.id, 'trtc-recording')[0];
    assert.ok(trtcTask, 'the demo tracks TRTC tasks');
    manager.open(taskPanelState(trtcTask));
    const panel = manager.openPanels()[0]!.panel;
    const original = panel.webview.postMessage.bind(panel.webview);
    panel.webview.postMessage = (message: HostMessage) => {
      const record: { message: HostMessage; delivered: boolean | undefined } = { message, delivered: undefined };
      posts.push(record);
      evidence.texts.push(JSON.stringify(message));
      return original(message).then((delivered) => (record.delivered = delivered));
    };
  });

  after(async () => {
    process.off('unhandledRejection', onRejection);
    manager?.dispose();
    bar?.dispose();
    await admin(sandbox.url, 'DELETE', 'faults').catch(() => undefined);
    for (const account of [tencent, zego, ...extra]) {
      if (!account || !api.accounts.get(account.id)) continue;
      await api.accounts.remove(account.id);
      api.ledger.removeAccount(account.id);
    }
    await vscode.workspace.getConfiguration('mediaTasks').update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sandbox?.close();
    console.log(
      `      chaos: ${tally.faults} faults injected, ${tally.errorRows} error rows (Retry ${tally.retried}× brought the rows back), ${tally.heals} healed, crashes ${tally.crashes}, hangs ${tally.hangs}, unhandled rejections ${rejections.length}; ${tally.cancellations.join('; ')}`,
    );
  });

  it('starts healthy: every level lists its tasks, the panel renders, the status bar counts', async () => {
    for (const { level, rows } of await loadLevels('baseline')) assertHealthy(level, rows, 'baseline');
    const rendered = posts.some((p) => p.message.type === 'render' && p.delivered === true);
    assert.ok(rendered || (await waitForRender(posts)), 'the panel never rendered');
    assertStatusBar('baseline');
  });

  for (const fault of FAULTS) {
    it(`${fault.name}: ${fault.code ? 'an error row with Retry, then Retry brings the rows back' : 'heals through the Date header'}`, async () => {
      tally.faults++;
      // TRTC is asked per tracked task that has not ended: with none, its product loads nothing.
      const trtcLive = api.ledger.entriesOf(tencent.id, 'trtc-recording').some((e) => !isTerminal(e.task.status));
      await admin(sandbox.url, 'POST', 'faults', fault.set);
      let levels: Awaited<ReturnType<typeof loadLevels>>;
      try {
        // Every level afresh, and the panel's task refreshed under the fault too (as its Refresh button and the poller do).
        const key = manager.openKeys()[0]!;
        [levels] = await Promise.all([
          loadLevels(fault.name),
          withinMs(
            api.ledger.refresh(key).catch(() => undefined),
            HANG_MS,
            `${fault.name}: task refresh`,
          ),
        ]);
      } finally {
        await admin(sandbox.url, 'DELETE', 'faults');
      }
      const { code } = fault;
      if (code) {
        for (const { level, parent, rows } of levels) {
          if (level === 'trtc-recording' && !trtcLive) continue;
          const errors = rows.filter((r): r is ErrorNode => r.kind === 'error');
          assert.equal(errors.length, 1, `${fault.name}: ${level} should show one error row, shows ${rows.map(describeRow).join(', ')}`);
          checkErrorRow(errors[0]!, code, `${fault.name} / ${level}`);
          tally.errorRows++;
          // Retry, as a click on the row does, once the fault is gone: the rows come back.
          await withinMs(Promise.resolve(vscode.commands.executeCommand(CommandIds.retry, errors[0])), HANG_MS, `${fault.name}: Retry on ${level}`);
          const again = await withinMs(childrenOf(api, parent), HANG_MS, `${fault.name}: ${level} after Retry`);
          assertHealthy(level, again, `${fault.name} then Retry`);
          tally.retried++;
        }
      } else {
        for (const { level, rows } of levels) assertHealthy(level, rows, fault.name);
        tally.heals++;
        // Back to the right time: the learned offset is now wrong by the skew, and heals again.
        for (const { level, rows } of await loadLevels(`${fault.name} cleared`)) assertHealthy(level, rows, `${fault.name} cleared`);
      }
      // The panel still takes the task's state and the status bar still follows the ledger.
      const before = posts.length;
      await withinMs(api.ledger.refresh(manager.openKeys()[0]!), HANG_MS, `${fault.name}: panel task refresh`);
      assert.ok(await waitForRender(posts, before), `${fault.name}: no render reached the panel after the fault`);
      assert.equal(manager.openPanels().length, 1, 'the details panel is still open');
      assertStatusBar(fault.name);
      assert.deepEqual(rejections, [], 'unhandled rejections');
    });
  }

  it('the sandbox killed mid-listing and restarted: an error row, then Retry lists again', async () => {
    tally.faults++;
    const window = bulkWindow();
    const { account, set } = await addCssBulkAccount('Chaos bulk', window);
    const product = await cssProductOf(account);
    // Pages at 300 ms each: a batch of 500 takes several pages, so the kill lands between two of them.
    await admin(sandbox.url, 'POST', 'faults', { latencyMs: 300, scope: { action: CSS_ACTION } });
    await admin(sandbox.url, 'DELETE', 'stats');
    const listing = withinMs(childrenOf(api, product), HANG_MS, 'listing while the sandbox dies');
    // Newest first, the first windows can be empty (the bulk tasks end an hour ago): kill once a page with tasks is in.
    await firstTasksRecorded(account.id);
    const port = sandbox.port;
    await sandbox.close();
    const rows = await listing;
    const error = rows.find((r): r is ErrorNode => r.kind === 'error');
    assert.ok(error, `killed mid-listing: expected an error row, got ${rows.map(describeRow).join(', ')}`);
    checkErrorRow(error, /: (ECONNREFUSED|ECONNRESET|EPIPE|ERR_STREAM_PREMATURE_CLOSE|NetworkError)\b/, 'sandbox killed');
    tally.errorRows++;
    // The page that arrived before the kill is kept under the error row.
    assert.ok(
      rows.some((r) => r.kind === 'room' && r.room === set.streamName),
      `the first page was dropped: ${rows.map(describeRow).join(', ')}`,
    );

    sandbox = await startSandbox({ seed: SEED, port });
    const again = await addCssBulk(window);
    assert.deepEqual([again.secretKey, again.streamName], [set.secretKey, set.streamName], 'the restarted sandbox serves the same bulk app');
    await vscode.commands.executeCommand(CommandIds.retry, error);
    const back = await withinMs(childrenOf(api, product), HANG_MS, 'listing after the restart');
    assert.deepEqual(back.filter((r) => r.kind === 'error').map(describeRow), []);
    assert.ok(
      back.some((r) => r.kind === 'room' && r.room === set.streamName),
      back.map(describeRow).join(', '),
    );
    tally.retried++;
    // The other accounts on the restarted sandbox list again too.
    for (const { level, rows: levelRows } of await loadLevels('after restart')) assertHealthy(level, levelRows, 'after restart');
    assertStatusBar('after restart');
    assert.deepEqual(rejections, [], 'unhandled rejections');
  });

  for (const how of ['Refresh on the listing', 'removing the account'] as const) {
    it(`cancels a long listing by ${how}: no request reaches the sandbox a second later`, async () => {
      const { account } = await addCssBulkAccount(`Chaos cancel (${how})`, bulkWindow());
      const product = await cssProductOf(account);
      await admin(sandbox.url, 'POST', 'faults', { latencyMs: 300, scope: { action: CSS_ACTION } });
      try {
        await admin(sandbox.url, 'DELETE', 'stats');
        const listing = withinMs(childrenOf(api, product), HANG_MS, `listing cancelled by ${how}`);
        await requestsReach(CSS_ACTION, 2, 'the listing never reached its second page');
        const atCancel = await requestsOf(sandbox.url, CSS_ACTION);
        const cancelledAt = Date.now();
        if (how === 'removing the account') await api.accounts.remove(account.id);
        else await vscode.commands.executeCommand(CommandIds.refreshNode, product);
        const rows = await listing;
        const settledMs = Date.now() - cancelledAt;
        await sleep(Math.max(0, 1000 - (Date.now() - cancelledAt)));
        const afterOneSecond = await requestsOf(sandbox.url, CSS_ACTION);
        await sleep(1500);
        const later = await requestsOf(sandbox.url, CSS_ACTION);
        tally.cancellations.push(
          `cancel by ${how}: listing settled in ${settledMs} ms, ${afterOneSecond - atCancel} request(s) in the next second, ${later - afterOneSecond} after`,
        );
        // The listing was still going (it had not loaded its batch), so the cancel cut it short.
        assert.ok(api.ledger.entriesOf(account.id).length < 500, `the listing had finished its batch before the cancel: ${rows.map(describeRow).join(', ')}`);
        assert.ok(settledMs < 1000, `the cancelled listing took ${settledMs} ms to settle`);
        assert.ok(afterOneSecond - atCancel <= 1, `${afterOneSecond - atCancel} requests arrived after the cancel`);
        assert.equal(later, afterOneSecond, 'requests still arrive more than a second after the cancel');
      } finally {
        await admin(sandbox.url, 'DELETE', 'faults');
        if (api.accounts.get(account.id)) await api.accounts.remove(account.id);
        api.ledger.removeAccount(account.id);
      }
      assert.deepEqual(rejections, [], 'unhandled rejections');
    });
  }

  it('ends with no crash, no hang and no unhandled rejection', () => {
    assert.equal(tally.crashes, 0);
    assert.equal(tally.hangs, 0);
    assert.deepEqual(rejections, []);
    assert.ok(tally.errorRows >= 8 * 4, `only ${tally.errorRows} error rows seen`);
  });
});

/** Whether a render posted after index `from` was delivered to the page within 15 s. */
async function waitForRender(posts: ReadonlyArray<{ message: HostMessage; delivered: boolean | undefined }>, from = 0): Promise<boolean> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (posts.slice(from).some((p) => p.message.type === 'render' && p.delivered === true)) return true;
    await sleep(50);
  }
  return false;
}
