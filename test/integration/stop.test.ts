// Stop Task… in a real VS Code against the harness sandbox: the modal confirmation names account, app,
// room and task; confirming sends exactly one stop and the task ends; cancelling sends nothing; a second
// run while one is in flight sends nothing; read-only mode refuses before asking. The modal is answered
// by replacing `showWarningMessage` for the duration of a test (a modal cannot be clicked from here;
// the e2e suite clicks it in the browser).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/ids/commands';
import type { MediaTasksApi } from '../../src/extension';
import type { Account } from '../../src/model/account';
import type { TaskKey } from '../../src/model/task';
import { addDemoAccounts, eventually, mediaTasks, sandboxUrl } from './support/mediaTasks';

interface Asked {
  readonly message: string;
  readonly modal: boolean;
  readonly detail?: string;
}

type WarningFn = (message: string, ...rest: unknown[]) => Thenable<unknown>;

/** Answers every modal warning with `answer` and records what was asked; restores the real one after. */
function answerModals(answer: (asked: Asked) => string | undefined): { asked: Asked[]; restore(): void } {
  const window = vscode.window as unknown as { showWarningMessage: WarningFn };
  const real = window.showWarningMessage;
  const asked: Asked[] = [];
  window.showWarningMessage = (message: string, ...rest: unknown[]) => {
    const options = typeof rest[0] === 'object' && rest[0] !== null && 'modal' in rest[0] ? (rest[0] as vscode.MessageOptions) : undefined;
    const record = { message, modal: options?.modal === true, detail: options?.detail };
    asked.push(record);
    return record.modal ? Promise.resolve(answer(record)) : Promise.resolve(undefined);
  };
  return { asked, restore: () => (window.showWarningMessage = real) };
}

async function sandboxJson(method: string, route: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sandboxUrl()}/_sandbox/${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return res.json();
}

const stopRequests = async (action: string): Promise<number> =>
  ((await sandboxJson('GET', 'stats')) as Record<string, { requests: number }>)[action]?.requests ?? 0;

describe('Stop Task (real VS Code)', function () {
  this.timeout(120_000);
  let api: MediaTasksApi;
  let tencent: Account;
  let modals: ReturnType<typeof answerModals> | undefined;

  before(async () => {
    api = await mediaTasks();
    const added = await addDemoAccounts(api);
    tencent = added.tencent;
  });
  beforeEach(() => sandboxJson('DELETE', 'stats'));
  afterEach(async () => {
    modals?.restore();
    modals = undefined;
    await sandboxJson('DELETE', 'faults');
    await vscode.workspace.getConfiguration('mediaTasks').update('readOnly', undefined, vscode.ConfigurationTarget.Global);
  });

  /** A demo task of `product` running now, refreshed into the ledger (the demo's lanes are staggered: one always runs). */
  async function running(product: 'trtc-relay' | 'trtc-recording'): Promise<TaskKey> {
    const demo = (await sandboxJson('GET', 'demo')) as {
      tencent: { label: string; trtcRelayTaskIds: string[]; trtcRecordingTaskIds: string[]; trtcTaskRooms: Record<string, string> }[];
    };
    const app = demo.tencent.find((a) => a.label === tencent.label)!;
    for (const taskId of product === 'trtc-relay' ? app.trtcRelayTaskIds : app.trtcRecordingTaskIds) {
      const key = { accountId: tencent.id, product, taskId };
      if (!api.ledger.get(key)) api.ledger.track(key, '', app.trtcTaskRooms[taskId] ?? '');
      const entry = await api.ledger.refresh(key).catch(() => undefined);
      if (entry?.task.status === 'running') return key;
    }
    throw new Error(`no demo ${product} task is running`);
  }

  it('confirming the modal sends one stop; the task shows stopping, then the state the vendor reports', async () => {
    const key = await running('trtc-relay');
    const entry = api.ledger.get(key)!;
    const seen: string[] = [];
    const sub = api.ledger.onDidChange((keys) => {
      if (keys.some((k) => k.taskId === key.taskId)) seen.push(api.ledger.get(key)?.task.status ?? '-');
    });
    modals = answerModals(() => 'Stop Task');
    await vscode.commands.executeCommand(CommandIds.stopTask, key);
    sub.dispose();
    const modal = modals.asked.find((a) => a.modal);
    assert.ok(modal, 'a modal confirmation was shown');
    assert.match(modal.message, /TRTC relay/i);
    for (const part of [`Account: ${tencent.label}`, `SdkAppId: ${entry.task.appId}`, `Room: ${entry.task.room || '-'}`, `Task: ${key.taskId}`]) {
      assert.ok(modal.detail?.includes(part), `the confirmation names "${part}": ${modal.detail}`);
    }
    assert.equal(seen[0], 'stopping', `first change is "stopping": ${seen.join(' → ')}`);
    await eventually(() => api.ledger.get(key)?.task.status === 'ended', 'the relay to end');
    assert.equal(await stopRequests('StopStreamIngest'), 1);
    const node = await api.tree.findTaskNode(key);
    assert.ok(node, 'the stopped relay is in the tree');
    const tooltip = api.tree.getTreeItem(node).tooltip;
    const shown = (tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip)).replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    assert.match(shown, /Why it ended: You stopped it from this extension at /, 'the row says the stop came from here');
  });

  it('cancelling the modal sends nothing and leaves the task running', async () => {
    const key = await running('trtc-relay');
    modals = answerModals(() => undefined);
    await vscode.commands.executeCommand(CommandIds.stopTask, key);
    assert.equal(modals.asked.filter((a) => a.modal).length, 1);
    assert.equal(await stopRequests('StopStreamIngest'), 0);
    assert.equal(api.ledger.get(key)?.task.status, 'running');
  });

  it('a second Stop while the first is in flight sends nothing', async () => {
    const key = await running('trtc-recording');
    await sandboxJson('POST', 'faults', { latencyMs: 1500, scope: { action: 'DeleteCloudRecording' } });
    modals = answerModals(() => 'Stop Task');
    const first = vscode.commands.executeCommand(CommandIds.stopTask, key);
    await eventually(() => api.ledger.get(key)?.task.status === 'stopping', 'the first stop to be on its way');
    await vscode.commands.executeCommand(CommandIds.stopTask, key);
    await first;
    assert.equal(modals.asked.filter((a) => a.modal).length, 1, 'the second run did not even ask');
    assert.equal(await stopRequests('DeleteCloudRecording'), 1);
  });

  it('read-only mode refuses without asking and sends nothing', async () => {
    const key = await running('trtc-relay');
    await vscode.workspace.getConfiguration('mediaTasks').update('readOnly', true, vscode.ConfigurationTarget.Global);
    modals = answerModals(() => 'Stop Task');
    await vscode.commands.executeCommand(CommandIds.stopTask, key);
    assert.equal(modals.asked.filter((a) => a.modal).length, 0);
    assert.ok(
      modals.asked.some((a) => /read-only mode/.test(a.message)),
      'the refusal says why',
    );
    assert.equal(await stopRequests('StopStreamIngest'), 0);
    assert.equal(api.ledger.get(key)?.task.status, 'running');
  });
});
