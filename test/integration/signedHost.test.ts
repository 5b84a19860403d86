// `mediaTasks.endpoints.tencent` with `mediaTasks.endpoints.tencentSignedHost`, in a real VS Code, against
// two sandboxes: one that checks signatures for its own host (as a private deployment does), one that
// checks them for Tencent Cloud's host (as Tencent Cloud does behind a forwarding gateway).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { accountNode, childrenOf, eventually, mediaTasks } from './support/mediaTasks';

describe('endpoint override signing host (real VS Code, sandbox)', function () {
  this.timeout(120_000);
  const sandboxes: RunningSandbox[] = [];
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('mediaTasks');

  after(async () => {
    await config().update('endpoints.tencent', undefined, vscode.ConfigurationTarget.Global);
    await config().update('endpoints.tencentSignedHost', undefined, vscode.ConfigurationTarget.Global);
    await Promise.all(sandboxes.map((s) => s.close()));
  });

  it('signs for the override\'s host by default and for Tencent Cloud\'s with "vendor"; each sandbox refuses the other', async () => {
    const api = await mediaTasks();
    const direct = await startSandbox({ tencentSignedHost: 'sandbox' });
    const gateway = await startSandbox({ tencentSignedHost: 'vendor' });
    sandboxes.push(direct, gateway);
    // Same seed, same demo credentials in both.
    const app = direct.demo().tencent[0]!;
    const room = app.gmeRoomIds[0]!;
    // An account of its own has no endpoint: the setting's override applies to it.
    const account = await api.accounts.add(
      { vendor: 'tencent', label: 'Signing host check', site: 'intl', region: app.region, gmeBizId: app.gmeBizId, cssEnabled: false },
      { vendor: 'tencent', secretId: app.secretId, secretKey: app.secretKey },
    );
    api.ledger.pinRoom(account.id, 'gme', room);
    try {
      /** The GME room's rows after a fresh load: an error row's code, or 'ok'. */
      const answer = async (): Promise<string> => {
        api.tree.refreshAll();
        const gme = (await childrenOf(api, await accountNode(api, account.id))).find((p) => p.kind === 'product' && p.product === 'gme');
        assert.ok(gme);
        const roomNode = (await childrenOf(api, gme)).find((n) => n.kind === 'room' && n.room === room);
        assert.ok(roomNode);
        const rows = await childrenOf(api, roomNode);
        const error = rows.find((r) => r.kind === 'error');
        return error?.kind === 'error' ? error.summary.replace(/^.*?: | \(RequestId.*$/g, '') : 'ok';
      };
      const cases: Array<[RunningSandbox, 'endpoint' | 'vendor' | undefined, string]> = [
        [direct, undefined, 'ok'],
        [direct, 'vendor', 'AuthFailure.SignatureFailure'],
        [gateway, 'vendor', 'ok'],
        [gateway, 'endpoint', 'AuthFailure.SignatureFailure'],
      ];
      const seen: string[] = [];
      for (const [sandbox, mode, expected] of cases) {
        await config().update('endpoints.tencent', sandbox.url, vscode.ConfigurationTarget.Global);
        await config().update('endpoints.tencentSignedHost', mode, vscode.ConfigurationTarget.Global);
        await eventually(
          async () => (await answer()) === expected,
          `${sandbox === direct ? 'direct' : 'gateway'} sandbox, signed host ${mode ?? 'default'}: ${expected}`,
          15_000,
        );
        seen.push(`${sandbox === direct ? 'direct' : 'gateway'}/${mode ?? 'default'}: ${expected}`);
      }
      assert.equal(seen.length, 4);
    } finally {
      api.ledger.unpinRoom(account.id, 'gme', room);
      await api.accounts.remove(account.id);
    }
  });
});
