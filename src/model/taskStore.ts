/**
 * What the UI pieces (tree, panels, status bar, poller) share: the ledger of tasks plus the ability
 * to refresh one task from its vendor. Implemented in `src/tasks/` on top of `TaskSource`s.
 */
import type { Disposable } from './events';
import type { LedgerEntry } from './ledgerEntry';
import type { TaskKey } from './task';

export interface TaskStore {
  /** The ledger entry for a task, if the extension has ever seen it. */
  get(key: TaskKey): LedgerEntry | undefined;
  /** Every entry, in no particular order. */
  all(): readonly LedgerEntry[];
  /** Entries whose last known status is not terminal (kept up to date, not filtered from `all()`). */
  running(): readonly LedgerEntry[];
  /** Entries the user pinned (Track Task…, Go to Task), kept up to date likewise. */
  pinned(): readonly LedgerEntry[];
  /**
   * Asks the vendor for the task's current state and records it. Resolves with the updated entry;
   * on failure records `lastError`, keeps the last snapshot and rejects with `MediaApiError`.
   */
  refresh(key: TaskKey, signal?: AbortSignal): Promise<LedgerEntry>;
  /** Removes the entry (the user's Forget). */
  forget(key: TaskKey): Promise<void>;
  /** Fires with the keys whose entries changed (added, updated, forgotten). */
  readonly onDidChange: (listener: (keys: readonly TaskKey[]) => void) => Disposable;
}
