/**
 * Polling discipline, free of `vscode` so it runs under a fake clock in unit tests:
 * - only non-terminal tasks that someone watches (shown in the tree, pinned, open in a panel);
 * - one timer for all of them, every interval, three times slower while the window is unfocused;
 * - no timer at all while the view is hidden and nothing is watched (woken by store events);
 * - at most one refresh in flight per task; a failure backs that task off exponentially
 *   instead of stopping the poller;
 * - status changes of watched tasks, from any source, become notification decisions.
 */
import { setMaxListeners } from 'node:events';
import type { Disposable } from '../model/events';
import type { LedgerEntry } from '../model/ledgerEntry';
import type { Logger } from '../model/logger';
import { isTerminal, taskKeyString, type TaskKey, type TaskStatus } from '../model/task';
import type { TaskStore } from '../model/taskStore';
import { errorMessage } from '../display/errors';
import type { NotificationSetting } from '../settings/values';
import { shouldNotify, type StatusChange } from './notify';

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** How much slower polling runs while the VS Code window is not focused. */
export const UNFOCUSED_FACTOR = 3;
/** A failing task waits interval × 2^failures, capped at this many intervals. */
export const MAX_BACKOFF_INTERVALS = 32;

export interface PollSchedulerOptions {
  readonly store: TaskStore;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Keys the UI shows now: tree rows while the view is visible, open panels. Pinned tasks are added here. */
  readonly watchedKeys: () => readonly TaskKey[];
  readonly isViewVisible: () => boolean;
  readonly isWindowFocused: () => boolean;
  readonly intervalMs: () => number;
  readonly notifications: () => NotificationSetting;
  readonly onBusyChange?: (busy: boolean) => void;
  /** After each poll that refreshed something: the first failure's message, or `undefined` when all succeeded. */
  readonly onError?: (message: string | undefined) => void;
  readonly onNotify?: (change: StatusChange) => void;
  /**
   * Whether this window polls in the background (it holds the cross-window lease); when not, only
   * refreshes asked for elsewhere happen and results arrive through the shared ledger. Default yes.
   */
  readonly mayPoll?: () => boolean;
}

interface Failure {
  readonly count: number;
  readonly retryAt: number;
}

/** One controller cancels every in-flight refresh; each adds a listener, so Node's default cap of 10 would warn. */
function cancelsManyRequests(controller: AbortController): AbortController {
  setMaxListeners(0, controller.signal);
  return controller;
}

export class PollScheduler implements Disposable {
  private timer: unknown;
  private dueAt: number | undefined;
  private readonly inFlight = new Set<string>();
  private readonly failures = new Map<string, Failure>();
  /** Last status seen per watched task, to notice changes whoever caused them. */
  private readonly known = new Map<string, TaskStatus>();
  private readonly abort = cancelsManyRequests(new AbortController());
  private subscription: Disposable | undefined;
  private disposed = false;

  constructor(private readonly options: PollSchedulerOptions) {}

  start(): void {
    if (this.disposed || this.subscription) return;
    this.subscription = this.options.store.onDidChange((keys) => this.onStoreChange(keys));
    this.remember(this.watched());
    this.wake();
  }

  /**
   * Arms the timer if something may need polling; when already armed, only brings it forward
   * (a stream of store events must not keep postponing the next poll).
   */
  wake(): void {
    if (this.disposed || !this.subscription) return;
    if (this.options.mayPoll?.() === false) {
      this.disarm();
      return;
    }
    const watched = this.watched();
    if (!this.options.isViewVisible() && !watched.some((entry) => !isTerminal(entry.task.status))) {
      this.disarm();
      return;
    }
    const dueAt = this.options.clock.now() + this.delayMs();
    if (this.dueAt !== undefined && this.dueAt <= dueAt) return;
    this.disarm();
    this.dueAt = dueAt;
    this.timer = this.options.clock.setTimeout(() => void this.tick(), dueAt - this.options.clock.now());
  }

  /** One poll: refresh every due watched task, then arm the next one. Resolves when its refreshes settle. */
  async tick(): Promise<void> {
    this.timer = undefined;
    this.dueAt = undefined;
    if (this.disposed) return;
    const watched = this.watched();
    this.remember(watched);
    if (this.options.mayPoll?.() === false) return;
    const now = this.options.clock.now();
    const due = watched.filter((entry) => {
      const id = taskKeyString(entry);
      return !isTerminal(entry.task.status) && !this.inFlight.has(id) && (this.failures.get(id)?.retryAt ?? 0) <= now;
    });
    const polls = due.map((entry) => this.refresh(entry));
    this.wake();
    if (polls.length === 0) return;
    const errors = (await Promise.all(polls)).filter((message): message is string => message !== undefined);
    if (!this.disposed) this.options.onError?.(errors[0]);
  }

  /** The entries of watched tasks (watched keys plus pinned ones), once each. */
  private watched(): LedgerEntry[] {
    const entries = new Map<string, LedgerEntry>();
    for (const key of this.options.watchedKeys()) {
      const entry = this.options.store.get(key);
      if (entry) entries.set(taskKeyString(entry), entry);
    }
    for (const entry of this.options.store.pinned()) entries.set(taskKeyString(entry), entry);
    return [...entries.values()];
  }

  private delayMs(): number {
    const interval = this.options.intervalMs();
    return this.options.isWindowFocused() ? interval : interval * UNFOCUSED_FACTOR;
  }

  /** Refreshes one task; resolves with its error message, never rejects. */
  private async refresh(entry: LedgerEntry): Promise<string | undefined> {
    const id = taskKeyString(entry);
    const key: TaskKey = { accountId: entry.accountId, product: entry.product, taskId: entry.taskId };
    this.inFlight.add(id);
    if (this.inFlight.size === 1) this.options.onBusyChange?.(true);
    try {
      await this.options.store.refresh(key, this.abort.signal);
      this.failures.delete(id);
      return undefined;
    } catch (error) {
      const count = (this.failures.get(id)?.count ?? 0) + 1;
      const intervals = Math.min(2 ** count, MAX_BACKOFF_INTERVALS);
      this.failures.set(id, { count, retryAt: this.options.clock.now() + intervals * this.options.intervalMs() });
      const message = errorMessage(error);
      if (!this.disposed) this.options.logger.warn(`[poller] refresh of ${id} failed (${count} in a row): ${message}`);
      return message;
    } finally {
      this.inFlight.delete(id);
      if (this.inFlight.size === 0 && !this.disposed) this.options.onBusyChange?.(false);
    }
  }

  /** Keeps `known` to the watched tasks; a task seen for the first time is remembered without a notification. */
  private remember(watched: readonly LedgerEntry[]): void {
    const ids = new Set(watched.map((entry) => taskKeyString(entry)));
    for (const id of [...this.known.keys()]) if (!ids.has(id)) this.known.delete(id);
    for (const entry of watched) {
      const id = taskKeyString(entry);
      if (!this.known.has(id)) this.known.set(id, entry.task.status);
    }
  }

  private onStoreChange(keys: readonly TaskKey[]): void {
    if (this.disposed) return;
    const changed = new Set(keys.map(taskKeyString));
    const watched = this.watched();
    const setting = this.options.notifications();
    for (const entry of watched) {
      const id = taskKeyString(entry);
      if (!changed.has(id)) continue;
      const previous = this.known.get(id);
      this.known.set(id, entry.task.status);
      if (previous !== undefined && shouldNotify(previous, entry.task.status, setting)) {
        this.options.onNotify?.({ entry, previous });
      }
    }
    this.remember(watched);
    this.wake();
  }

  private disarm(): void {
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.dueAt = undefined;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disarm();
    this.abort.abort();
    this.subscription?.dispose();
  }
}
