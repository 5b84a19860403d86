// Add Room… in a real VS Code: the room row is revealed whatever GME answers, and says what GME said.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/nodes';
import { CommandIds } from '../../src/ids/commands';
import { accountNode, addDemoAccounts, childrenOf, eventually, mediaTasks } from './support/mediaTasks';

describe('Add Room… (real VS Code, sandbox)', function () {
  this.timeout(120_000);

  it('reveals a room GME does not know (RoomNotFound) as "no task running", and one GME rejects with its error and Retry', async () => {
    const api = await mediaTasks();
    const { tencent } = await addDemoAccounts(api);
    const gme = (await childrenOf(api, await accountNode(api, tencent.id))).find((p) => p.kind === 'product' && p.product === 'gme');
    assert.ok(gme, 'the demo account has GME');
    // As a user has it: the GME product expanded in the view, so VS Code holds its rows.
    await api.view.view.reveal(gme, { expand: true, select: false, focus: false });
    await new Promise((r) => setTimeout(r, 1000));

    const unknown = `typo-room-${Date.now()}`;
    // The sandbox rejects a room id over 127 characters with InvalidParameterValue.InvalidRoomId.
    const rejected = `r${'x'.repeat(199)}`;
    for (const room of [unknown, rejected]) {
      api.ledger.pinRoom(tencent.id, 'gme', room);
      // On main this threw "Cannot resolve tree item for element 1/tencent/…/gme/…": VS Code looked
      // the row up among the product's cached rows, which did not have the room yet.
      assert.equal(await api.view.revealRoom(tencent.id, 'gme', room), true, `room ${room.slice(0, 20)}… is not in the tree`);
      const selected = api.view.view.selection[0];
      assert.ok(selected?.kind === 'room' && selected.room === room, `the revealed row is not the room: ${selected?.id}`);
    }

    const rowOf = async (room: string): Promise<Extract<TreeNode, { kind: 'room' }>> => {
      const node = (await childrenOf(api, gme)).find((n) => n.kind === 'room' && n.room === room);
      assert.ok(node && node.kind === 'room');
      return node;
    };
    const unknownRow = await rowOf(unknown);
    const unknownChildren = await childrenOf(api, unknownRow);
    assert.equal(api.tree.getTreeItem(unknownRow).description, 'no task running');
    assert.deepEqual(
      unknownChildren.map((c) => c.kind),
      ['placeholder'],
    );

    const rejectedRow = await rowOf(rejected);
    const [errorRow] = await childrenOf(api, rejectedRow);
    assert.ok(errorRow?.kind === 'error', `GME's rejection is not an error row: ${errorRow?.kind}`);
    assert.match(errorRow.summary, /InvalidParameterValue\.InvalidRoomId/);
    const errorItem = api.tree.getTreeItem(errorRow);
    assert.equal(errorItem.command?.command, CommandIds.retry, 'the error row retries on click');
    await eventually(
      () => /^failed: InvalidParameterValue\.InvalidRoomId$/.test(String(api.tree.getTreeItem(rejectedRow).description)),
      'the room row to say GME rejected it',
    );

    api.ledger.unpinRoom(tencent.id, 'gme', unknown);
    api.ledger.unpinRoom(tencent.id, 'gme', rejected);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
