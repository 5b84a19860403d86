import { strict as assert } from 'node:assert';
import { nodeVendor, type AccountNode, type ProductNode, type RoomNode, type TaskNode } from '../../../src/tree/nodes';

describe('tree nodes: whose vendor a level is', () => {
  const zego: AccountNode = { kind: 'account', id: 'zego/z1', vendor: 'zego', accountId: 'z1' };
  const product: ProductNode = { kind: 'product', id: 'zego/z1/zego-recording', accountId: 'z1', product: 'zego-recording', parent: zego };
  const room: RoomNode = { kind: 'room', id: `${product.id}/r1`, accountId: 'z1', product: 'zego-recording', room: 'r1', parent: product };
  const task: TaskNode = { kind: 'task', id: `${room.id}/t1`, key: { accountId: 'z1', product: 'zego-recording', taskId: 't1' }, parent: room };

  it('labels a failing ZEGO level ZEGO at any depth, not Tencent', () => {
    for (const node of [zego, product, room, task]) assert.equal(nodeVendor(node), 'zego', node.kind);
    assert.equal(nodeVendor({ ...zego, vendor: 'tencent' }), 'tencent');
  });

  it('gives the account list, which belongs to no account, the default', () => {
    assert.equal(nodeVendor(undefined), 'tencent');
  });
});
