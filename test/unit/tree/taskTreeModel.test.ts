// The tree as a projection of ledger entries and load states, under plain mocha: a real TaskLedger
// (on a temporary folder) and the real TaskLoader, over in-memory task sources for each way a
// product is asked (listing pages, pinned rooms, tracked task ids).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { plainLocalizer } from '../../../src/display/localize';
import type { Account } from '../../../src/model/account';
import { MediaApiError } from '../../../src/model/errors';
import { silentLogger } from '../../../src/model/logger';
import type { Product, Task } from '../../../src/model/task';
import type { ListingSource, RoomSource, TaskIdSource, TaskSource } from '../../../src/model/taskSource';
import { LedgerFile } from '../../../src/tasks/ledgerFile';
import { TaskLedger } from '../../../src/tasks/taskLedger';
import { TaskLoader } from '../../../src/tasks/taskLoader';
import type { ErrorNode, PlaceholderNode, TreeNode } from '../../../src/tree/nodes';
import { TaskTreeModel } from '../../../src/tree/taskTreeModel';
import type { TaskFilter } from '../../../src/tree/filter';
import { CommandIds } from '../../../src/ids/commands';

const T0 = Date.UTC(2026, 2, 3, 12, 0, 0);
const tencent: Account = {
  id: 'tc',
  label: 'Tencent',
  vendor: 'tencent',
  site: 'mainland',
  region: 'ap-guangzhou',
  trtcSdkAppId: 1400000001,
  gmeBizId: 3400000001,
} as Account;
const zego: Account = { id: 'zg', label: 'ZEGO', vendor: 'zego', appId: 1234567 } as Account;

function task(product: Product, taskId: string, over: Partial<Task> = {}): Task {
  return {
    accountId: product === 'zego-recording' ? zego.id : tencent.id,
    product,
    taskId,
    vendor: product === 'zego-recording' ? 'zego' : 'tencent',
    appId: '1',
    room: 'room-1',
    status: 'running',
    rawStatus: 'InProgress',
    startedAt: T0 - 60_000,
    observedAt: T0,
    files: [],
    extras: {},
    ...over,
  };
}

const authError = (action: string): MediaApiError =>
  new MediaApiError({ vendor: 'tencent', action, kind: 'auth', code: 'AuthFailure.SignatureFailure', message: 'bad key', retryable: false });

interface World {
  /** ZEGO listing pages, in order. */
  pages: Task[][];
  listCalls: number;
  rooms: Map<string, Task | undefined | Error>;
  roomCalls: string[];
  /** TRTC answers by task id. */
  byId: Map<string, Task | Error>;
  idCalls: string[];
}

function sources(world: World): (accountId: string, product: Product) => Promise<TaskSource> {
  const base = { probe: async () => undefined };
  const listing: ListingSource = {
    ...base,
    kind: 'listing',
    account: zego,
    product: 'zego-recording',
    earliestStartMs: (now) => now - 72 * 3_600_000,
    clockOffsetMs: () => 0,
    async *list() {
      world.listCalls++;
      for (const page of world.pages) yield page;
    },
  } as ListingSource;
  const room: RoomSource = {
    ...base,
    kind: 'byRoom',
    account: tencent,
    product: 'gme',
    describeRoom: async (r) => {
      world.roomCalls.push(r);
      const answer = world.rooms.get(r);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  const byId: TaskIdSource = {
    ...base,
    kind: 'byTaskId',
    account: tencent,
    product: 'trtc-recording',
    describeTask: async (id, r) => {
      world.idCalls.push(id);
      const answer = world.byId.get(id);
      if (answer instanceof Error || answer === undefined) throw answer ?? authError('DescribeCloudRecording');
      return { ...answer, room: r };
    },
    findTask: async () => undefined,
  };
  return async (_accountId, product) => {
    if (product === 'zego-recording') return listing;
    if (product === 'gme') return room;
    if (product === 'trtc-recording') return byId;
    throw authError('credentials');
  };
}

function setUp(world: World, filter: { get(): TaskFilter } = { get: () => ({}) }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mte-tree-'));
  const source = sources(world);
  const ledger = new TaskLedger(new LedgerFile(dir, { logger: silentLogger, debounceMs: 0 }), source, silentLogger, () => T0);
  const loader = new TaskLoader({ ledger, source, listingHours: () => 24, now: () => T0 });
  const model = new TaskTreeModel({
    accounts: { list: () => [tencent, zego], get: (id) => [tencent, zego].find((a) => a.id === id) },
    ledger,
    loader,
    filter,
    l10n: plainLocalizer,
    defaultHours: () => 24,
    now: () => T0,
    progress: (work) => work,
    logWarning: () => undefined,
  });
  return { ledger, loader, model, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const emptyWorld = (): World => ({ pages: [], listCalls: 0, rooms: new Map(), roomCalls: [], byId: new Map(), idCalls: [] });

async function productNode(model: TaskTreeModel, accountId: string, product: Product): Promise<TreeNode> {
  const account = (await model.children()).find((n) => n.kind === 'account' && n.accountId === accountId)!;
  return (await model.children(account)).find((n) => n.kind === 'product' && n.product === product)!;
}

const kinds = (nodes: readonly TreeNode[]): string[] => nodes.map((n) => n.kind);

describe('tree projection over the task loader', () => {
  it('shows a listing’s first batch (50 for ZEGO, newest first), Load more while pages remain, then the rest', async () => {
    const world = emptyWorld();
    const page = (from: number) => Array.from({ length: 50 }, (_, i) => task('zego-recording', `z${from + i}`.padEnd(16, 'x'), { room: `r${from + i}` }));
    world.pages = [page(0), page(50), page(100)];
    const { model, cleanup } = setUp(world);
    try {
      const product = await productNode(model, zego.id, 'zego-recording');
      const first = await model.children(product);
      assert.equal(first.filter((n) => n.kind === 'room').length + first.filter((n) => n.kind === 'dayGroup').length > 0, true);
      assert.equal(first.at(-1)?.kind, 'loadMore', 'more pages remain');
      assert.equal(model.productCount(zego.id, 'zego-recording'), 50, 'one batch, not the whole listing');
      assert.deepEqual(model.listing(product as never), { more: true });
      await model.loadMore(product as never);
      await model.loadMore(product as never);
      await model.loadMore(product as never);
      const all = await model.children(product);
      assert.equal(model.productCount(zego.id, 'zego-recording'), 150);
      assert.notEqual(all.at(-1)?.kind, 'loadMore', 'no Load more once the vendor said it is done');
      assert.equal(world.listCalls, 1, 'one listing, paged, not restarted');
    } finally {
      cleanup();
    }
  });

  it('asks each pinned room once; a failing room shows its error in that room only; Refresh asks again', async () => {
    const world = emptyWorld();
    world.rooms.set('ok', task('gme', '446192236330927912', { room: 'ok' }));
    world.rooms.set('bad', authError('DescribeTaskInfo'));
    const { ledger, model, cleanup } = setUp(world);
    try {
      ledger.pinRoom(tencent.id, 'gme', 'ok');
      ledger.pinRoom(tencent.id, 'gme', 'bad');
      const product = await productNode(model, tencent.id, 'gme');
      const rooms = (await model.children(product)).filter((n) => n.kind === 'room');
      assert.deepEqual(world.roomCalls.sort(), ['bad', 'ok']);
      assert.equal(model.error(product), undefined, 'the product level itself did not fail');
      const bad = rooms.find((r) => r.kind === 'room' && r.room === 'bad')!;
      const ok = rooms.find((r) => r.kind === 'room' && r.room === 'ok')!;
      const badRows = await model.children(bad);
      assert.equal(badRows[0]?.kind, 'error');
      assert.equal((badRows[0] as ErrorNode).auth, true, 'an auth failure offers to re-enter credentials');
      assert.deepEqual(kinds(await model.children(ok)), ['task']);
      assert.equal(world.roomCalls.length, 2, 'opening the rooms asked nothing again');
      await model.refresh(bad);
      assert.equal(world.roomCalls.length, 2, 'a refresh forgets; the redraw asks');
      await model.children(bad);
      assert.deepEqual(world.roomCalls.sort(), ['bad', 'bad', 'ok'], 'a room refresh asks that room only');
      assert.equal(model.productCount(tencent.id, 'gme'), 2, 'GME counts its pinned rooms');
    } finally {
      cleanup();
    }
  });

  it('asks TRTC about each live tracked task when the product opens; every one failing is an error row', async () => {
    const world = emptyWorld();
    const { ledger, model, cleanup } = setUp(world);
    try {
      ledger.track({ accountId: tencent.id, product: 'trtc-recording', taskId: 't1' }, '1', 'lobby');
      ledger.track({ accountId: tencent.id, product: 'trtc-recording', taskId: 't2' }, '1', 'stage');
      const product = await productNode(model, tencent.id, 'trtc-recording');
      const rows = await model.children(product);
      assert.equal(rows[0]?.kind, 'error', 'both failed: the account’s problem');
      assert.deepEqual(world.idCalls.sort(), ['t1', 't2']);
      world.byId.set('t1', task('trtc-recording', 't1'));
      world.byId.set('t2', task('trtc-recording', 't2'));
      await model.refresh(rows[0]!);
      const healed = await model.children(product);
      assert.deepEqual(kinds(healed).sort(), ['room', 'room']);
      const stage = healed.find((n) => n.kind === 'room' && n.room === 'stage')!;
      world.idCalls.length = 0;
      await model.children(stage);
      assert.deepEqual(world.idCalls, [], 'opening a room asks nothing: the product level already asked');
      await model.refresh(stage);
      assert.deepEqual(world.idCalls, ['t2'], 'a room refresh asks about that room’s tasks only');
    } finally {
      cleanup();
    }
  });

  it('room rows: from the ledger index when every entry shows, else what their product level just computed, following every change', async () => {
    const world = emptyWorld();
    world.pages = [
      [
        task('zego-recording', 'za1'.padEnd(16, 'x'), { room: 'a' }),
        task('zego-recording', 'za2'.padEnd(16, 'x'), { room: 'a' }),
        task('zego-recording', 'zb1'.padEnd(16, 'x'), { room: 'b' }),
      ],
    ];
    let filter: TaskFilter = {};
    const { ledger, model, cleanup } = setUp(world, { get: () => filter });
    const indexReads: string[] = [];
    const roomEntries = ledger.roomEntries.bind(ledger);
    ledger.roomEntries = (accountId, product, room) => {
      indexReads.push(room);
      return roomEntries(accountId, product, room);
    };
    const shown = (room: string) => model.roomEntriesShown(zego.id, 'zego-recording', room).map((e) => e.taskId.slice(0, 3));
    const level = async () => {
      const rows = await model.children(await productNode(model, zego.id, 'zego-recording'));
      return rows.filter((n) => n.kind === 'room').map((n) => (n.kind === 'room' ? n.room : ''));
    };
    try {
      // No filter: ZEGO shows everything it holds, so the level is the index's room summaries.
      assert.deepEqual(await level(), ['a', 'b']);
      assert.deepEqual([shown('a'), shown('b')], [['za1', 'za2'], ['zb1']]);
      assert.deepEqual(indexReads, ['a', 'b']);
      ledger.record([task('zego-recording', 'zc1'.padEnd(16, 'x'), { room: 'c', status: 'failed', startedAt: T0 + 60_000 })]);
      assert.deepEqual(await level(), ['c', 'a', 'b'], 'a room whose task began later comes first');
      // A filter: the level reads each room once, and its rows read what it found.
      indexReads.length = 0;
      filter = { text: 'z' };
      assert.deepEqual(await level(), ['c', 'a', 'b']);
      assert.deepEqual([...indexReads].sort(), ['a', 'b', 'c'], 'the level reads each room once');
      indexReads.length = 0;
      assert.deepEqual([shown('a'), shown('b'), shown('c')], [['za1', 'za2'], ['zb1'], ['zc1']]);
      assert.deepEqual(indexReads, [], 'the rows read what the level computed: no second pass');
      assert.deepEqual(await level(), ['c', 'a', 'b']);
      assert.deepEqual(indexReads, [], 'nothing changed: the level reads nothing again');
      ledger.record([task('zego-recording', 'za3'.padEnd(16, 'x'), { room: 'a', status: 'failed' })]);
      await level();
      assert.deepEqual(indexReads, ['a'], 'after a change in room a, only room a is read again');
      assert.deepEqual(shown('a'), ['za1', 'za2', 'za3'], 'a task recorded since is shown');
      assert.deepEqual(shown('none'), [], 'a room the ledger does not hold shows nothing');
      filter = { statuses: ['failed'] };
      assert.deepEqual(shown('a'), ['za3'], 'a filter set since applies');
      assert.deepEqual(await level(), ['c', 'a'], 'a filtered level leaves out rooms with nothing shown');
    } finally {
      cleanup();
    }
  });

  it('says what fills an empty level, by how the product is asked', async () => {
    const { model, cleanup } = setUp(emptyWorld());
    try {
      const gme = (await model.children(await productNode(model, tencent.id, 'gme'))) as PlaceholderNode[];
      assert.equal(gme[0]?.command, CommandIds.addRoom);
      const trtc = (await model.children(await productNode(model, tencent.id, 'trtc-recording'))) as PlaceholderNode[];
      assert.equal(trtc[0]?.command, CommandIds.trackTask);
      const listing = (await model.children(await productNode(model, zego.id, 'zego-recording'))) as PlaceholderNode[];
      assert.equal(listing[0]?.message, 'No tasks in the last 72 hours');
    } finally {
      cleanup();
    }
  });
});
