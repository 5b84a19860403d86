/**
 * The ledger at 10,000 and 100,000 entries (issue 12): loading it at activation, one save after one
 * changed task, the reads one product level of the tree makes (200 rooms), its size on disk, and
 * polling 100 running tasks next to the idle entries (saves, bytes, CPU, event-loop delay), all
 * through the real `TaskLedger`, `LedgerFile`, poll scheduler and vendor sources against the sandbox.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { silentLogger } from '../src/model/logger';
import type { Task, TaskKey } from '../src/model/task';
import type { RunningSandbox, TrtcBulkTaskSet } from '../src/sandbox';
import { countByProduct } from '../src/status/model';
import { plainLocalizer } from '../src/display/localize';
import type { ZegoAccount } from '../src/model/account';
import { NO_FILTER, type TaskFilter } from '../src/tree/filter';
import type { RoomNode, TreeNode } from '../src/tree/nodes';
import { TaskTreeModel } from '../src/tree/taskTreeModel';
import { TaskLoader } from '../src/tasks/taskLoader';
import { LedgerFile } from '../src/tasks/ledgerFile';
import { TaskLedger, type SourceLookup } from '../src/tasks/taskLedger';
import { bulkSourceLookup, steadyPoller } from '../test/fixtures/bulkPolling';
import { atMost, median, type Figure } from './figure';
import { bytesWritten, withLoopDelay, withStalls } from './measure';

export const SIZES = [10_000, 100_000] as const;
const ROOMS = 200;
const ACCOUNT = 'bench-ledger';
const PRODUCT = 'zego-recording';
const BENCH_ACCOUNT: ZegoAccount = { id: ACCOUNT, label: 'Bench', vendor: 'zego', appId: 1 };
const POLL_SECONDS = 30;
const INTERVAL_MS = 10_000;

const noSources: SourceLookup = () => Promise.reject(new Error('this ledger makes no requests'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const count = (n: number) => n.toLocaleString('en-US');

/** `n` distinct entries shaped like real listed ones (copies of `base` under new ids), over 200 rooms. */
export function idleTasks(base: readonly Task[], n: number): Task[] {
  return Array.from({ length: n }, (_, i) => {
    const t = base[i % base.length];
    return { ...t, accountId: ACCOUNT, taskId: `${t.taskId}-${Math.floor(i / base.length)}`, room: `room-${i % ROOMS}` };
  });
}

function dirSize(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
}

function openLedger(dir: string, sourceFor: SourceLookup = noSources): { ledger: TaskLedger; file: LedgerFile } {
  const file = new LedgerFile(dir, { logger: silentLogger });
  return { ledger: new TaskLedger(file, sourceFor, silentLogger), file };
}

/** Writes a ledger of `tasks` to `dir` and waits until it is on disk. */
async function writeLedger(dir: string, tasks: readonly Task[]): Promise<void> {
  const { ledger } = openLedger(dir);
  for (let i = 0; i < tasks.length; i += 1000) ledger.record(tasks.slice(i, i + 1000));
  await ledger.flush();
  ledger.dispose();
}

/**
 * What the tree reads for one product level with `ROOMS` room rows, through the tree's own model:
 * the product row's count, the level's children (its room list; day groups opened when it
 * groups), then each room row's entries (its description and tooltip, what `buildTreeItem` asks).
 * The loader is the real one; its listing fails at once (this ledger makes no requests), which the
 * level shows as an error row above its rooms: only the reads are timed.
 */
async function productLevelReads(model: TaskTreeModel): Promise<number> {
  const rooms: RoomNode[] = [];
  const open = async (node: TreeNode): Promise<void> => {
    for (const child of await model.children(node)) {
      if (child.kind === 'room') rooms.push(child);
      else if (child.kind === 'dayGroup') await open(child);
    }
  };
  const product = (await model.children(model.accountNode(BENCH_ACCOUNT))).find((n) => n.kind === 'product' && n.product === PRODUCT);
  if (!product) throw new Error(`the account shows no ${PRODUCT} level`);
  await open(product);
  if (model.productCount(ACCOUNT, PRODUCT) === 0) throw new Error('the product row counts no task');
  let rows = 0;
  for (const room of rooms) rows += model.roomEntriesShown(room.accountId, room.product, room.room).length > 0 ? 1 : 0;
  return rows;
}

function treeModel(ledger: TaskLedger, now: number, filter: TaskFilter = NO_FILTER): TaskTreeModel {
  return new TaskTreeModel({
    accounts: { list: () => [BENCH_ACCOUNT], get: (id) => (id === ACCOUNT ? BENCH_ACCOUNT : undefined) },
    ledger,
    loader: new TaskLoader({ ledger, source: noSources, listingHours: () => 24, now: () => now }),
    filter: { get: () => filter },
    l10n: plainLocalizer,
    defaultHours: () => 24,
    now: () => now,
    progress: (work) => work,
    logWarning: () => undefined,
  });
}

async function sizeFigures(base: readonly Task[], size: number, runs: number): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mte-bench-ledger-'));
  try {
    const tasks = idleTasks(base, size);
    await writeLedger(dir, tasks);
    const onDisk = dirSize(dir);

    const loads: { blocking: number; total: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const { ledger } = openLedger(dir);
      const run = await withStalls(() => ledger.load());
      if (ledger.all().length !== size) throw new Error(`loaded ${ledger.all().length} of ${size} entries`);
      loads.push({ blocking: run.longestStallMs, total: run.elapsedMs });
      ledger.dispose();
    }

    const { ledger, file } = openLedger(dir);
    await ledger.load();
    const saves: { blocking: number; bytes: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const changed = { ...tasks[i], status: 'failed' as const, rawStatus: `bench-${i}`, observedAt: Date.now() };
      const before = bytesWritten();
      const run = await withStalls(async () => {
        ledger.record([changed]);
        await file.flush();
      });
      saves.push({ blocking: run.longestStallMs, bytes: bytesWritten() - before });
    }
    const entryBytes = Buffer.byteLength(JSON.stringify(ledger.get(tasks[0])));

    /** Median ms of the product level's reads under `filter` (a filter every entry matches, so all rooms show). */
    let changes = 0;
    const firstReads: number[] = [];
    const levelReads = async (filter: TaskFilter): Promise<number> => {
      const model = treeModel(ledger, Date.now(), filter);
      // The first read under a filter is a pass over every entry (and the listing's one failed load).
      const first = performance.now();
      await productLevelReads(model);
      firstReads.push(performance.now() - first);
      const reads: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Each read follows a change, as a redraw follows a poll's answer: nothing computed before it stands.
        const revision = ledger.revision;
        ledger.record([{ ...tasks[i], rawStatus: `bench-read-${changes++}`, observedAt: Date.now() }]);
        if (ledger.revision === revision) throw new Error('the change before a read left the ledger as it was');
        const started = performance.now();
        const rows = await productLevelReads(model);
        reads.push(performance.now() - started);
        if (rows !== ROOMS) throw new Error(`product level showed ${rows} of ${ROOMS} rooms`);
      }
      return median(reads);
    };
    const unfiltered = await levelReads(NO_FILTER);
    // The costlier case: a text filter (each entry's id, room, status, app and file names are read).
    const filtered = await levelReads({ text: 'room-' });
    ledger.dispose();

    const at = `at ${count(size)} entries`;
    const saveBytes = median(saves.map((s) => s.bytes));
    return [
      atMost(
        `Ledger load at activation ${at}: longest event-loop block`,
        median(loads.map((l) => l.blocking)),
        'ms',
        100,
        `median of ${runs} loads; whole load ${Math.round(median(loads.map((l) => l.total)))} ms`,
      ),
      atMost(
        `One save after one changed task ${at}: bytes written ÷ the entry's size`,
        saveBytes / entryBytes,
        'ratio',
        4,
        `${count(saveBytes)} bytes written for a ${entryBytes}-byte entry (ledger ${count(onDisk)} bytes); median of ${runs}`,
      ),
      atMost(
        `One save after one changed task ${at}: longest event-loop block`,
        median(saves.map((s) => s.blocking)),
        'ms',
        10,
        `record + write, median of ${runs}`,
      ),
      atMost(
        `Product with ${ROOMS} rooms ${at}: ledger reads for its children and room rows`,
        unfiltered,
        'ms',
        50,
        `median of ${runs} reads, each after one task changed, through the tree model (TaskTreeModel), no filter: the ledger index's room summaries`,
      ),
      atMost(
        `Product with ${ROOMS} rooms ${at}, a text filter set: reads for its children and room rows`,
        filtered,
        'ms',
        50,
        `median of ${runs} reads, each after one task changed: only the changed room is filtered again (search text kept per snapshot); the first read after the filter was set, a pass over every entry: ${Math.round(firstReads[1])} ms`,
      ),
      atMost(`Ledger size on disk ${at}`, onDisk / size, 'B/entry', 700, `${count(onDisk)} bytes; bounded by retention: see the retention figure`),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface PollRun {
  readonly savesPerMinute: number;
  readonly bytesPerMinute: number;
  readonly cpuShare: number;
  readonly p99Ms: number;
}

/** Polls the 100 tracked running recordings for `POLL_SECONDS` next to `idle` ledger entries. */
async function pollNextTo(sandbox: RunningSandbox, set: TrtcBulkTaskSet, idle: readonly Task[]): Promise<PollRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mte-bench-pollidle-'));
  try {
    await writeLedger(dir, idle);
    const { ledger, file } = openLedger(dir, bulkSourceLookup(sandbox, set, 'bench-poll', 'Bench polling'));
    await ledger.load();
    const keys: TaskKey[] = set.taskIds.map((taskId) => ({ accountId: 'bench-poll', product: 'trtc-recording', taskId }));
    keys.forEach((key, i) => ledger.track(key, String(set.trtcSdkAppId), `bulk-room-${i + 1}`));
    await ledger.flush();
    // The status bar's reading on every change, as its controller does.
    const statusBar = ledger.onDidChange(() => countByProduct(ledger.running()));
    let saves = 0;
    let bytes = 0;
    const counting = file.onDidWrite((write) => {
      saves++;
      bytes += write.bytes;
    });
    const scheduler = steadyPoller(ledger, INTERVAL_MS);
    const run = await withLoopDelay(async () => {
      scheduler.start();
      await sleep(POLL_SECONDS * 1000);
      scheduler.dispose();
      await ledger.flush();
    });
    counting.dispose();
    statusBar.dispose();
    ledger.dispose();
    const perMinute = 60 / POLL_SECONDS;
    return { savesPerMinute: saves * perMinute, bytesPerMinute: bytes * perMinute, cpuShare: run.cpuShare, p99Ms: run.p99Ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pollingFigures(sandbox: RunningSandbox, base: readonly Task[]): Promise<Figure[]> {
  const set = sandbox.addBulkTasks({ product: 'trtc-recording', count: 100 }) as TrtcBulkTaskSet;
  const alone = await pollNextTo(sandbox, set, []);
  const figures: Figure[] = [];
  for (const size of SIZES) {
    const run = await pollNextTo(sandbox, set, idleTasks(base, size));
    const at = `+${count(size)} idle entries`;
    figures.push(
      atMost(
        `Saves while polling 100 running tasks, ${at}`,
        run.savesPerMinute,
        'saves/min',
        6,
        `${(run.bytesPerMinute / 1e6).toFixed(1)} MB/min written (+0 entries: ${alone.savesPerMinute} saves, ${(alone.bytesPerMinute / 1e6).toFixed(1)} MB/min); one ${POLL_SECONDS} s run at a ${INTERVAL_MS / 1000} s interval`,
      ),
      atMost(
        `Polling 100 tasks, ${at}: CPU ÷ CPU with no idle entries`,
        run.cpuShare / alone.cpuShare,
        'ratio',
        1.5,
        `${Math.round(run.cpuShare * 100)} % vs ${Math.round(alone.cpuShare * 100)} % of a core (sandbox in the same process)`,
      ),
      atMost(`Polling 100 tasks, ${at}: event-loop delay p99`, run.p99Ms, 'ms', 20, `monitorEventLoopDelay over ${POLL_SECONDS} s`),
    );
  }
  return figures;
}

/** Every ledger-scale figure; `base` are real listed tasks the idle entries are copied from. */
export async function ledgerScaleFigures(sandbox: RunningSandbox, base: readonly Task[], runs = 3): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const size of SIZES) figures.push(...(await sizeFigures(base, size, runs)));
  figures.push(...(await pollingFigures(sandbox, base)));
  return figures;
}
