// `http.proxy` in a real VS Code, behind a real proxy: the extension passes no proxy agent of its own,
// so the requests must go through VS Code's own proxy handling (@vscode/proxy-agent, which patches Node's
// http/https in the extension host; in code-server that is the remote extension host). The vendor hosts
// are made-up names only the test's loopback proxy maps to the sandbox (never looked up in DNS by it), so
// a listing that works came through the proxy, and the sandbox checked its signatures on the way.
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import fetch from 'node-fetch';
import * as vscode from 'vscode';
import type { MediaTasksApi } from '../../src/extension';
import type { Account } from '../../src/model/account';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import type { TreeNode } from '../../src/tree/nodes';
import { startLoopbackProxy, type LoopbackProxy, type ProxiedRequest } from './support/loopbackProxy';
import { accountNode, childrenOf, eventually, mediaTasks } from './support/mediaTasks';

const TENCENT_HOST = 'trtc.proxy-test.example';
const ZEGO_HOST = 'zego.proxy-test.example';

describe('http.proxy: vendor requests through a real loopback proxy (real VS Code, sandbox)', function () {
  this.timeout(180_000);
  let api: MediaTasksApi;
  let sandbox: RunningSandbox;
  let proxy: LoopbackProxy;
  let tencent: Account;
  let zego: Account;
  const httpConfig = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('http');
  const ours = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('mediaTasks');
  const setProxy = (url: string | undefined): Thenable<void> => httpConfig().update('proxy', url, vscode.ConfigurationTarget.Global);

  before(async () => {
    api = await mediaTasks();
    sandbox = await startSandbox({ aliasHosts: [TENCENT_HOST] });
    const port = Number(new URL(sandbox.url).port);
    proxy = await startLoopbackProxy();
    proxy.map.set(TENCENT_HOST, port).set(ZEGO_HOST, port);
    const demo = sandbox.demo();
    const app = demo.tencent.find((a) => !a.hostileStrings)!;
    const zegoApp = demo.zego.find((a) => !a.hostileStrings)!;
    // Accounts of their own have no endpoint: the settings' overrides (the made-up hosts) apply to them.
    tencent = await api.accounts.add(
      { vendor: 'tencent', label: 'Proxy check', site: 'intl', region: app.region, cssEnabled: true, cssDomain: app.cssDomain },
      { vendor: 'tencent', secretId: app.secretId, secretKey: app.secretKey },
    );
    zego = await api.accounts.add({ vendor: 'zego', label: 'Proxy check ZEGO', appId: zegoApp.appId }, { vendor: 'zego', serverSecret: zegoApp.serverSecret });
    await ours().update('endpoints.tencent', `http://${TENCENT_HOST}:${port}`, vscode.ConfigurationTarget.Global);
    await ours().update('endpoints.zego', `http://${ZEGO_HOST}:${port}`, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await setProxy(undefined);
    await ours().update('endpoints.tencent', undefined, vscode.ConfigurationTarget.Global);
    await ours().update('endpoints.zego', undefined, vscode.ConfigurationTarget.Global);
    if (tencent) await api.accounts.remove(tencent.id);
    if (zego) await api.accounts.remove(zego.id);
    await proxy?.close();
    await sandbox?.close();
  });

  /** A product's rows with its first room's (an error row may sit at either level), after a fresh load. */
  async function rowsOf(account: Account, name: string): Promise<TreeNode[]> {
    const product = (await childrenOf(api, await accountNode(api, account.id))).find((p) => p.kind === 'product' && p.product === name);
    assert.ok(product, `${account.label} has no ${name} row`);
    const rows = await childrenOf(api, product);
    const room = rows.find((n) => n.kind === 'room');
    return [...rows, ...(room ? await childrenOf(api, room) : [])];
  }

  /** The Tencent account's CSS rows and the ZEGO account's recording rows, after a fresh load. */
  async function listing(): Promise<{ css: TreeNode[]; zego: TreeNode[] }> {
    api.tree.refreshAll();
    return { css: await rowsOf(tencent, 'css'), zego: await rowsOf(zego, 'zego-recording') };
  }

  const describeRows = (rows: TreeNode[]): string =>
    rows
      .map((r) => (r.kind === 'error' ? `error ${r.summary}: ${r.message} (${r.hint})` : r.kind === 'placeholder' ? `placeholder "${r.message}"` : r.kind))
      .join(', ') || 'no rows';
  /** What went through the proxy, counted by form, host and outcome. */
  const tally = (requests: ProxiedRequest[]): string =>
    JSON.stringify(
      requests.reduce<Record<string, number>>((n, r) => ({ ...n, [`${r.form} ${r.host} ${r.outcome}`]: (n[`${r.form} ${r.host} ${r.outcome}`] ?? 0) + 1 }), {}),
    );
  const listed = (rows: TreeNode[]): boolean => rows.some((r) => r.kind === 'task') && !rows.some((r) => r.kind === 'error');
  const through = (host: string, since: number): ProxiedRequest[] => proxy.seen.slice(since).filter((r) => r.host === host);

  /**
   * Waits until both accounts' rows (freshly loaded) satisfy `done`, by default: tasks listed, no
   * error row. A failure says what each showed, and what the proxy saw since `since`.
   */
  async function bothShow(what: string, since?: number, done: (rows: TreeNode[]) => boolean = listed): Promise<void> {
    let last = { css: [] as TreeNode[], zego: [] as TreeNode[] };
    await eventually(
      async () => {
        last = await listing();
        return done(last.css) && done(last.zego);
      },
      what,
      30_000,
    ).catch((err: Error) => {
      const seen = since === undefined ? '' : `; proxy saw ${tally(proxy.seen.slice(since))}`;
      throw new Error(`${err.message}: CSS ${describeRows(last.css)}; ZEGO ${describeRows(last.zego)}${seen}`);
    });
  }

  // "override" (the default): VS Code replaces any agent a request carries. "on": it proxies only requests
  // that carry none, which is what the vendor layer's agent selector must give when http.proxy is set.
  for (const proxySupport of [undefined, 'on'] as const) {
    it(`lists a Tencent and a ZEGO account through http.proxy, signed as the sandbox checks (http.proxySupport ${proxySupport ?? 'default'})`, async () => {
      await httpConfig().update('proxySupport', proxySupport, vscode.ConfigurationTarget.Global);
      try {
        assert.equal(httpConfig().get('proxySupport'), proxySupport ?? 'override');
        await setProxy(proxy.url);
        const since = proxy.seen.length;
        await bothShow('both listings through the proxy', since);
        const viaTencent = through(TENCENT_HOST, since);
        const viaZego = through(ZEGO_HOST, since);
        // The sandbox is plain http: a proxy gets those requests in absolute form (https ones would be CONNECT).
        assert.ok(viaTencent.length > 0 && viaTencent.every((r) => r.form === 'absolute' && r.outcome === 'forwarded'), tally(viaTencent));
        assert.ok(viaZego.length > 0 && viaZego.every((r) => r.form === 'absolute' && r.outcome === 'forwarded'), tally(viaZego));
        // Loopback targets (the harness sandbox's demo accounts) never go through a proxy.
        assert.ok(!proxy.seen.some((r) => /^(127\.|localhost$|\[?::1)/.test(r.host)), tally(proxy.seen));
      } finally {
        await httpConfig().update('proxySupport', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  }

  it("sends a request through VS Code's agent even when the request carries a keep-alive agent of its own", async () => {
    // Why no agent of ours is needed: under the default `http.proxySupport` ("override") VS Code replaces
    // the agent a request carries with its own, which resolves the proxy (http.proxy here; PAC, system).
    assert.equal(httpConfig().get('proxySupport'), 'override');
    await setProxy(proxy.url);
    const agent = new http.Agent({ keepAlive: true });
    let called = 0;
    const addRequest = (agent as unknown as { addRequest: (...args: unknown[]) => void }).addRequest.bind(agent);
    (agent as unknown as { addRequest: (...args: unknown[]) => void }).addRequest = (...args: unknown[]) => {
      called++;
      addRequest(...args);
    };
    const since = proxy.seen.length;
    try {
      const answer = await fetch(`http://${TENCENT_HOST}:${new URL(sandbox.url).port}/_sandbox/demo`, { agent, timeout: 10_000 });
      assert.equal(answer.status, 200);
      await answer.text();
    } finally {
      agent.destroy();
    }
    assert.equal(through(TENCENT_HOST, since).length, 1, tally(proxy.seen.slice(since)));
    assert.equal(called, 0, 'the keep-alive agent the request carried was not the one that sent it');
  });

  it('sends nothing through the proxy once http.proxy is unset (the made-up hosts are then unreachable)', async () => {
    await setProxy(undefined);
    const since = proxy.seen.length;
    await bothShow('network error rows without the proxy', since, (rows) => rows.some((r) => r.kind === 'error' && r.summary.includes('ENOTFOUND')));
    assert.deepEqual(proxy.seen.slice(since), []);
  });

  it('answers a proxy that refuses the credentials (407) with an error row saying so, no password in it; the right ones list again', async () => {
    const password = 'wrong-Pa55-in-the-proxy-url';
    proxy.requireAuth = 'tester:right-Pa55';
    try {
      await setProxy(`http://tester:${password}@127.0.0.1:${proxy.port}`);
      let error: TreeNode | undefined;
      await eventually(
        async () => {
          error = (await listing()).css.find((r) => r.kind === 'error');
          return error?.kind === 'error' && error.summary.includes('ProxyAuthenticationRequired');
        },
        'a ProxyAuthenticationRequired error row',
        30_000,
      ).catch((err: Error) => {
        throw new Error(`${err.message}: ${error ? describeRows([error]) : 'no error row'}`);
      });
      assert.ok(error?.kind === 'error');
      const shown = [error.summary, error.message, error.hint, JSON.stringify(api.tree.getTreeItem(error))].join('\n');
      assert.match(error.message, /407/);
      assert.match(error.hint, /proxy/i);
      assert.ok(!shown.includes(password), `the proxy password is shown: ${shown}`);
      assert.ok(proxy.seen.some((r) => r.outcome === 407));
      await setProxy(`http://tester:right-Pa55@127.0.0.1:${proxy.port}`);
      await bothShow('both listings with the right proxy credentials');
    } finally {
      proxy.requireAuth = undefined;
      await setProxy(undefined);
    }
  });
});
