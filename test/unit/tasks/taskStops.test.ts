// Stopping a task through the ledger, the vendor clients and the real sandbox: read-only refusal,
// one stop per task in flight, "stopping" at once, the vendor's state from the next query, one log line.
import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoAccountPlans, type DemoAccountPlan } from '../../../src/demo/demoPlans';
import type { Account } from '../../../src/model/account';
import type { Logger } from '../../../src/model/logger';
import { silentLogger } from '../../../src/model/logger';
import type { TaskKey, TaskStatus } from '../../../src/model/task';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { LedgerFile } from '../../../src/tasks/ledgerFile';
import { TaskLedger } from '../../../src/tasks/taskLedger';
import { ReadOnlyModeError, TaskStops } from '../../../src/tasks/taskStops';
import { createTaskSources } from '../../../src/vendors/createTaskSources';
import { createTaskStoppers } from '../../../src/vendors/createTaskStoppers';

function recordingLogger(lines: string[]): Logger {
  const push = (message: string | Error) => lines.push(String(message));
  return { trace: push, debug: () => undefined, info: push, warn: push, error: push };
}

describe('task stops over the ledger and the sandbox', function () {
  this.timeout(30_000);
  let sandbox: RunningSandbox;
  let dir: string;
  let plan: DemoAccountPlan;
  let account: Account;
  let ledger: TaskLedger;
  let readOnly: boolean;
  let lines: string[];
  let stops: TaskStops;

  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0 });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mte-stops-'));
    plan = demoAccountPlans(sandbox.demo(), sandbox.url)[0];
    account = { ...plan.account, id: 'acct' } as Account;
    const sources = createTaskSources(account, plan.secret, { logger: silentLogger });
    ledger = new TaskLedger(
      new LedgerFile(dir, { logger: silentLogger, debounceMs: 5 }),
      async (_id, product) => sources.find((s) => s.product === product)!,
      silentLogger,
    );
    readOnly = false;
    lines = [];
    stops = new TaskStops({
      accounts: { get: (id) => (id === account.id ? account : undefined), secret: async () => plan.secret },
      factory: (a, s) => createTaskStoppers(a, s, { logger: silentLogger }),
      prepare: async (a) => a,
      ledger,
      logger: recordingLogger(lines),
      readOnly: () => readOnly,
    });
  });

  afterEach(async () => {
    await ledger.flush();
    await sandbox.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** A demo relay that is in progress now (lanes are staggered, so one always is). */
  async function liveRelay(): Promise<TaskKey> {
    for (const taskId of plan.trtcRelayTaskIds) {
      const key = { accountId: account.id, product: 'trtc-relay' as const, taskId };
      ledger.track(key, '', 'relay-room');
      const entry = await ledger.refresh(key);
      if (entry.task.status === 'running') return key;
    }
    throw new Error('no demo relay is running');
  }

  const requests = (): number => sandbox.stats.snapshot().StopStreamIngest?.requests ?? 0;

  it('shows "stopping" at once, sends one stop, then records the vendor state; the log names account, task, RequestId and result', async () => {
    const key = await liveRelay();
    const seen: TaskStatus[] = [];
    const sub = ledger.onDidChange(() => seen.push(ledger.get(key)!.task.status));
    const result = await stops.stop(key);
    sub.dispose();
    assert.equal(result.kind, 'sent');
    assert.equal(seen[0], 'stopping', 'the first change is the local "stopping"');
    assert.equal(ledger.get(key)?.task.status, 'ended', 'then DescribeStreamIngest says NotExist');
    assert.equal(requests(), 1);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(
      lines[0],
      new RegExp(
        `StopStreamIngest account "${account.label}" \\(acct\\), trtc-relay task ${key.taskId.replace(/[+/]/g, '\\$&')} in room "relay-room": stopped \\(RequestId [0-9a-f-]{36}\\)`,
      ),
    );
    const secret = plan.secret.vendor === 'tencent' ? plan.secret.secretKey : plan.secret.serverSecret;
    assert.ok(!lines[0].includes(secret), 'no secret in the log');
  });

  it('a second stop while the first is in flight sends nothing', async () => {
    const key = await liveRelay();
    sandbox.faults.set({ latencyMs: 300 }, { action: 'StopStreamIngest' });
    const [first, second] = await Promise.all([stops.stop(key), stops.stop(key)]);
    assert.equal(first.kind, 'sent');
    assert.equal(second.kind, 'inFlight');
    assert.equal(requests(), 1);
    assert.equal(stops.isInFlight(key), false);
  });

  it('read-only mode refuses before anything is sent or marked', async () => {
    const key = await liveRelay();
    readOnly = true;
    await assert.rejects(stops.stop(key), ReadOnlyModeError);
    assert.equal(ledger.get(key)?.task.status, 'running');
    assert.equal(requests(), 0);
  });

  it('a task that is not running is not sent a stop', async () => {
    const key = await liveRelay();
    await stops.stop(key);
    const again = await stops.stop(key);
    assert.equal(again.kind, 'refused');
    assert.equal(requests(), 1);
  });

  it('a refused stop (CAM) leaves the task in the state the vendor reports, and says which permission', async () => {
    const key = await liveRelay();
    const ro = sandbox.demo().tencent[0].readOnlyKey;
    const roStops = new TaskStops({
      accounts: { get: () => account, secret: async () => ({ vendor: 'tencent', secretId: ro.secretId, secretKey: ro.secretKey }) },
      factory: (a, s) => createTaskStoppers(a, s, { logger: silentLogger }),
      prepare: async (a) => a,
      ledger,
      logger: recordingLogger(lines),
      readOnly: () => false,
    });
    const result = await roStops.stop(key);
    assert.equal(result.kind, 'refused');
    if (result.kind !== 'refused') return;
    assert.equal(result.error.code, 'AuthFailure.UnauthorizedOperation');
    assert.equal(result.stopper?.permission, 'trtc:StopStreamIngest');
    assert.equal(ledger.get(key)?.task.status, 'running', 're-queried after the refusal');
  });
});
