// Harness-level checks inside the real extension host: the extension is there, activates, and every
// command package.json contributes is registered (and matches the id table in src/ids/commands.ts).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { CommandIds } from '../../../src/ids/commands';

const EXTENSION_ID = 'media-task-explorer.media-task-explorer';

interface ContributedCommand {
  command: string;
}

describe('harness: extension host', () => {
  it('runs inside a real VS Code with the extension under development loaded', () => {
    assert.ok(vscode.version.length > 0, 'vscode.version is empty');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  });

  it('activates without throwing', async function () {
    this.timeout(30_000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers every command package.json contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    const contributed = ((ext.packageJSON.contributes?.commands ?? []) as ContributedCommand[]).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('contributes exactly the commands of the id table', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const contributed = new Set(((ext.packageJSON.contributes?.commands ?? []) as ContributedCommand[]).map((c) => c.command));
    const table = new Set<string>(Object.values(CommandIds));
    const notContributed = [...table].filter((id) => !contributed.has(id)).sort();
    const notInTable = [...contributed].filter((id) => !table.has(id)).sort();
    assert.deepEqual({ notContributed, notInTable }, { notContributed: [], notInTable: [] });
  });

  it('receives the sandbox URL from the harness (MTE_SANDBOX_URL) and can reach it', async () => {
    const url = process.env.MTE_SANDBOX_URL;
    assert.ok(url, 'MTE_SANDBOX_URL is not set in the extension host (the harness could not start the sandbox)');
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+/);
    // The sandbox itself answers (not just something on the port): its demo apps, as JSON.
    const res = await fetch(`${url.replace(/\/$/, '')}/_sandbox/demo`);
    assert.equal(res.status, 200);
    const demo = (await res.json()) as { tencent?: unknown[]; zego?: unknown[] };
    assert.ok((demo.tencent?.length ?? 0) > 0 && (demo.zego?.length ?? 0) > 0, 'the sandbox lists its demo Tencent and ZEGO apps');
  });
});
