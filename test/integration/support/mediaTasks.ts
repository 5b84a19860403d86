/** What the tree, accounts, ledger and command suites share: the live extension and sandbox demo accounts. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { MediaTasksApi } from '../../../src/extension';
import { demoAccountPlans, type DemoAccountPlan } from '../../../src/demo/demoPlans';
import { applyDemoPlans } from '../../../src/demo/applyDemoPlans';
import type { Account } from '../../../src/model/account';
import type { TreeNode } from '../../../src/tree/nodes';

export const EXTENSION_ID = 'media-task-explorer.media-task-explorer';

export async function mediaTasks(): Promise<MediaTasksApi> {
  const ext = vscode.extensions.getExtension<MediaTasksApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  await api.ready;
  return api;
}

export function sandboxUrl(): string {
  const url = process.env.MTE_SANDBOX_URL;
  assert.ok(url, 'MTE_SANDBOX_URL is not set');
  return url.replace(/\/$/, '');
}

/** The harness sandbox's demo apps as account plans (the regular ones, not the hostile-strings ones). */
export async function demoPlans(): Promise<DemoAccountPlan[]> {
  const url = sandboxUrl();
  const demo: unknown = await (await fetch(`${url}/_sandbox/demo`)).json();
  return demoAccountPlans(demo, url);
}

/** Adds the first Tencent and the first ZEGO demo app (or re-points them), pinning their demo tasks and rooms. */
export async function addDemoAccounts(api: MediaTasksApi): Promise<{ tencent: Account; zego: Account; plans: DemoAccountPlan[] }> {
  const plans = await demoPlans();
  const chosen = [plans.find((p) => p.account.vendor === 'tencent'), plans.find((p) => p.account.vendor === 'zego')];
  assert.ok(chosen[0] && chosen[1], 'the sandbox demo has a Tencent and a ZEGO app');
  const [tencent, zego] = await applyDemoPlans(chosen as DemoAccountPlan[], api.accounts, api.ledger);
  return { tencent, zego, plans: chosen as DemoAccountPlan[] };
}

export async function childrenOf(api: MediaTasksApi, node?: TreeNode): Promise<TreeNode[]> {
  return api.tree.getChildren(node);
}

export async function accountNode(api: MediaTasksApi, accountId: string): Promise<TreeNode> {
  const node = (await childrenOf(api)).find((n) => n.kind === 'account' && n.accountId === accountId);
  assert.ok(node, `account ${accountId} is not in the tree`);
  return node;
}

/** Waits until `check` passes (VS Code events and debounced writes settle asynchronously). */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The task id of the selected row, else the selected row's id (for the failure message). */
function selectedTaskId(api: MediaTasksApi): string | undefined {
  const selected = api.view.view.selection[0];
  return selected?.kind === 'task' ? selected.key.taskId : selected?.id;
}

/** Waits for the view's selection to be the task `taskId`: VS Code reports a selection asynchronously. */
export async function selectionBecomes(api: MediaTasksApi, taskId: string, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (selectedTaskId(api) !== taskId) {
    if (Date.now() > deadline) assert.fail(`${what}: after 10 s the selection is ${selectedTaskId(api) ?? 'empty'}, not ${taskId}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
