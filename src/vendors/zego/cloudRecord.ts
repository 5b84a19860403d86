/**
 * ZEGO cloud recording: DescribeTasks lists an AppId's tasks whose recording started within a
 * window (ms, span ≤ 3 days, not older than 3 days), one status per query (2 running, 3 ended),
 * paged by PageOffset (from 1) and PageSize (≤ 50).
 */
import type { ZegoAccount } from '../../model/account';
import type { Task } from '../../model/task';
import type { ListingSource, ListQuery } from '../../model/taskSource';
import { checkListRange, LOOK_BACK_MARGIN_MS, probeBy } from '../shared/listing';
import { splitWindows, type Window } from '../shared/windows';
import type { ZegoClient } from './client';
import { normalizeZegoTask } from './normalize';
import { readZegoTaskPage, type ZegoTaskRecord } from './records';
import { DESCRIBE_RECORD_STATUS, normalizeZegoRecordStatus, readZegoRecordStatus } from './recordStatus';

export const DESCRIBE_TASKS = 'DescribeTasks';
export const ZEGO_WINDOW_MS = 3 * 86_400_000;
export const ZEGO_PAGE_SIZE = 50;

/** The `Status` values to query, in order: "all" is running (2) then ended (3). */
export function zegoQueryStatuses(statuses: ListQuery['statuses']): readonly number[] {
  if (statuses === 'running') return [2];
  if (statuses === 'ended') return [3];
  return [2, 3];
}

/** The oldest start DescribeTasks accepts at `nowMs` (3 days back, less a margin). */
export function zegoEarliestStartMs(nowMs: number): number {
  return nowMs - ZEGO_WINDOW_MS + LOOK_BACK_MARGIN_MS;
}

/** One DescribeTasks page's body: the listing and Copy Query As both build it here. */
export function describeTasksParams(status: number, window: Window, room: string | undefined, pageOffset: number): Record<string, unknown> {
  return { Status: status, RoomId: room, StartTime: window.start, EndTime: window.end, PageOffset: pageOffset, PageSize: ZEGO_PAGE_SIZE };
}

/** The first page `list(query)` asks for (a non-empty range): its first status, first window, page 1. */
export function firstDescribeTasksParams(query: ListQuery): Record<string, unknown> {
  return describeTasksParams(zegoQueryStatuses(query.statuses)[0], splitWindows(query.startMs, query.endMs, ZEGO_WINDOW_MS)[0], query.room, 1);
}

export class ZegoRecordingSource implements ListingSource {
  readonly kind = 'listing';
  readonly product = 'zego-recording';

  constructor(
    readonly account: ZegoAccount,
    private readonly client: ZegoClient,
    private readonly now: () => number,
  ) {}

  earliestStartMs(nowMs: number): number {
    return zegoEarliestStartMs(nowMs);
  }

  clockOffsetMs(): number {
    return this.client.clockOffsetMs();
  }

  /** Status by status, window by window, page by page; a task seen twice (it ended meanwhile) is yielded once. */
  async *list(query: ListQuery, signal?: AbortSignal): AsyncGenerator<readonly Task[]> {
    checkListRange('zego', DESCRIBE_TASKS, query, this.earliestStartMs(this.now() + this.clockOffsetMs()), '3 days');
    const seen = new Set<string>();
    for (const status of zegoQueryStatuses(query.statuses)) {
      for (const window of splitWindows(query.startMs, query.endMs, ZEGO_WINDOW_MS)) {
        // Ids this query has returned: a page of nothing but those means the server ignores PageOffset.
        const inQuery = new Set<string>();
        for (let pageOffset = 1; ; pageOffset++) {
          const { value, requestId } = await this.client.call(
            DESCRIBE_TASKS,
            describeTasksParams(status, window, query.room, pageOffset),
            readZegoTaskPage,
            signal,
          );
          const observedAt = this.now();
          // Marked as seen one by one, so a task listed twice on one page is yielded once too.
          const fresh: ZegoTaskRecord[] = [];
          for (const t of value.TaskList) {
            if (!seen.has(t.TaskId)) fresh.push(t);
            seen.add(t.TaskId);
          }
          if (fresh.length > 0) {
            yield fresh.map((t) => normalizeZegoTask(t, { accountId: this.account.id, appId: this.account.appId, observedAt, requestId }));
          }
          const total = value.TotalCount ?? Infinity;
          const advanced = value.TaskList.some((t) => !inQuery.has(t.TaskId));
          value.TaskList.forEach((t) => inQuery.add(t.TaskId));
          if (!advanced || value.TaskList.length < ZEGO_PAGE_SIZE || pageOffset * ZEGO_PAGE_SIZE >= total) break;
        }
      }
    }
  }

  /** DescribeRecordStatus: the task's status, times and files (tasks that began within 3 days). */
  async describeFiles(task: Task, signal?: AbortSignal): Promise<Task> {
    const { value, requestId } = await this.client.call(DESCRIBE_RECORD_STATUS, { TaskId: task.taskId }, readZegoRecordStatus, signal);
    const snapshot = normalizeZegoRecordStatus(task.taskId, value, {
      accountId: this.account.id,
      appId: this.account.appId,
      observedAt: this.now(),
      requestId,
    });
    return { ...snapshot, room: snapshot.room || task.room };
  }

  /** Running tasks of the last hour, first page only. */
  probe(signal?: AbortSignal): Promise<void> {
    const now = this.now();
    const pages = this.list({ startMs: now - 3_600_000, endMs: now, statuses: 'running' }, signal);
    return probeBy(pages.next().finally(() => pages.return(undefined)));
  }
}
