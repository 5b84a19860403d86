/**
 * Listing cost that should follow what can change (issue 12): a CSS first load over a busy day, a
 * 7-day CSS range, and refreshing one known ZEGO task, counted in requests at the sandbox through
 * the real vendor sources, `ListingPager` and `TaskLedger`. Each figure has a sandbox of its own, so
 * no other batch shares the listing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../src/model/logger';
import { isTerminal, type Task } from '../src/model/task';
import type { ListingSource } from '../src/model/taskSource';
import { startSandbox, type CssBulkTaskSet, type RunningSandbox, type ZegoBulkTaskSet } from '../src/sandbox';
import { LedgerFile } from '../src/tasks/ledgerFile';
import { listingEndMs, listingStartMs } from '../src/tasks/listingWindow';
import { TaskLedger } from '../src/tasks/taskLedger';
import { ListingPager } from '../src/tasks/listingPager';
import { createTaskSources } from '../src/vendors/createTaskSources';
import { atLeast, atMost, type Figure } from './figure';

const HOUR_MS = 3_600_000;
/** What the tree loads of CSS at a time (it answers oldest first inside a window). */
const CSS_BATCH = 500;
const CSS_PAGE_SIZE = 100;

function cssSource(sandbox: RunningSandbox, set: CssBulkTaskSet): ListingSource {
  return createTaskSources(
    {
      id: 'bench-css',
      vendor: 'tencent',
      label: 'Bench CSS',
      site: 'intl',
      region: set.region,
      cssEnabled: true,
      cssDomain: set.domainName,
      cssApp: set.appName,
      endpoint: sandbox.url,
    },
    { vendor: 'tencent', secretId: set.secretId, secretKey: set.secretKey },
    { logger: silentLogger },
  )[0] as ListingSource;
}

function zegoSource(sandbox: RunningSandbox, set: ZegoBulkTaskSet): ListingSource {
  return createTaskSources(
    { id: 'bench-zego', vendor: 'zego', label: 'Bench ZEGO', appId: set.appId, endpoint: sandbox.url },
    { vendor: 'zego', serverSecret: set.serverSecret },
    { logger: silentLogger },
  )[0] as ListingSource;
}

const requestsOf = (sandbox: RunningSandbox, action: string): number => sandbox.stats.snapshot()[action]?.requests ?? 0;

async function withSandbox<T>(work: (sandbox: RunningSandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({ port: 0 });
  try {
    return await work(sandbox);
  } finally {
    await sandbox.close();
  }
}

/** A pager over `hours` back from now, as the tree opens a CSS product, recording into `loaded`. */
function cssPager(source: ListingSource, hours: number, loaded: Map<string, Task>): ListingPager {
  const now = Date.now();
  const query = { startMs: listingStartMs(source, now, hours), endMs: listingEndMs(source, now), statuses: 'all' as const };
  return new ListingPager(source, query, (tasks) => tasks.forEach((t) => loaded.set(t.taskId, t)), CSS_BATCH);
}

/** 10,000 CSS tasks over the last 24 h, the newest 10 still running: what the first load brings. */
function cssFirstLoad(): Promise<Figure[]> {
  return withSandbox(async (sandbox) => {
    const now = Date.now();
    const set = sandbox.addBulkTasks({
      product: 'css',
      count: 10_000,
      startMs: now - 24 * HOUR_MS + 120_000,
      endMs: now - 60_000,
      running: 10,
    }) as CssBulkTaskSet;
    const source = cssSource(sandbox, set);
    const all = new Map<string, Task>();
    const full = cssPager(source, 24, all);
    while (full.hasMore) await full.loadMore();
    const newest = new Set(
      [...all.values()]
        .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0))
        .slice(0, CSS_BATCH)
        .map((t) => t.taskId),
    );
    const running = [...all.values()].filter((t) => !isTerminal(t.status)).length;

    const first = new Map<string, Task>();
    const before = requestsOf(sandbox, 'DescribeRecordTask');
    await cssPager(source, 24, first).loadMore();
    const requests = requestsOf(sandbox, 'DescribeRecordTask') - before;
    const loaded = [...first.values()];
    const runningLoaded = loaded.filter((t) => !isTerminal(t.status)).length;
    const newestLoaded = loaded.filter((t) => newest.has(t.taskId)).length;
    return [
      atLeast(
        'CSS, 10,000 tasks over 24 h, 10 running: running tasks in the first load',
        runningLoaded,
        `of ${running}`,
        running,
        `${loaded.length} tasks in the first load`,
      ),
      atLeast('CSS, 10,000 tasks over 24 h: of the newest 500, in the first load', newestLoaded, `of ${newest.size}`, newest.size),
      atMost('CSS, 10,000 tasks over 24 h: requests for the first load', requests, 'requests', 7, 'a newest-first lower bound is 1–7'),
    ];
  });
}

/** 7,000 CSS tasks over 7 days: requests to list the whole 7-day range, against the pages it holds. */
function cssSevenDays(): Promise<Figure> {
  return withSandbox(async (sandbox) => {
    const now = Date.now();
    const count = 7_000;
    const set = sandbox.addBulkTasks({ product: 'css', count, startMs: now - 7 * 24 * HOUR_MS + 15 * 60_000, endMs: now - 60_000 }) as CssBulkTaskSet;
    const loaded = new Map<string, Task>();
    const pager = cssPager(cssSource(sandbox, set), 7 * 24, loaded);
    const before = requestsOf(sandbox, 'DescribeRecordTask');
    while (pager.hasMore) await pager.loadMore();
    if (pager.error) throw pager.error;
    const requests = requestsOf(sandbox, 'DescribeRecordTask') - before;
    if (loaded.size !== count) throw new Error(`7-day listing found ${loaded.size} of ${count}`);
    const pages = Math.ceil(count / CSS_PAGE_SIZE);
    return atMost(
      `CSS 7-day range (${count.toLocaleString('en-US')} tasks): requests`,
      requests,
      'requests',
      pages,
      `${pages} pages of ${CSS_PAGE_SIZE} hold them`,
    );
  });
}

/** Refreshing one ended ZEGO task begun `hoursAgo` ago in a 10,000-task room over 2 days. */
function zegoRefresh(hoursAgo: number): Promise<Figure> {
  return withSandbox(async (sandbox) => {
    const set = sandbox.addBulkTasks({ product: 'zego', count: 10_000 }) as ZegoBulkTaskSet;
    const source = zegoSource(sandbox, set);
    const at = Date.now() - hoursAgo * HOUR_MS;
    let known: Task | undefined;
    for await (const page of source.list({ startMs: at - 60_000, endMs: at + 60_000, room: set.roomId, statuses: 'ended' })) {
      known ??= page[0];
    }
    if (!known) throw new Error(`no ZEGO task began around ${hoursAgo} h ago`);
    const dir = mkdtempSync(path.join(tmpdir(), 'mte-bench-zego-'));
    const ledger = new TaskLedger(new LedgerFile(dir, { logger: silentLogger }), async () => source, silentLogger);
    try {
      ledger.record([known]);
      // Every ZEGO request counts: a refresh asks DescribeRecordStatus for a known task (its files and
      // status), and DescribeTasks around its start when that cannot answer.
      const zegoRequests = (): number => requestsOf(sandbox, 'DescribeTasks') + requestsOf(sandbox, 'DescribeRecordStatus');
      const before = zegoRequests();
      await ledger.refresh(known);
      const requests = zegoRequests() - before;
      if (requests === 0) throw new Error('the refresh asked ZEGO nothing: the figure would count nothing');
      return atMost(`ZEGO refresh of a task begun ${hoursAgo} h ago (10,000 tasks over 2 days)`, requests, 'requests', 2, 'through TaskLedger.refresh');
    } finally {
      await ledger.flush();
      ledger.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

export async function newestFirstFigures(): Promise<Figure[]> {
  return [...(await cssFirstLoad()), await cssSevenDays(), await zegoRefresh(23), await zegoRefresh(47)];
}
