import type { CallbackRecord } from './callback';
import type { Task, TaskKey, TaskStatus } from './task';

/** One status change the extension saw happen, with when it saw it (Unix epoch ms). */
export interface StatusTransition {
  readonly status: TaskStatus;
  readonly rawStatus: string;
  readonly at: number;
}

/**
 * What the task ledger remembers of one task (no secrets). The ledger is the only memory a user
 * has of TRTC tasks once they end (their query then fails) and of ZEGO tasks older than 3 days.
 */
export interface LedgerEntry extends TaskKey {
  /** The last snapshot the vendor gave; its `status` is the last known status. */
  readonly task: Task;
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** Transitions in the order observed; the first one is the status at first sight. */
  readonly history: readonly StatusTransition[];
  /** The user pinned it (Track Task…, Go to Task) rather than it coming from a listing. */
  readonly pinned: boolean;
  /** The last refresh failed with this message (the snapshot above is then older). */
  readonly lastError?: string;
  /** Verified vendor callbacks about this task, oldest first (the timeline shows them with their source). */
  readonly callbacks?: readonly CallbackRecord[];
}

/** When the task began, as far as anyone knows: the vendor's start, else when the extension first saw it. */
export function entryStartMs(entry: LedgerEntry): number {
  return entry.task.startedAt ?? entry.firstSeen;
}

/** Newest first by `entryStartMs`, the order every task list is shown in. */
export function byNewest(a: LedgerEntry, b: LedgerEntry): number {
  return entryStartMs(b) - entryStartMs(a);
}
