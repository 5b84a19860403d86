import * as assert from 'node:assert/strict';
import type { LedgerEntry } from '../../../src/model/ledgerEntry';
import { silentLogger } from '../../../src/model/logger';
import { taskKeyString, type TaskKey, type TaskStatus } from '../../../src/model/task';
import type { StatusChange } from '../../../src/polling/notify';
import type { NotificationSetting } from '../../../src/settings/values';
import { PollScheduler } from '../../../src/polling/scheduler';
import { entryWith, makeEntry, NOW } from '../../fixtures/webview';
import { FakeClock, settle } from '../../fixtures/fakeClock';
import { MemoryStore } from '../../fixtures/memoryStore';

const INTERVAL = 10_000;

interface Harness {
  readonly store: MemoryStore;
  readonly clock: FakeClock;
  readonly scheduler: PollScheduler;
  readonly busy: boolean[];
  readonly errors: Array<string | undefined>;
  readonly notified: StatusChange[];
  watched: TaskKey[];
  visible: boolean;
  focused: boolean;
  notifications: NotificationSetting;
  /** Refreshed task ids, in order. */
  refreshed(): string[];
}

function setup(entries: LedgerEntry[], watched: LedgerEntry[] = entries): Harness {
  const store = new MemoryStore();
  store.put(...entries);
  const clock = new FakeClock(NOW);
  const h: Harness = {
    store,
    clock,
    busy: [],
    errors: [],
    notified: [],
    watched: watched.map(({ accountId, product, taskId }) => ({ accountId, product, taskId })),
    visible: true,
    focused: true,
    notifications: 'ended',
    refreshed: () => store.refreshed.map((id) => id.split('/').pop()!),
    scheduler: undefined as unknown as PollScheduler,
  };
  (h as { scheduler: PollScheduler }).scheduler = new PollScheduler({
    store,
    logger: silentLogger,
    clock,
    watchedKeys: () => h.watched,
    isViewVisible: () => h.visible,
    isWindowFocused: () => h.focused,
    intervalMs: () => INTERVAL,
    notifications: () => h.notifications,
    onBusyChange: (b) => h.busy.push(b),
    onError: (m) => h.errors.push(m),
    onNotify: (c) => h.notified.push(c),
  });
  return h;
}

/** A refresh that moves the task to `status`, the way the real store records a new snapshot. */
function transitionTo(store: MemoryStore, key: TaskKey, status: TaskStatus): Promise<LedgerEntry> {
  const entry = store.get(key)!;
  const next = { ...entry, task: { ...entry.task, status }, history: [...entry.history, { status, rawStatus: status, at: NOW }] };
  store.put(next);
  return Promise.resolve(next);
}

describe('poll scheduler', () => {
  let h: Harness | undefined;
  afterEach(() => h?.scheduler.dispose());

  it('polls only watched or pinned tasks that have not ended, once per interval', async () => {
    const watched = entryWith('watched', 'running');
    const unwatched = entryWith('unwatched', 'running');
    const ended = entryWith('ended', 'ended');
    const pinned = entryWith('pinned', 'paused', {}, true);
    const pinnedEnded = entryWith('pinnedEnded', 'failed', {}, true);
    h = setup([watched, unwatched, ended, pinned, pinnedEnded], [watched, ended]);
    h.scheduler.start();
    await h.clock.advance(INTERVAL - 1);
    assert.deepEqual(h.refreshed(), []);
    await h.clock.advance(1);
    assert.deepEqual(h.refreshed().sort(), ['pinned', 'watched']);
    await h.clock.advance(INTERVAL);
    assert.equal(h.refreshed().length, 4);
    assert.deepEqual(h.errors, [undefined, undefined]);
  });

  it('runs three times slower while the window is unfocused, and catches up on focus', async () => {
    h = setup([entryWith('a', 'running')]);
    h.focused = false;
    h.scheduler.start();
    assert.equal(h.clock.nextDelay(), 3 * INTERVAL);
    await h.clock.advance(2 * INTERVAL);
    assert.deepEqual(h.refreshed(), []);
    h.focused = true;
    h.scheduler.wake();
    assert.equal(h.clock.nextDelay(), INTERVAL, 'focus brings the next poll forward');
    await h.clock.advance(INTERVAL);
    assert.deepEqual(h.refreshed(), ['a']);
    h.focused = false;
    h.scheduler.wake();
    assert.equal(h.clock.nextDelay(), INTERVAL, 'the poll already armed keeps its time');
    await h.clock.advance(INTERVAL);
    assert.equal(h.clock.nextDelay(), 3 * INTERVAL, 'the next one is slow again');
  });

  it('does nothing, not even a timer, while the view is hidden and nothing is watched', async () => {
    h = setup([entryWith('a', 'running'), entryWith('b', 'ended', {}, true)], []);
    h.visible = false;
    h.scheduler.start();
    assert.equal(h.clock.nextDelay(), undefined);
    await h.clock.advance(60 * INTERVAL);
    assert.deepEqual(h.refreshed(), []);
    h.store.put(entryWith('c', 'running', {}, true));
    assert.equal(h.clock.nextDelay(), INTERVAL, 'a newly pinned running task wakes it');
    await h.clock.advance(INTERVAL);
    assert.deepEqual(h.refreshed(), ['c']);
  });

  it('keeps a cheap timer while the view is visible so newly shown rows get polled', async () => {
    h = setup([entryWith('a', 'running')], []);
    h.scheduler.start();
    await h.clock.advance(3 * INTERVAL);
    assert.deepEqual(h.refreshed(), []);
    h.watched = [entryWith('a', 'running')];
    await h.clock.advance(INTERVAL);
    assert.deepEqual(h.refreshed(), ['a']);
  });

  it('stops polling a task at a terminal status, and goes idle when nothing else is watched', async () => {
    const a = entryWith('a', 'running');
    h = setup([a]);
    h.visible = false;
    h.store.onRefresh = (key, store) => transitionTo(store, key, 'ended');
    h.scheduler.start();
    await h.clock.advance(INTERVAL);
    assert.deepEqual(h.refreshed(), ['a']);
    assert.equal(h.clock.nextDelay(), undefined);
    await h.clock.advance(10 * INTERVAL);
    assert.deepEqual(h.refreshed(), ['a']);
  });

  it('keeps at most one refresh in flight per task and reports busy once', async () => {
    let release: (() => void) | undefined;
    h = setup([entryWith('slow', 'running'), entryWith('fast', 'running')]);
    h.store.onRefresh = (key, store) =>
      key.taskId === 'slow' ? new Promise((resolve) => (release = () => resolve(store.get(key)!))) : Promise.resolve(store.get(key)!);
    h.scheduler.start();
    await h.clock.advance(3 * INTERVAL);
    assert.deepEqual(
      h.refreshed().filter((id) => id === 'slow'),
      ['slow'],
    );
    assert.deepEqual(
      h.refreshed().filter((id) => id === 'fast'),
      ['fast', 'fast', 'fast'],
    );
    assert.deepEqual(h.busy, [true]);
    release!();
    await settle();
    assert.deepEqual(h.busy, [true, false]);
    await h.clock.advance(INTERVAL);
    assert.deepEqual(
      h.refreshed().filter((id) => id === 'slow'),
      ['slow', 'slow'],
    );
  });

  it('backs a failing task off exponentially without stopping the others', async () => {
    const failures: number[] = [];
    h = setup([entryWith('bad', 'running'), entryWith('good', 'running')]);
    h.store.onRefresh = (key, store) => {
      if (key.taskId === 'good') return Promise.resolve(store.get(key)!);
      failures.push(h!.clock.now() - NOW);
      return Promise.reject(new Error('RequestLimitExceeded'));
    };
    h.scheduler.start();
    await h.clock.advance(16 * INTERVAL);
    assert.deepEqual(
      failures,
      [1, 3, 7, 15].map((n) => n * INTERVAL),
      'retries after 2, 4, 8 intervals',
    );
    assert.equal(h.refreshed().filter((id) => id === 'good').length, 16);
    assert.equal(h.errors[0], 'RequestLimitExceeded');
    assert.equal(h.errors[1], undefined, 'a poll where everything succeeded clears the error');
    h.store.onRefresh = (key, store) => Promise.resolve(store.get(key)!);
    await h.clock.advance(16 * INTERVAL);
    const next = h.refreshed().filter((id) => id === 'bad').length;
    await h.clock.advance(INTERVAL);
    assert.equal(h.refreshed().filter((id) => id === 'bad').length, next + 1, 'back to every interval after a success');
  });

  it('notifies when a watched task ends or fails, per the setting', async () => {
    const a = entryWith('a', 'running');
    const b = entryWith('b', 'running');
    const unwatched = entryWith('u', 'running');
    h = setup([a, b, unwatched], [a, b]);
    h.store.onRefresh = (key, store) => transitionTo(store, key, key.taskId === 'a' ? 'ended' : 'failed');
    h.scheduler.start();
    await h.clock.advance(INTERVAL);
    assert.deepEqual(
      h.notified.map((n) => [n.entry.taskId, n.previous, n.entry.task.status]),
      [
        ['a', 'running', 'ended'],
        ['b', 'running', 'failed'],
      ],
    );
    await transitionTo(h.store, unwatched, 'ended');
    assert.equal(h.notified.length, 2, 'no notification for a task nobody watches');
  });

  it('notices changes made elsewhere (a tree refresh), and follows off / all', async () => {
    const a = entryWith('a', 'running');
    h = setup([a]);
    h.scheduler.start();
    h.notifications = 'ended';
    await transitionTo(h.store, a, 'paused');
    assert.equal(h.notified.length, 0, '"ended" ignores a pause');
    h.notifications = 'all';
    await transitionTo(h.store, a, 'running');
    assert.deepEqual(
      h.notified.map((n) => [n.previous, n.entry.task.status]),
      [['paused', 'running']],
    );
    h.notifications = 'off';
    await transitionTo(h.store, a, 'ended');
    assert.equal(h.notified.length, 1);
    h.store.put(makeEntry(a.task));
    assert.equal(h.notified.length, 1, 'the same status again is not a change');
  });

  it('stops for good on dispose and aborts what is in flight', async () => {
    let signal: AbortSignal | undefined;
    h = setup([entryWith('a', 'running')]);
    const store = h.store;
    const original = store.refresh.bind(store);
    store.refresh = (key: TaskKey, s?: AbortSignal) => {
      signal = s;
      return original(key);
    };
    store.onRefresh = () => new Promise(() => undefined);
    h.scheduler.start();
    await h.clock.advance(INTERVAL);
    assert.equal(signal?.aborted, false);
    h.scheduler.dispose();
    assert.equal(signal?.aborted, true);
    assert.equal(h.clock.nextDelay(), undefined);
    store.put(entryWith('b', 'running', {}, true));
    assert.equal(h.clock.nextDelay(), undefined);
    assert.deepEqual(store.refreshed, [taskKeyString(entryWith('a', 'running'))]);
  });
});
