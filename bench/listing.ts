/**
 * Listing 10,000 tasks through the real vendor sources against the in-process sandbox, whose
 * rate limiter is the referee: elapsed time against the floor the documented limit allows
 * (requests ÷ limit), the rate-limit errors the sandbox counted, and the heap the result costs.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { performance } from 'node:perf_hooks';
import type { Account, AccountSecret } from '../src/model/account';
import { silentLogger } from '../src/model/logger';
import type { Task } from '../src/model/task';
import type { ListingSource } from '../src/model/taskSource';
import type { CssBulkTaskSet, RunningSandbox, ZegoBulkTaskSet } from '../src/sandbox';

type ListingSet = CssBulkTaskSet | ZegoBulkTaskSet;
import { createTaskSources } from '../src/vendors/createTaskSources';
import { atMost, median, type Figure } from './figure';

const TASKS = 10_000;

interface ListingRun {
  readonly seconds: number;
  readonly requests: number;
  readonly rateLimited: number;
  readonly tasks: readonly Task[];
}

function accountFor(sandbox: RunningSandbox, set: ListingSet): { account: Account; secret: AccountSecret } {
  if (set.product === 'css') {
    return {
      account: {
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
      secret: { vendor: 'tencent', secretId: set.secretId, secretKey: set.secretKey },
    };
  }
  return {
    account: { id: 'bench-zego', vendor: 'zego', label: 'Bench ZEGO', appId: set.appId, endpoint: sandbox.url },
    secret: { vendor: 'zego', serverSecret: set.serverSecret },
  };
}

async function listOnce(sandbox: RunningSandbox, set: ListingSet, action: string): Promise<ListingRun> {
  const { account, secret } = accountFor(sandbox, set);
  const source = createTaskSources(account, secret, { logger: silentLogger })[0] as ListingSource;
  const room = set.product === 'css' ? set.streamName : set.roomId;
  const before = sandbox.stats.snapshot()[action] ?? { requests: 0, rateLimited: 0 };
  const tasks: Task[] = [];
  const started = performance.now();
  for await (const page of source.list({ startMs: set.startMs - 60_000, endMs: set.endMs, room, statuses: 'ended' })) {
    tasks.push(...page);
  }
  const seconds = (performance.now() - started) / 1000;
  const after = sandbox.stats.snapshot()[action];
  if (tasks.length !== set.count) throw new Error(`${action}: listed ${tasks.length} of ${set.count} tasks`);
  return {
    seconds,
    requests: after.requests - before.requests,
    rateLimited: after.rateLimited - before.rateLimited,
    tasks,
  };
}

/** Median of `runs` listings, each compared with its own floor of requests ÷ limit. */
export async function listingFigure(sandbox: RunningSandbox, product: 'css' | 'zego', runs: number): Promise<Figure[]> {
  const set = sandbox.addBulkTasks({ product, count: TASKS }) as ListingSet;
  const action = product === 'css' ? 'DescribeRecordTask' : 'DescribeTasks';
  const limit = product === 'css' ? 20 : 10;
  const ratios: number[] = [];
  let rateLimited = 0;
  let requests = 0;
  for (let i = 0; i < runs; i++) {
    const run = await listOnce(sandbox, set, action);
    ratios.push(run.seconds / (run.requests / limit));
    rateLimited += run.rateLimited;
    requests = run.requests;
  }
  const name = product === 'css' ? 'List 10,000 CSS tasks' : 'List 10,000 ZEGO tasks';
  return [
    atMost(`${name}: elapsed ÷ (requests ÷ ${limit}/s)`, median(ratios), 'ratio', 1.05, `median of ${runs} runs, ${requests} requests each`),
    atMost(`${name}: rate-limit errors at the sandbox`, rateLimited, 'errors', 0, `over ${runs} runs`),
  ];
}

function forceGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Heap kept after listing 10,000 ZEGO tasks and holding them, GC forced before and after; also
 * returns the last listing's tasks for the tree figures.
 */
export async function heapFigure(sandbox: RunningSandbox, runs: number): Promise<{ figure: Figure; tasks: readonly Task[] }> {
  const gc = forceGc();
  const set = sandbox.addBulkTasks({ product: 'zego', count: TASKS }) as ZegoBulkTaskSet;
  const growth: number[] = [];
  let tasks: readonly Task[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const run = await listOnce(sandbox, set, 'DescribeTasks');
    gc();
    const after = process.memoryUsage().heapUsed;
    if (run.tasks.length !== TASKS) throw new Error('listing lost tasks');
    growth.push((after - before) / 1024 / 1024);
    tasks = run.tasks;
  }
  return { figure: atMost('Heap growth holding 10,000 listed tasks', median(growth), 'MB', 30, `median of ${runs} runs, GC forced`), tasks };
}
