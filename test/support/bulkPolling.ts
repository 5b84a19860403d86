/**
 * Polling a sandbox's bulk TRTC recordings as a window would, shared by the polling benches and the
 * two-window test: the set's own account and sources, and a poller whose view is always shown.
 */
import { silentLogger } from '../../src/model/logger';
import type { TaskStore } from '../../src/model/taskStore';
import { PollScheduler, systemClock, type PollSchedulerOptions } from '../../src/polling/scheduler';
import type { RunningSandbox, TrtcBulkTaskSet } from '../../src/sandbox';
import type { SourceLookup } from '../../src/tasks/taskLedger';
import { createTaskSources } from '../../src/vendors/createTaskSources';

/** The set's task sources, as the ledger looks them up; `accountId` names the account the keys use. */
export function bulkSourceLookup(sandbox: RunningSandbox, set: TrtcBulkTaskSet, accountId: string, label: string): SourceLookup {
  const sources = createTaskSources(
    { id: accountId, vendor: 'tencent', label, site: 'intl', region: set.region, trtcSdkAppId: set.trtcSdkAppId, endpoint: sandbox.url },
    { vendor: 'tencent', secretId: set.secretId, secretKey: set.secretKey },
    { logger: silentLogger },
  );
  return async (_accountId, product) => {
    const source = sources.find((s) => s.product === product);
    if (!source) throw new Error(`no ${product} source`);
    return source;
  };
}

/** A poller on the real clock at a fixed interval, its window focused and its view shown unless `extra` says otherwise. */
export function steadyPoller(store: TaskStore, intervalMs: number, extra: Partial<PollSchedulerOptions> = {}): PollScheduler {
  return new PollScheduler({
    store,
    logger: silentLogger,
    clock: systemClock,
    watchedKeys: () => [],
    isViewVisible: () => true,
    isWindowFocused: () => true,
    intervalMs: () => intervalMs,
    notifications: () => 'off',
    ...extra,
  });
}
