/**
 * One listing (CSS or ZEGO) loaded page by page: "Load more…" pulls the next pages until about
 * `batch` more tasks arrived (the caller sizes it to the vendor's order). One load at a time; a failed
 * load keeps what came before and can be retried from where it stopped. No `vscode` import.
 */
import type { MediaApiError } from '../model/errors';
import type { Task } from '../model/task';
import type { ListQuery, ListingSource } from '../model/taskSource';
import { traitsOf } from '../model/productTraits';
import { asMediaApiError } from './apiErrors';

export class ListingPager {
  private iterator: AsyncIterator<readonly Task[]> | undefined;
  private loading: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private finished = false;
  error: MediaApiError | undefined;

  constructor(
    private readonly source: ListingSource,
    readonly query: ListQuery,
    private readonly onPage: (tasks: readonly Task[]) => void,
    private readonly batch = 500,
  ) {}

  /** True until the vendor said there is nothing more (an unstarted listing has more). */
  get hasMore(): boolean {
    return !this.finished;
  }

  get started(): boolean {
    return this.iterator !== undefined;
  }

  get isLoading(): boolean {
    return this.loading !== undefined;
  }

  /** Loads the next batch; a call while one is under way joins it. Never rejects: see `error`. */
  loadMore(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** Stops any request under way (the node was refreshed or the view disposed). */
  cancel(): void {
    this.abort.abort();
  }

  private async load(): Promise<void> {
    this.error = undefined;
    this.iterator ??= this.source.list({ ...this.query, batch: this.batch }, this.abort.signal)[Symbol.asyncIterator]();
    let loaded = 0;
    try {
      while (loaded < this.batch) {
        const next = await this.iterator.next();
        if (next.done) {
          this.finished = true;
          return;
        }
        loaded += next.value.length;
        this.onPage(next.value);
      }
    } catch (err) {
      this.error = asMediaApiError(err, this.source.account.vendor, traitsOf(this.source.product).listAction ?? 'list');
      // An async generator that threw is finished; the next attempt starts the listing again.
      this.iterator = undefined;
    }
  }
}
