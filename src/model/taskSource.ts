/**
 * The contract between the UI and the vendor layer. UI code holds `TaskSource`s built by the
 * composition root and never imports a vendor module.
 */
import type { Account } from './account';
import type { Product, Task } from './task';

/** A listing request; times are Unix epoch ms. */
export interface ListQuery {
  readonly startMs: number;
  readonly endMs: number;
  /** ZEGO: one room; CSS: one stream name. */
  readonly room?: string;
  /** `all` queries running and ended tasks. */
  readonly statuses?: 'running' | 'ended' | 'all';
  /** How many tasks the caller takes per load: a source walking windows newest first sizes them to it. */
  readonly batch?: number;
}

/** A file in Tencent VOD, as DescribeMediaInfos describes it. */
export interface VodMedia {
  readonly fileId: string;
  readonly name?: string;
  /** May be signed (key hotlink protection): sensitive, like every file URL. */
  readonly url?: string;
  readonly format?: string;
  readonly sizeBytes?: number;
  readonly durationMs?: number;
  /** When VOD deletes the file, Unix epoch ms; absent when it never does. */
  readonly expiresAtMs?: number;
}

export interface VodMediaAnswer {
  readonly found: readonly VodMedia[];
  /** FileIds VOD does not know (not uploaded yet, deleted, or another SubAppId's). */
  readonly missing: readonly string[];
}

interface SourceBase {
  readonly account: Account;
  readonly product: Product;
  /**
   * A cheap call that proves the credentials work for this product. Resolves when the vendor
   * accepted the signature (a "not found" answer counts as success); rejects with `MediaApiError`.
   */
  probe(signal?: AbortSignal): Promise<void>;
  /**
   * Products whose files come from their own API (ZEGO DescribeRecordStatus, GME DescribeRecordInfo):
   * `task` as that API describes it now, files included. Rejects with kind `notFound` or
   * `taskEnded` when the API no longer knows the task.
   */
  describeFiles?(task: Task, signal?: AbortSignal): Promise<Task>;
  /** Tencent accounts: what VOD knows of these FileIds (any number; split into calls of 20). */
  describeMedia?(fileIds: readonly string[], signal?: AbortSignal): Promise<VodMediaAnswer>;
}

/** CSS and ZEGO: the vendor can list tasks in a time window. */
export interface ListingSource extends SourceBase {
  readonly kind: 'listing';
  /** The oldest start time the vendor accepts (CSS: 90 days, ZEGO: 3 days before `nowMs`). */
  earliestStartMs(nowMs: number): number;
  /**
   * How far the vendor's clock is ahead of ours, ms, as learned from its `Date` header when it
   * refused a signature as expired (0 until then). Listing windows are computed by the vendor's
   * clock, since it checks their look-back bound against its own.
   */
  clockOffsetMs(): number;
  /**
   * Pages in vendor order. Windows longer than the vendor allows are split here. Breaking out of the
   * loop or aborting `signal` stops further requests.
   */
  list(query: ListQuery, signal?: AbortSignal): AsyncIterable<readonly Task[]>;
}

/** TRTC recording and relay: the vendor answers for one task id. */
export interface TaskIdSource extends SourceBase {
  readonly kind: 'byTaskId';
  /**
   * The task's current state. `room` is the user's label, carried into the Task. Rejects with kind
   * `taskEnded` or `notFound` when the vendor no longer knows the task.
   */
  describeTask(taskId: string, room: string, signal?: AbortSignal): Promise<Task>;
  /**
   * An id nobody tracked yet (Go to Task): the task, or `undefined` when the vendor says it does not know
   * it. Each API says that its own way, so the rule lives with the client.
   */
  findTask(taskId: string, signal?: AbortSignal): Promise<Task | undefined>;
}

/** GME: the vendor answers for one room. */
export interface RoomSource extends SourceBase {
  readonly kind: 'byRoom';
  /** The room's running task, or `undefined` when the room has none. */
  describeRoom(room: string, signal?: AbortSignal): Promise<Task | undefined>;
}

export type TaskSource = ListingSource | TaskIdSource | RoomSource;
