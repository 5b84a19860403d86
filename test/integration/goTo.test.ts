// Go to Task… in a real VS Code against the harness sandbox: each kind of paste (tccli line, request
// JSON, log line with a TaskId, log line with only a RequestId) finds the same running demo relay, pins
// it and reveals it; a paste that names no task says so and pins nothing. Messages are read by replacing
// `showInformationMessage` for the duration of a test.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/ids/commands';
import type { MediaTasksApi } from '../../src/extension';
import type { Task, TaskKey } from '../../src/model/task';
import { accountNode, addDemoAccounts, childrenOf, demoPlans, eventually, mediaTasks, selectionBecomes } from './support/mediaTasks';

type InfoFn = (message: string, ...rest: unknown[]) => Thenable<unknown>;

/** Replaces `showInformationMessage` until `restore`: records each message and answers `answer` to it. */
function recordInformation(answer?: string): { said: string[]; restore(): void } {
  const window = vscode.window as unknown as { showInformationMessage: InfoFn };
  const real = window.showInformationMessage;
  const said: string[] = [];
  window.showInformationMessage = (message: string) => {
    said.push(message);
    return Promise.resolve(answer);
  };
  return { said, restore: () => (window.showInformationMessage = real) };
}

type PickItem = vscode.QuickPickItem & { task: { accountId: string } };

/** Replaces `showQuickPick` until `restore`: records each pick offered and chooses the item of `accountId`. */
function answerPicks(accountId: string): { offered: PickItem[][]; restore(): void } {
  const window = vscode.window as unknown as { showQuickPick: (items: readonly PickItem[]) => Thenable<PickItem | undefined> };
  const real = window.showQuickPick;
  const offered: PickItem[][] = [];
  window.showQuickPick = (items) => {
    offered.push([...items]);
    return Promise.resolve(items.find((i) => i.task.accountId === accountId));
  };
  return { offered, restore: () => (window.showQuickPick = real) };
}

describe('Go to Task (real VS Code)', function () {
  this.timeout(120_000);
  let api: MediaTasksApi;
  let relay: TaskKey & { appId: string };
  /** The relay as it was first found (a ledger entry's snapshot, recorded again where a test needs it). */
  let relayTask: Task;
  let tencentId = '';
  let zegoId = '';

  before(async () => {
    api = await mediaTasks();
    const { tencent, zego, plans } = await addDemoAccounts(api);
    tencentId = tencent.id;
    zegoId = zego.id;
    // A relay answers only while it runs; the demo's relays are staggered so that one runs at any moment.
    for (const taskId of plans[0].trtcRelayTaskIds) {
      const key = { accountId: tencent.id, product: 'trtc-relay' as const, taskId };
      await api.ledger.forget(key);
      await vscode.commands.executeCommand(CommandIds.lookUpTask, taskId);
      const found = api.ledger.get(key);
      if (found?.task.status === 'running') {
        relay = { ...key, appId: found.task.appId };
        relayTask = found.task;
        return;
      }
    }
    throw new Error('no demo relay is running');
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  async function goTo(text: string): Promise<void> {
    await api.ledger.forget(relay);
    assert.equal(api.ledger.get(relay), undefined);
    await vscode.commands.executeCommand(CommandIds.lookUpTask, text);
  }

  it('finds the task from a tccli line, a request JSON and a log line, pinning it each time', async () => {
    const pastes = [
      `tccli trtc DescribeStreamIngest --SdkAppId ${relay.appId} --TaskId "${relay.taskId}"`,
      JSON.stringify({ SdkAppId: Number(relay.appId), TaskId: relay.taskId }, null, 2),
      `2026-12-04T06:30:00Z WARN relay slow TaskId=${relay.taskId} room=x`,
    ];
    for (const paste of pastes) {
      await goTo(paste);
      const entry = api.ledger.get(relay);
      assert.ok(entry, `found from: ${paste}`);
      assert.equal(entry.pinned, true);
      assert.equal(entry.task.status, 'running');
    }
  });

  it('finds a task the ledger holds from a log line carrying only its RequestId', async () => {
    const entry = api.ledger.get(relay);
    const requestId = entry?.task.requestId;
    assert.ok(requestId, 'the snapshot carries the RequestId of its answer');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(CommandIds.lookUpTask, `[TencentCloudSDK] RequestId: ${requestId} took 120ms`);
    await selectionBecomes(api, relay.taskId, 'the task is revealed and selected');
    await eventually(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview).length === 1,
      'the found task’s details panel to open',
    );
  });

  it('says when the filter hides the found task, and Clear Filter reveals it', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.filter.set({ text: 'matches-no-task-at-all' });
    const info = recordInformation('Clear Filter');
    try {
      await vscode.commands.executeCommand(CommandIds.lookUpTask, relay.taskId);
      await eventually(() => info.said.length > 0, 'a message about the filter');
      assert.equal(info.said[0], `Task ${relay.taskId} is hidden by the filter (“matches-no-task-at-all”).`);
      await eventually(() => api.filter.get().text === undefined, 'Clear Filter to clear the filter');
      await selectionBecomes(api, relay.taskId, 'after Clear Filter the task is revealed and selected');
    } finally {
      info.restore();
      await api.filter.clear();
    }
  });

  it('finds the newest task of a room from its room id alone', async () => {
    // The tree lists the account's TRTC recording rooms into the ledger.
    const trtc = (await childrenOf(api, await accountNode(api, tencentId))).find((p) => p.kind === 'product' && p.product === 'trtc-recording')!;
    for (const room of await childrenOf(api, trtc)) await childrenOf(api, room);
    const rooms = new Set(api.ledger.entriesOf(tencentId, 'trtc-recording').map((e) => e.task.room));
    const [room] = [...rooms].filter((r) => r !== '' && !api.ledger.all().some((e) => e.taskId === r));
    assert.ok(room, 'the demo ledger holds a TRTC recording room');
    const newest = api.ledger
      .all()
      .filter((e) => e.task.room === room && e.product === 'trtc-recording')
      .sort((a, b) => (b.task.startedAt ?? b.firstSeen) - (a.task.startedAt ?? a.firstSeen))[0]!;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(CommandIds.lookUpTask, `tccli trtc DescribeCloudRecording --RoomId ${room}`);
    await selectionBecomes(api, newest.taskId, `the newest task of ${room} is selected`);
  });

  it('finds a ZEGO task from a pasted callback body, asking ZEGO for it', async () => {
    // The ZEGO listing puts the app's tasks into the ledger; one of them is then forgotten and pasted.
    const product = (await childrenOf(api, await accountNode(api, zegoId))).find((p) => p.kind === 'product' && p.product === 'zego-recording');
    assert.ok(product, 'the ZEGO account shows its recording product');
    await childrenOf(api, product);
    const known = api.ledger.entriesOf(zegoId, 'zego-recording')[0];
    assert.ok(known, 'the ZEGO listing recorded a task');
    const key = { accountId: zegoId, product: 'zego-recording' as const, taskId: known.taskId };
    await api.ledger.forget(key);
    assert.equal(api.ledger.get(key), undefined);
    // A recording status callback as ZEGO posts it (https://www.zegocloud.com/docs/cloud-recording-server/recording-status-callback).
    const body = {
      app_id: Number(known.task.appId),
      task_id: known.taskId,
      room_id: known.task.room,
      event_type: 5,
      message: 'normal exit',
      nonce: '350176',
      timestamp: Math.floor(Date.now() / 1000),
      signature: '0000000000000000000000000000000000000000',
      sequence: 4,
      detail: {},
    };
    await vscode.commands.executeCommand(CommandIds.lookUpTask, JSON.stringify(body, null, 2));
    const found = api.ledger.get(key);
    assert.ok(found, 'the pasted callback body found the ZEGO task');
    assert.equal(found.pinned, true);
    assert.equal(found.task.room, known.task.room);
  });

  it('says what it read and what was missing, and pins nothing, for a paste that finds no task', async () => {
    const info = recordInformation();
    try {
      const before = api.ledger.all().length;
      await vscode.commands.executeCommand(CommandIds.lookUpTask, 'the recording did not start');
      await vscode.commands.executeCommand(CommandIds.lookUpTask, 'tccli trtc DescribeStreamIngest --SdkAppId 1 --TaskId no-such-relay-0123456789');
      await vscode.commands.executeCommand(CommandIds.lookUpTask, 'RequestId: 00000000-never-seen');
      await vscode.commands.executeCommand(CommandIds.lookUpTask, 'tccli gme DescribeTaskInfo --BizId 1 --RoomId no-such-room');
      assert.equal(api.ledger.all().length, before, 'nothing was pinned');
      assert.match(info.said[0] ?? '', /Nothing in the pasted text names a task/);
      assert.match(info.said[1] ?? '', /^Read a tccli line \(trtc DescribeStreamIngest\)\. Task no-such-relay-0123456789 was not found\./);
      assert.match(info.said[2] ?? '', /^Read a log line\. No task in the ledger carries RequestId 00000000-never-seen/);
      assert.match(
        info.said[3] ?? '',
        /^Read a tccli line \(gme DescribeTaskInfo\)\. It names no TaskId, and no task in the ledger is in room or stream no-such-room/,
      );
      // A pasted room id is shown as inert text: a Markdown command link in it is broken up.
      await vscode.commands.executeCommand(CommandIds.lookUpTask, 'tccli gme DescribeTaskInfo --BizId 1 --RoomId "[run](command:workbench.action.quit)"');
      const hostile = info.said[4] ?? '';
      assert.ok(hostile.includes('[run] (command:workbench.action.quit)'), `the room id is not neutralised in: ${hostile}`);
      assert.ok(!hostile.includes('](command:'), 'a command link reached a notification');
    } finally {
      info.restore();
    }
  });

  it('asks which account is meant when two accounts answer with the task, naming each and why it was asked', async () => {
    const plan = (await demoPlans()).find((p) => p.account.vendor === 'tencent' && p.trtcRelayTaskIds.includes(relay.taskId));
    assert.ok(plan, 'the demo plan of the relay');
    const second = await api.accounts.add({ ...plan.account, label: 'Second key of the same app' }, plan.secret);
    const { offered, restore } = answerPicks(second.id);
    try {
      await goTo(`tccli trtc DescribeStreamIngest --SdkAppId ${relay.appId} --TaskId "${relay.taskId}"`);
      assert.equal(offered.length, 1, 'one pick was shown');
      const labels = offered[0].map((i) => i.label).sort();
      assert.deepEqual(labels, [api.accounts.get(tencentId)!.label, 'Second key of the same app'].sort(), 'the pick names both accounts by name');
      for (const item of offered[0]) assert.match(item.detail ?? '', /asked because the product and the app ID the paste names are this account’s/);
      assert.ok(api.ledger.get({ ...relay, accountId: second.id })?.pinned, 'the task of the picked account is pinned');
      assert.equal(api.ledger.get(relay), undefined, 'the other account’s copy was not recorded');
    } finally {
      restore();
      await api.accounts.remove(second.id);
    }
  });

  it('asks which account is meant when the ledger already holds the task under two accounts, answering from the ledger', async () => {
    const plan = (await demoPlans()).find((p) => p.account.vendor === 'tencent' && p.trtcRelayTaskIds.includes(relay.taskId));
    const second = await api.accounts.add({ ...plan!.account, label: 'Second key, from the ledger' }, plan!.secret);
    // Both accounts' copies are in the ledger (the relay itself may have ended by now: no vendor is asked).
    // A third copy belongs to an account no longer configured (removed in another window): not offered.
    api.ledger.record([relayTask, { ...relayTask, accountId: second.id }, { ...relayTask, accountId: 'removed-elsewhere' }]);
    const { offered, restore } = answerPicks(second.id);
    try {
      await vscode.commands.executeCommand(CommandIds.lookUpTask, relay.taskId);
      assert.equal(offered.length, 1, 'one pick was shown');
      const labels = offered[0].map((i) => i.label).sort();
      assert.deepEqual(labels, [api.accounts.get(tencentId)!.label, 'Second key, from the ledger'].sort(), `the pick offered ${JSON.stringify(offered[0])}`);
      for (const item of offered[0]) assert.match(item.detail ?? '', /^In the task ledger, last seen /, 'each choice says the ledger knew it');
    } finally {
      restore();
      await api.accounts.remove(second.id);
    }
  });
});
