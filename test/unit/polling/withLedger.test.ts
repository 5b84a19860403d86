/**
 * The poller against the real `TaskLedger` (src/tasks), with a TRTC source that answers "running"
 * and then fails the way TRTC does once a task has ended: the ledger marks the task ended, the
 * poller notifies once and stops polling it.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { TencentAccount } from '../../../src/model/account';
import { MediaApiError } from '../../../src/model/errors';
import { silentLogger } from '../../../src/model/logger';
import type { Task } from '../../../src/model/task';
import type { TaskIdSource } from '../../../src/model/taskSource';
import type { StatusChange } from '../../../src/polling/notify';
import { PollScheduler } from '../../../src/polling/scheduler';
import { LedgerFile } from '../../../src/tasks/ledgerFile';
import { TaskLedger } from '../../../src/tasks/taskLedger';
import { makeTask, NOW } from '../../fixtures/webview';
import { FakeClock } from '../../fixtures/fakeClock';

describe('poll scheduler with the real task ledger', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'mte-poll-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sees a TRTC task end through the ledger, notifies once, and stops polling it', async () => {
    const clock = new FakeClock(NOW);
    const account: TencentAccount = { id: 'acc-1', label: 'Test', vendor: 'tencent', site: 'intl', region: 'ap-singapore', trtcSdkAppId: 1400188366 };
    const answers: Array<() => Task> = [
      () => makeTask({ observedAt: clock.now() }),
      () => {
        throw new MediaApiError({
          vendor: 'tencent',
          action: 'DescribeCloudRecording',
          kind: 'taskEnded',
          code: 'InvalidParameter.TaskId',
          message: 'task not exist',
          retryable: false,
        });
      },
    ];
    let calls = 0;
    const source: TaskIdSource = {
      kind: 'byTaskId',
      account,
      product: 'trtc-recording',
      probe: async () => undefined,
      describeTask: async () => answers[Math.min(calls++, answers.length - 1)]!(),
      findTask: async () => undefined,
    };
    const ledger = new TaskLedger(
      new LedgerFile(dir, { logger: silentLogger, debounceMs: 0 }),
      async () => source,
      silentLogger,
      () => clock.now(),
    );
    const tracked = ledger.track({ accountId: 'acc-1', product: 'trtc-recording', taskId: makeTask().taskId }, '1400188366', 'room-42');
    const notified: StatusChange[] = [];
    const scheduler = new PollScheduler({
      store: ledger,
      logger: silentLogger,
      clock,
      watchedKeys: () => [],
      isViewVisible: () => false,
      isWindowFocused: () => true,
      intervalMs: () => 10_000,
      notifications: () => 'ended',
      onNotify: (change) => notified.push(change),
    });
    try {
      scheduler.start();
      await clock.advance(10_000);
      assert.equal(ledger.get(tracked)!.task.status, 'running');
      await clock.advance(10_000);
      assert.equal(ledger.get(tracked)!.task.status, 'ended');
      assert.deepEqual(
        notified.map((n) => [n.previous, n.entry.task.status]),
        [['running', 'ended']],
      );
      assert.equal(clock.nextDelay(), undefined, 'nothing left to poll: the timer is gone');
      await clock.advance(100_000);
      assert.equal(calls, 2);
    } finally {
      scheduler.dispose();
      await ledger.flush();
      ledger.dispose();
    }
  });
});
