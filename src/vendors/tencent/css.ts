/**
 * CSS (live): DescribeRecordTask lists record tasks in a time window (Unix seconds, span ≤ 7 days,
 * not older than 90 days), paged by ScrollToken (empty = done).
 */
import type { TencentAccount } from '../../model/account';
import { isTerminal, type Task } from '../../model/task';
import type { ListingSource, ListQuery } from '../../model/taskSource';
import { checkListRange, LOOK_BACK_MARGIN_MS, probeBy } from '../shared/listing';
import { splitWindows } from '../shared/windows';
import { DESCRIBE_RECORD_TASK } from './actions';
import type { TencentClient } from './client';
import { normalizeCssTask } from './normalize';
import { readCssRecordTaskPage, type CssRecordTask } from './records';

const DAY_MS = 86_400_000;
export const CSS_MAX_WINDOW_SEC = 7 * 86_400;
/**
 * CSS lists the tasks whose start AND end lie within the query range, and a record task lasts at
 * most 24 hours (CreateRecordTask), so windows overlap by a day: a task that straddles one window's
 * end lies wholly inside the next. Tasks seen twice are yielded once.
 */
export const CSS_WINDOW_OVERLAP_SEC = 86_400;
export const CSS_LOOK_BACK_MS = 90 * DAY_MS;

export class CssListingSource implements ListingSource {
  readonly kind = 'listing';
  readonly product = 'css';

  constructor(
    readonly account: TencentAccount,
    private readonly client: TencentClient,
    private readonly now: () => number,
  ) {}

  earliestStartMs(nowMs: number): number {
    return nowMs - CSS_LOOK_BACK_MS + LOOK_BACK_MARGIN_MS;
  }

  clockOffsetMs(): number {
    return this.client.clockOffsetMs(DESCRIBE_RECORD_TASK);
  }

  /**
   * Pages in vendor order, window after window. Ms are rounded up to whole seconds (CSS times are
   * whole seconds, so no task is lost), then the range is split into ≤ 7-day windows overlapping by
   * a day. CSS has no status filter, so `statuses` is applied to the normalized tasks.
   */
  async *list(query: ListQuery, signal?: AbortSignal): AsyncGenerator<readonly Task[]> {
    checkListRange('tencent', DESCRIBE_RECORD_TASK.name, query, this.earliestStartMs(this.now() + this.clockOffsetMs()), '90 days');
    const seen = new Set<string>();
    for (const window of cssWindows(query.startMs, query.endMs)) {
      let scrollToken = '';
      // A server that hands back a token it already gave is not advancing: end the window, don't loop.
      const tokens = new Set<string>();
      do {
        const { value, requestId } = await this.client.call(
          DESCRIBE_RECORD_TASK,
          {
            StartTime: window.start,
            EndTime: window.end,
            StreamName: query.room,
            DomainName: this.account.cssDomain,
            AppName: this.account.cssApp,
            ScrollToken: scrollToken || undefined,
          },
          readCssRecordTaskPage,
          signal,
        );
        const observedAt = this.now();
        // Marked as seen one by one, so a task listed twice on one page is yielded once too.
        const fresh: CssRecordTask[] = [];
        for (const t of value.TaskList) {
          if (!seen.has(t.TaskId)) fresh.push(t);
          seen.add(t.TaskId);
        }
        const tasks = fresh
          .map((t) => normalizeCssTask(t, { accountId: this.account.id, observedAt, requestId }))
          .filter((t) => wanted(t, query.statuses));
        if (tasks.length > 0) yield tasks;
        scrollToken = value.TaskList.length > 0 && !tokens.has(value.ScrollToken) ? value.ScrollToken : '';
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

/** The ≤ 7-day windows, in whole seconds, overlapping by a day, that cover [startMs, endMs]. */
export function cssWindows(startMs: number, endMs: number): ReturnType<typeof splitWindows> {
  return splitWindows(Math.ceil(startMs / 1000), Math.ceil(endMs / 1000), CSS_MAX_WINDOW_SEC, CSS_WINDOW_OVERLAP_SEC);
}

function wanted(task: Task, statuses: ListQuery['statuses']): boolean {
  if (statuses === 'running') return !isTerminal(task.status);
  if (statuses === 'ended') return isTerminal(task.status);
  return true;
}
