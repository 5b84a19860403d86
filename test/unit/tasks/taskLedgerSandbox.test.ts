// The TaskStore over real task sources (the vendor clients) against the real sandbox.
import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoAccountPlans, type DemoAccountPlan } from '../../../src/demo/demoPlans';
import type { Account } from '../../../src/model/account';
import { silentLogger } from '../../../src/model/logger';
import type { Product } from '../../../src/model/task';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { LedgerFile } from '../../../src/tasks/ledgerFile';
import { TaskLedger } from '../../../src/tasks/taskLedger';
import { createTaskSources } from '../../../src/vendors/createTaskSources';

describe('task ledger over the sandbox', function () {
  this.timeout(30_000);
  let sandbox: RunningSandbox;
  let dir: string;
  let plan: DemoAccountPlan;
  let account: Account;
  let ledger: TaskLedger;

  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0 });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mte-ledger-sb-'));
    plan = demoAccountPlans(sandbox.demo(), sandbox.url)[0];
    account = { ...plan.account, id: 'acct' } as Account;
    const sources = createTaskSources(account, plan.secret, { logger: silentLogger });
    const sourceFor = async (_id: string, product: Product) => sources.find((s) => s.product === product)!;
    ledger = new TaskLedger(new LedgerFile(dir, { logger: silentLogger, debounceMs: 5 }), sourceFor, silentLogger);
  });

  afterEach(async () => {
    await ledger.flush();
    await sandbox.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('turns a tracked TRTC task into the vendor snapshot', async () => {
    // Demo lanes are staggered over a 10-minute cycle, so at any moment some current task is live
    // (the sandbox's own tests check that); which one depends on the wall clock.
    const live: string[] = [];
    for (const taskId of plan.trtcRecordingTaskIds) {
      const key = { accountId: account.id, product: 'trtc-recording' as const, taskId };
      ledger.track(key, '1', 'lobby');
      const entry = await ledger.refresh(key).catch(() => undefined);
      if (!entry || !['starting', 'running', 'stopping'].includes(entry.task.status)) continue;
      assert.equal(entry.task.room, 'lobby');
      assert.equal(entry.pinned, true);
      assert.deepEqual(
        entry.history.map((h) => h.status),
        [entry.task.status],
      );
      live.push(taskId);
    }
    assert.ok(live.length > 0, 'one of the demo recordings is live now');
  });

  it('does not bring back a task forgotten while its refresh was under way', async () => {
    const key = { accountId: account.id, product: 'trtc-relay' as const, taskId: plan.trtcRelayTaskIds[0] };
    ledger.track(key, '1', '');
    const refreshing = ledger.refresh(key);
    await ledger.forget(key);
    await refreshing;
    assert.equal(ledger.get(key), undefined);
  });

  it('records a GME room: its current task now, and that task as ended once the room has another or none', async () => {
    const [source] = createTaskSources(account, plan.secret, { logger: silentLogger }).filter((s) => s.product === 'gme');
    assert.ok(source.kind === 'byRoom');
    // Which demo room records right now depends on the wall clock; some always does.
    let room = '';
    let current: Awaited<ReturnType<typeof source.describeRoom>>;
    for (const candidate of plan.gmeRoomIds) {
      current = await source.describeRoom(candidate);
      room = candidate;
      if (current) break;
    }
    assert.ok(current, 'a demo room records now');
    await ledger.recordRoom(account.id, 'gme', room, current);
    assert.equal(ledger.get(current)?.task.status, 'running');
    await ledger.recordRoom(account.id, 'gme', room, undefined);
    assert.equal(ledger.get(current)?.task.status, 'ended');
    assert.equal(ledger.get(current)?.task.rawStatus, 'NotCurrent');
  });
});
