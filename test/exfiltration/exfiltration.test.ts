/**
 * The exfiltration proof, in a real VS Code (code-server), run by scripts/vscode/run-integration.mjs
 * after the integration suite: Media Task Explorer installed from its VSIX (so VS Code runs it in
 * production mode, as users have it), holding the harness sandbox's demo accounts and their secrets
 * (added on activation, MTE_DEMO=1), next to the hostile extension of test/attacker, which tries its
 * exports, its SecretStorage keys and every command with crafted arguments, and listens on a port of
 * its own for any request our extension could be made to send there. These tests read its report.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/ids/commands';
import type { AttackReport, Attacker, ListenerHit } from '../attacker/extension';

const TARGET = 'media-task-explorer.media-task-explorer';
const ATTACKER = 'mte-test.mte-attacker';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** Asks every account that could own an unknown TRTC id: any account pointed at the listener would call it. */
async function lookUpEverywhere(): Promise<void> {
  const running = vscode.commands.executeCommand(CommandIds.lookUpTask, `exfiltration-probe-${Date.now()}`);
  await Promise.race([running, sleep(20_000)]);
  await vscode.commands.executeCommand('notifications.clearAll');
}

describe('exfiltration: a hostile extension next to ours reads no secret and gets no signed request (real VS Code, production mode)', function () {
  this.timeout(600_000);
  const secrets = new Set<string>();
  let attacker: Attacker;
  let report: AttackReport;
  let hits: ListenerHit[] = [];
  let sandboxRequestsByLookup = 0;

  const sandboxRequests = async (): Promise<number> => {
    const stats = (await (await fetch(`${process.env.MTE_SANDBOX_URL}/_sandbox/stats`)).json()) as Record<string, { requests?: number }>;
    return Object.values(stats).reduce((n, s) => n + (s.requests ?? 0), 0);
  };

  before(async () => {
    assert.ok(process.env.MTE_SANDBOX_URL, 'MTE_SANDBOX_URL is not set');
    const demo = (await (await fetch(`${process.env.MTE_SANDBOX_URL}/_sandbox/demo`)).json()) as {
      tencent: Array<{ secretKey: string; token?: string }>;
      zego: Array<{ serverSecret: string }>;
    };
    for (const app of demo.tencent) for (const s of [app.secretKey, app.token]) if (s) secrets.add(s);
    for (const app of demo.zego) secrets.add(app.serverSecret);

    const ours = vscode.extensions.getExtension(TARGET);
    assert.ok(ours, `${TARGET} is not installed`);
    await ours.activate();
    // On activation it adds the harness demo accounts (secrets into its SecretStorage) and pins
    // their tasks; wait for the ledger that records them.
    const theirs = vscode.extensions.getExtension<Attacker>(ATTACKER);
    assert.ok(theirs, `${ATTACKER} is not loaded`);
    attacker = await theirs.activate();
    await eventually(async () => (await attacker.peek(TARGET)).taskKeys.length > 0, 'the demo accounts’ tasks in the ledger on disk');
    // Control: a lookup asks the accounts it holds (so the same lookup after the attack would call
    // any account re-pointed at the listener).
    const before = await sandboxRequests();
    await lookUpEverywhere();
    sandboxRequestsByLookup = (await sandboxRequests()) - before;

    report = await attacker.attack(TARGET);
    await lookUpEverywhere();
    // Whatever the attack set going (a refresh, a poll) has time to reach the network.
    await sleep(3000);
    hits = await attacker.listenerHits();
    console.log(
      `      exfiltration: ${report.attempts.length} attempts (${report.commandsTried.length} commands × crafted arguments, exports walk, SecretStorage) with ${report.intel.accountIds.length} account ids and ${report.intel.taskKeys.length} task keys read from disk; ${report.loot.length} results scanned for ${secrets.size} secrets; listener hits ${hits.length}`,
    );
  });

  it('runs ours as users install it: from the extensions folder, so in production mode, exporting nothing', () => {
    const ours = vscode.extensions.getExtension(TARGET)!;
    assert.ok(ours.isActive);
    assert.match(
      ours.extensionPath,
      /[/\\]extensions[/\\]media-task-explorer\.media-task-explorer-/,
      `installed from the VSIX, not under development: ${ours.extensionPath}`,
    );
    assert.equal(report.exportsType, 'undefined');
    assert.equal(ours.exports, undefined);
  });

  it('was armed: real account and task ids from disk, every command, every crafted argument', () => {
    assert.ok(report.intel.accountIds.length >= 2, `account ids found on disk: ${report.intel.accountIds.join(', ')} (files ${report.intel.files.join(', ')})`);
    assert.ok(report.intel.taskKeys.length >= 1, 'task keys found on disk');
    const missing = Object.values(CommandIds).filter((id) => !report.commandsTried.includes(id));
    assert.deepEqual(missing, [], 'every command was tried');
    assert.ok(report.attempts.length >= report.commandsTried.length * 17, `${report.attempts.length} attempts`);
    assert.ok(sandboxRequestsByLookup > 0, 'the control lookup reached the accounts it asks');
  });

  it('got no secret from anything: exports, return values, clipboard, its own SecretStorage, files on disk', () => {
    assert.ok(secrets.size >= 2, `${secrets.size} known secrets`);
    const leaks: string[] = [];
    for (const secret of secrets) {
      const i = report.loot.findIndex((text) => text.includes(secret));
      if (i >= 0) leaks.push(`a secret ${secret.slice(0, 3)}… in result ${i}`);
    }
    const secretReads = report.attempts.filter((a) => /secrets\.get/.test(a) && !/resolved undefined/.test(a));
    assert.deepEqual({ leaks, secretReads }, { leaks: [], secretReads: [] });
  });

  it('made ours send nothing to its listener: no account added or re-pointed there, no signed request', () => {
    const signed = hits.filter((h) => h.signed).map((h) => `${h.method} ${h.url} ${JSON.stringify(h.headers).slice(0, 200)}`);
    assert.deepEqual({ requests: hits.map((h) => `${h.method} ${h.url}`), signed }, { requests: [], signed: [] });
    for (const file of report.intel.files) {
      if (fs.existsSync(file)) assert.ok(!fs.readFileSync(file).toString('latin1').includes(report.listenerUrl), `${file} names the listener`);
    }
  });
});
