/**
 * CSS (live): DescribeRecordTask lists record tasks in a time window (Unix seconds, span ≤ 7 days,
 * not older than 90 days), paged by ScrollToken (empty = done), oldest first inside the window.
 */
import type { TencentAccount } from '../../model/account';
import { isTerminal, type Task } from '../../model/task';
import type { ListingSource, ListQuery } from '../../model/taskSource';
import { checkListRange, LOOK_BACK_MARGIN_MS, probeBy } from '../shared/listing';
import type { Window } from '../shared/windows';
import { DESCRIBE_RECORD_TASK } from './actions';
import { NewestFirstWalk, type CssWindow } from './cssWindows';
import type { TencentClient } from './client';
import { normalizeCssTask } from './normalize';
import { readCssRecordTaskPage, type CssRecordTask } from './records';

const DAY_MS = 86_400_000;
/** Tasks a load takes when the caller does not say (the tree loads CSS 500 at a time). */
const DEFAULT_BATCH = 500;
export const CSS_LOOK_BACK_MS = 90 * DAY_MS;

/** The oldest start DescribeRecordTask accepts at `nowMs` (90 days back, less a margin). */
export function cssEarliestStartMs(nowMs: number): number {
  return nowMs - CSS_LOOK_BACK_MS + LOOK_BACK_MARGIN_MS;
}

/** One DescribeRecordTask page's body: the listing and Copy Query As both build it here. */
export function describeRecordTaskParams(account: TencentAccount, window: Window, stream: string | undefined, scrollToken = ''): Record<string, unknown> {
  return {
    StartTime: window.start,
    EndTime: window.end,
    // Each filter only when set: the API refuses an empty one ("StreamName":"").
    StreamName: stream || undefined,
    DomainName: account.cssDomain || undefined,
    AppName: account.cssApp || undefined,
    ScrollToken: scrollToken || undefined,
  };
}

/** The listing's windows, newest first, in whole seconds (ms rounded up: CSS times are whole seconds). */
function newestFirstWalk(query: ListQuery): NewestFirstWalk {
  return new NewestFirstWalk(Math.ceil(query.startMs / 1000), Math.ceil(query.endMs / 1000), query.batch ?? DEFAULT_BATCH);
}

/** The first page `list(query)` asks for: the newest window, no ScrollToken. */
export function firstRecordTaskParams(account: TencentAccount, query: ListQuery): Record<string, unknown> {
  return describeRecordTaskParams(account, newestFirstWalk(query).first(), query.room);
}

export class CssListingSource implements ListingSource {
  readonly kind = 'listing';
  readonly product = 'css';

  constructor(
    readonly account: TencentAccount,
    private readonly client: TencentClient,
    private readonly now: () => number,
  ) {}

  earliestStartMs(nowMs: number): number {
    return cssEarliestStartMs(nowMs);
  }

  clockOffsetMs(): number {
    return this.client.clockOffsetMs(DESCRIBE_RECORD_TASK);
  }

  /**
   * Pages newest first. CSS answers oldest first inside a window and lists a task only when its
   * whole span (at most a day) lies inside, so the range is walked backwards in windows: the first
   * covers the last hour plus the day ahead (tasks still running); each next one ends a day after
   * the previous one's start, so a task that straddles that boundary lies wholly inside it. A task
   * that starts at or after the previous boundary was listed already, and as the window is sorted
   * by start, the first such task ends the window: no day is listed twice. Windows are sized from
   * the density seen so far to hold about what the caller loads at a time (`batch`), so a load
   * stops at a window's end and everything it brought is newer than everything it did not.
   * Ms are rounded up to whole seconds (CSS times are whole seconds, so no task is lost). CSS has
   * no status filter, so `statuses` is applied to the normalized tasks.
   */
  async *list(query: ListQuery, signal?: AbortSignal): AsyncGenerator<readonly Task[]> {
    checkListRange('tencent', DESCRIBE_RECORD_TASK.name, query, this.earliestStartMs(this.now()), '90 days');
    const seen = new Set<string>();
    const walk = newestFirstWalk(query);
    for (let window: CssWindow | undefined = walk.first(); window; window = walk.next()) {
      let scrollToken = '';
      // A server that hands back a token it already gave is not advancing: end the window, don't loop.
      const tokens = new Set<string>();
      do {
        const { value, requestId } = await this.client.call(
          DESCRIBE_RECORD_TASK,
          describeRecordTaskParams(this.account, window, query.room, scrollToken),
          readCssRecordTaskPage,
          signal,
        );
        const observedAt = this.now();
        // Marked as seen one by one, so a task listed twice on one page is yielded once too.
        const fresh: CssRecordTask[] = [];
        let reachedListed = false;
        for (const t of value.TaskList) {
          if (t.StartTime >= window.listedFrom) reachedListed = true;
          else if (!seen.has(t.TaskId)) fresh.push(t);
          seen.add(t.TaskId);
        }
        walk.counted(fresh.length);
        const tasks = fresh.map((t) => normalizeCssTask(t, { accountId: this.account.id, observedAt, requestId })).filter((t) => wanted(t, query.statuses));
        if (tasks.length > 0) yield tasks;
        scrollToken = !reachedListed && value.TaskList.length > 0 && !tokens.has(value.ScrollToken) ? value.ScrollToken : '';
        tokens.add(scrollToken);
      } while (scrollToken !== '');
    }
  }

  /** The last hour, first page only. */
  probe(signal?: AbortSignal): Promise<void> {
    const now = this.now();
    const pages = this.list({ startMs: now - 3_600_000, endMs: now }, signal);
    return probeBy(pages.next().finally(() => pages.return(undefined)));
  }
}

function wanted(task: Task, statuses: ListQuery['statuses']): boolean {
  if (statuses === 'running') return !isTerminal(task.status);
  if (statuses === 'ended') return isTerminal(task.status);
  return true;
}
