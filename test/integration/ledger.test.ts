// The ledger in a real VS Code: written to globalStorage, read back by a fresh ledger (a reload).
import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/model/logger';
import { LedgerFile } from '../../src/tasks/ledgerFile';
import { TaskLedger } from '../../src/tasks/taskLedger';
import { accountNode, addDemoAccounts, childrenOf, eventually, mediaTasks } from './support/mediaTasks';

const unavailable = async (): Promise<never> => {
  throw new Error('no sources in a read-back ledger');
};

describe('task ledger (real VS Code)', function () {
  this.timeout(120_000);

  it('persists what the tree listed, without secrets, and a fresh ledger reads it back', async () => {
    const api = await mediaTasks();
    const { tencent, plans } = await addDemoAccounts(api);
    const products = await childrenOf(api, await accountNode(api, tencent.id));
    const css = products.find((p) => p.kind === 'product' && p.product === 'css')!;
    await childrenOf(api, css);
    const listed = api.ledger.entriesOf(tencent.id);
    assert.ok(listed.length > 0);
    await api.ledger.flush();

    const text = await fs.readFile(api.ledgerPath, 'utf8');
    const secret = plans[0].secret;
    assert.ok(secret.vendor === 'tencent');
    assert.ok(!text.includes(secret.secretKey), 'the ledger holds no SecretKey');
    assert.ok(!text.includes(secret.secretId), 'the ledger holds no SecretId');

    const reloaded = new TaskLedger(new LedgerFile(path.dirname(api.ledgerPath), { logger: silentLogger }), unavailable, silentLogger);
    await reloaded.load();
    for (const entry of listed) assert.deepEqual(reloaded.get(entry)?.task.taskId, entry.taskId);
    assert.deepEqual(
      reloaded
        .pinnedRooms(tencent.id, 'gme')
        .map((r) => r.room)
        .sort(),
      api.ledger
        .pinnedRooms(tencent.id, 'gme')
        .map((r) => r.room)
        .sort(),
    );
    reloaded.dispose();
  });

  it('forgets a task for good: gone from the tree and, after the write, from what the file loads', async () => {
    const api = await mediaTasks();
    const { tencent } = await addDemoAccounts(api);
    const entry = api.ledger.entriesOf(tencent.id, 'trtc-relay')[0];
    assert.ok(entry);
    await api.ledger.forget(entry);
    assert.equal(api.ledger.get(entry), undefined);
    await api.ledger.flush();
    await eventually(async () => {
      const reloaded = new TaskLedger(new LedgerFile(path.dirname(api.ledgerPath), { logger: silentLogger }), unavailable, silentLogger);
      await reloaded.load();
      reloaded.dispose();
      return reloaded.get(entry) === undefined;
    }, 'the forgotten task to stay forgotten on reload');
  });

  it('backs up a corrupted ledger file and keeps going', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mte-int-ledger-'));
    try {
      await fs.writeFile(path.join(dir, 'ledger.json'), '{"version":1,"tasks":[{"half');
      const ledger = new TaskLedger(new LedgerFile(dir, { logger: silentLogger }), unavailable, silentLogger);
      const loaded = await ledger.load();
      assert.ok(loaded.backupPath && (await fs.readFile(loaded.backupPath, 'utf8')).startsWith('{"version":1'));
      assert.equal(ledger.all().length, 0);
      await ledger.flush();
      ledger.dispose();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
