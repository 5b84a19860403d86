/**
 * Polling 100 running tracked TRTC recordings for 60 s with the extension's real scheduler, ledger
 * and vendor sources against the sandbox: requests the sandbox counted against the shared budget
 * (20 req/s for the action), and requests made while the view is hidden and nothing is watched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../src/model/logger';
import type { TaskKey } from '../src/model/task';
import type { PollScheduler } from '../src/polling/scheduler';
import type { RunningSandbox, TrtcBulkTaskSet } from '../src/sandbox';
import { LedgerFile } from '../src/tasks/ledgerFile';
import { TaskLedger } from '../src/tasks/taskLedger';
import { bulkSourceLookup, steadyPoller } from '../test/fixtures/bulkPolling';
import { atMost, type Figure } from './figure';

const ACTION = 'DescribeCloudRecording';
const LIMIT_PER_SECOND = 20;
const INTERVAL_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function ledgerFor(sandbox: RunningSandbox, set: TrtcBulkTaskSet, dir: string): TaskLedger {
  return new TaskLedger(new LedgerFile(dir, { logger: silentLogger }), bulkSourceLookup(sandbox, set, 'bench-poll', 'Bench polling'), silentLogger);
}

/** Counts the sandbox's requests for the action while `scheduler` runs for `ms`. */
async function requestsWhile(sandbox: RunningSandbox, scheduler: PollScheduler, ms: number): Promise<{ requests: number; rateLimited: number }> {
  const before = sandbox.stats.snapshot()[ACTION] ?? { requests: 0, rateLimited: 0 };
  scheduler.start();
  await sleep(ms);
  scheduler.dispose();
  const after = sandbox.stats.snapshot()[ACTION] ?? { requests: 0, rateLimited: 0 };
  return { requests: after.requests - before.requests, rateLimited: after.rateLimited - before.rateLimited };
}

function scheduler(ledger: TaskLedger, visible: boolean): PollScheduler {
  return steadyPoller(ledger, INTERVAL_MS, { isViewVisible: () => visible });
}

export async function pollingFigures(sandbox: RunningSandbox, seconds = 60): Promise<Figure[]> {
  const set = sandbox.addBulkTasks({ product: 'trtc-recording', count: 100 }) as TrtcBulkTaskSet;
  const dir = mkdtempSync(path.join(tmpdir(), 'mte-bench-poll-'));
  try {
    const keys: TaskKey[] = set.taskIds.map((taskId) => ({ accountId: 'bench-poll', product: 'trtc-recording', taskId }));
    // Tracked (pinned) tasks are watched whatever the view shows.
    const tracked = ledgerFor(sandbox, set, path.join(dir, 'tracked'));
    keys.forEach((key, i) => tracked.track(key, String(set.trtcSdkAppId), `bulk-room-${i + 1}`));
    const watched = await requestsWhile(sandbox, scheduler(tracked, true), seconds * 1000);
    const stillRunning = tracked.running().length;

    // The same tasks, listed rather than pinned, with the view hidden: nothing may be polled.
    const unwatched = ledgerFor(sandbox, set, path.join(dir, 'unwatched'));
    unwatched.record(tracked.all().map((entry) => entry.task));
    const hidden = await requestsWhile(sandbox, scheduler(unwatched, false), 3 * INTERVAL_MS);
    tracked.dispose();
    unwatched.dispose();

    const budget = LIMIT_PER_SECOND * seconds;
    return [
      atMost(
        `Polling 100 running tracked tasks for ${seconds} s: requests ÷ budget`,
        watched.requests / budget,
        'ratio',
        0.8,
        `${watched.requests} requests of a ${budget}-request budget (${LIMIT_PER_SECOND}/s × ${seconds} s), ${watched.rateLimited} rate-limited, ${stillRunning} still running at the end; one ${seconds} s run (the count is set by the schedule, not by timing noise)`,
      ),
      atMost(
        'Polling while the view is hidden and nothing is watched',
        hidden.requests,
        'requests',
        0,
        `over ${(3 * INTERVAL_MS) / 1000} s, 100 running tasks in the ledger`,
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
