// Two windows over one ledger folder, each with its own ledger, lease and poller, against the sandbox:
// one of them polls, the other sees the results; vendor requests do not double; the other takes over.
import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../../src/model/logger';
import type { TaskKey } from '../../../src/model/task';
import type { PollScheduler } from '../../../src/polling/scheduler';
import { startSandbox, type RunningSandbox, type TrtcBulkTaskSet } from '../../../src/sandbox';
import { LedgerFile } from '../../../src/tasks/ledgerFile';
import { PollLease } from '../../../src/tasks/pollLease';
import { TaskLedger } from '../../../src/tasks/taskLedger';
import { bulkSourceLookup, steadyPoller } from '../../fixtures/bulkPolling';

const ACTION = 'DescribeCloudRecording';
const INTERVAL_MS = 1_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Window {
  readonly ledger: TaskLedger;
  readonly lease: PollLease;
  readonly scheduler: PollScheduler;
  close(): Promise<void>;
}

async function openWindow(sandbox: RunningSandbox, set: TrtcBulkTaskSet, dir: string): Promise<Window> {
  const ledger = new TaskLedger(
    new LedgerFile(dir, { logger: silentLogger, debounceMs: 20, minIntervalMs: 0 }),
    bulkSourceLookup(sandbox, set, 'w', 'W'),
    silentLogger,
  );
  await ledger.load();
  const lease = new PollLease({ dir, logger: silentLogger, renewMs: 100, staleMs: 400 });
  const scheduler = steadyPoller(ledger, INTERVAL_MS, { mayPoll: () => lease.held });
  lease.onDidChange(() => scheduler.wake());
  scheduler.start();
  await lease.start();
  return {
    ledger,
    lease,
    scheduler,
    close: async () => {
      scheduler.dispose();
      await lease.dispose();
      await ledger.flush();
      ledger.dispose();
    },
  };
}

const requests = (sandbox: RunningSandbox) => sandbox.stats.snapshot()[ACTION]?.requests ?? 0;

describe('two windows, one poller (sandbox)', function () {
  this.timeout(60_000);
  let sandbox: RunningSandbox;
  let dir: string;
  before(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  after(() => sandbox.close());
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mte-two-windows-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true, maxRetries: 5 }));

  it('polls once for both windows, both see every result, and the other window takes over when the poller closes', async () => {
    const set = sandbox.addBulkTasks({ product: 'trtc-recording', count: 10 }) as TrtcBulkTaskSet;
    const keys: TaskKey[] = set.taskIds.map((taskId) => ({ accountId: 'w', product: 'trtc-recording', taskId }));

    // One window alone: the baseline.
    const alone = await openWindow(sandbox, set, path.join(dir, 'alone'));
    keys.forEach((key, i) => alone.ledger.track(key, String(set.trtcSdkAppId), `bulk-room-${i + 1}`));
    let before = requests(sandbox);
    await sleep(3_000);
    const aloneRequests = requests(sandbox) - before;
    await alone.close();

    // Two windows over one folder: A tracks the tasks, B sees them through the journal.
    const shared = path.join(dir, 'shared');
    const a = await openWindow(sandbox, set, shared);
    const b = await openWindow(sandbox, set, shared);
    assert.equal(Number(a.lease.held) + Number(b.lease.held), 1, 'one window polls');
    keys.forEach((key, i) => a.ledger.track(key, String(set.trtcSdkAppId), `bulk-room-${i + 1}`));
    await a.ledger.flush();
    before = requests(sandbox);
    await sleep(3_000);
    const bothRequests = requests(sandbox) - before;
    assert.ok(aloneRequests >= keys.length * 2, `the poller ran alone (${aloneRequests} requests)`);
    assert.ok(bothRequests <= aloneRequests * 1.25, `two windows made ${bothRequests} requests, one alone ${aloneRequests}`);

    // Nothing lost: both windows hold every task with the poller's latest snapshot.
    const poller = a.lease.held ? a : b;
    const other = poller === a ? b : a;
    await poller.ledger.flush();
    await sleep(300);
    for (const key of keys) {
      const seen = other.ledger.get(key);
      assert.ok(seen && seen.task.status !== 'unknown', `${key.taskId} answered in the other window too`);
      assert.ok((poller.ledger.get(key)?.lastSeen ?? 0) - seen.lastSeen < 2_000, 'its snapshot is recent');
    }

    // The polling window closes: the other takes over and polls.
    await poller.close();
    await sleep(600);
    assert.equal(other.lease.held, true);
    before = requests(sandbox);
    await sleep(1_500);
    assert.ok(requests(sandbox) - before >= keys.length, 'the remaining window polls now');
    await other.close();
  });
});
