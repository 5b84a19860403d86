/**
 * The task-loading service: how each product is asked, below the UI. The tree, Go to Task and the
 * commands ask it to load a scope (an account's product, or one room of it) and read back a load
 * state; it picks the vendor call from the product's traits (src/model/productTraits.ts): listing
 * pages with Load more for CSS and ZEGO, one query per pinned room for GME, one per tracked task for
 * TRTC. What it learns goes into the ledger; the UI projects the ledger. No `vscode` import.
 *
 * Stable interface (other features build on it): `state`, `load`, `loadMore`, `refresh`, `forget`,
 * `forgetListings`, `refreshTask`, `lookUp`.
 */
import type { MediaApiError } from '../model/errors';
import type { LedgerEntry } from '../model/ledgerEntry';
import { traitsOf } from '../model/productTraits';
import { isTerminal, PRODUCT_VENDOR, type Product, type Task, type TaskKey } from '../model/task';
import type { ListingSource, TaskSource } from '../model/taskSource';
import { asMediaApiError } from './apiErrors';
import { ListingPager } from './listingPager';
import { listingRange } from './listingWindow';
import type { TaskLedger } from './taskLedger';

/** What is loaded: an account's product, or one room (stream) of it. */
export interface LoadScope {
  readonly accountId: string;
  readonly product: Product;
  readonly room?: string;
}

export interface LoadState {
  /** A load finished since the scope was last refreshed (a listing: its first batch). */
  readonly loaded: boolean;
  readonly loading: boolean;
  /** The last load's failure; what loaded before it stays in the ledger. */
  readonly error?: MediaApiError;
  /** A listing with pages left to load (Load more…). */
  readonly hasMore: boolean;
}

export type LoaderLedger = Pick<TaskLedger, 'record' | 'recordRoom' | 'refresh' | 'entriesOf' | 'pinnedRooms'>;

export interface TaskLoaderDeps {
  readonly ledger: LoaderLedger;
  readonly source: (accountId: string, product: Product) => Promise<TaskSource>;
  /** How many hours back a `filterRange` listing looks now (the filter's range, else the setting). */
  readonly listingHours: () => number;
  readonly now?: () => number;
}

const NOT_LOADED: LoadState = { loaded: false, loading: false, hasMore: false };

const keyOf = (scope: LoadScope): string => `${scope.accountId}\u0000${scope.product}\u0000${scope.room === undefined ? '*' : `r:${scope.room}`}`;
const productScope = (scope: LoadScope): LoadScope => ({ accountId: scope.accountId, product: scope.product });

interface Load {
  readonly done: Promise<void>;
  settled: boolean;
  error?: MediaApiError;
}

export class TaskLoader {
  private readonly pagers = new Map<string, ListingPager>();
  private readonly loads = new Map<string, Load>();
  private readonly now: () => number;

  constructor(private readonly deps: TaskLoaderDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The scope's load state, without loading. A listing's rooms share the listing's state. */
  state(scope: LoadScope): LoadState {
    if (traitsOf(scope.product).asked === 'listing') {
      const key = keyOf(productScope(scope));
      const pager = this.pagers.get(key);
      const failed = this.loads.get(key)?.error;
      if (!pager) return failed ? { ...NOT_LOADED, loaded: true, error: failed } : NOT_LOADED;
      return { loaded: pager.started, loading: pager.isLoading, error: pager.error, hasMore: pager.hasMore };
    }
    const load = this.loads.get(keyOf(this.ownScope(scope)));
    if (!load) return NOT_LOADED;
    return { loaded: load.settled, loading: !load.settled, error: load.error, hasMore: false };
  }

  /** Loads the scope once (until it is refreshed or forgotten); a call while one is under way joins it. */
  async load(scope: LoadScope): Promise<LoadState> {
    const traits = traitsOf(scope.product);
    if (traits.asked === 'listing') {
      const pager = await this.pagerFor(productScope(scope));
      if (pager && (!pager.started || pager.isLoading)) await pager.loadMore();
    } else {
      await this.once(this.ownScope(scope), () => this.ask(this.ownScope(scope)));
    }
    return this.state(scope);
  }

  /** The next batch of a listing (Load more…). */
  async loadMore(scope: LoadScope): Promise<LoadState> {
    const pager = this.pagers.get(keyOf(productScope(scope)));
    if (pager) await pager.loadMore();
    return this.state(scope);
  }

  /**
   * Asks the vendor again: what was loaded is forgotten (a listing stops at once), so the next
   * `load` asks anew; a listing's room forgets the listing. A room of tracked tasks is asked about
   * at once, since its product level already loaded.
   */
  async refresh(scope: LoadScope): Promise<LoadState> {
    const traits = traitsOf(scope.product);
    if (traits.asked === 'byTaskId' && scope.room !== undefined) {
      this.loads.delete(keyOf(scope));
      await this.once(scope, () => this.askTracked(scope));
      return this.state(scope);
    }
    this.forget(traits.asked === 'listing' ? productScope(scope) : scope);
    return this.state(scope);
  }

  /** Drops load states (and stops listings) of everything, one account, one product or one room. */
  forget(scope: Partial<LoadScope> = {}): void {
    const matches = (key: string): boolean => {
      const [accountId, product, room] = key.split('\u0000');
      if (scope.accountId !== undefined && accountId !== scope.accountId) return false;
      if (scope.product !== undefined && product !== scope.product) return false;
      // A product-level forget takes its rooms with it.
      return scope.room === undefined || room === `r:${scope.room}`;
    };
    for (const key of [...this.loads.keys()]) if (matches(key)) this.loads.delete(key);
    for (const [key, pager] of [...this.pagers]) {
      if (!matches(key)) continue;
      pager.cancel();
      this.pagers.delete(key);
    }
  }

  /** Drops every listing: their windows follow the filter's time range. */
  forgetListings(): void {
    for (const [key, pager] of [...this.pagers]) {
      pager.cancel();
      this.pagers.delete(key);
      this.loads.delete(key);
    }
  }

  /** One task's current state from its vendor, into the ledger. */
  refreshTask(key: TaskKey, signal?: AbortSignal): Promise<LedgerEntry> {
    return this.deps.ledger.refresh(key, signal);
  }

  /**
   * An id nobody tracked (Go to Task): the product's own answer for an id (TRTC), or a scan of the
   * listing's whole window (CSS, ZEGO); a product that answers per room cannot find one.
   */
  async lookUp(accountId: string, product: Product, taskId: string, signal?: AbortSignal): Promise<Task | undefined> {
    const source = await this.deps.source(accountId, product);
    switch (source.kind) {
      case 'byTaskId':
        return source.findTask(taskId, signal);
      case 'listing': {
        for await (const page of source.list(this.listingQuery(source), signal)) {
          const match = page.find((task) => task.taskId === taskId);
          if (match) return match;
        }
        return undefined;
      }
      case 'byRoom':
        return undefined;
    }
  }

  dispose(): void {
    for (const pager of this.pagers.values()) pager.cancel();
    this.pagers.clear();
    this.loads.clear();
  }

  // ---- how each product is asked ----

  /** The scope a load state lives at: rooms of tracked tasks share the product's load. */
  private ownScope(scope: LoadScope): LoadScope {
    return traitsOf(scope.product).asked === 'byTaskId' ? productScope(scope) : scope;
  }

  private ask(scope: LoadScope): Promise<void> {
    return traitsOf(scope.product).asked === 'byRoom' ? this.askRooms(scope) : this.askTracked(scope);
  }

  /** Each pinned room (or the one asked for), one query per room; a failing room fails only its own load. */
  private async askRooms(scope: LoadScope): Promise<void> {
    if (scope.room === undefined) {
      const rooms = this.deps.ledger.pinnedRooms(scope.accountId, scope.product);
      await Promise.all(rooms.map((r) => this.load({ ...scope, room: r.room })));
      return;
    }
    const source = await this.deps.source(scope.accountId, scope.product);
    if (source.kind !== 'byRoom') return;
    await this.deps.ledger.recordRoom(scope.accountId, scope.product, scope.room, await source.describeRoom(scope.room));
  }

  /** Every tracked task (of one room, or all) not yet known to have ended. */
  private async askTracked(scope: LoadScope): Promise<void> {
    const live = this.deps.ledger
      .entriesOf(scope.accountId, scope.product)
      .filter((e) => !isTerminal(e.task.status) && (scope.room === undefined || e.task.room === scope.room));
    const results = await Promise.allSettled(live.map((e) => this.deps.ledger.refresh(e)));
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    // One task failing shows on its row; every one failing is the account's problem (keys, network).
    if (failures.length > 0 && failures.length === results.length) throw failures[0];
  }

  private once(scope: LoadScope, work: () => Promise<void>): Promise<void> {
    const key = keyOf(scope);
    let load = this.loads.get(key);
    if (!load) {
      const created: Load = {
        settled: false,
        done: work().then(
          () => {
            created.settled = true;
          },
          (err: unknown) => {
            created.settled = true;
            created.error = asMediaApiError(err, PRODUCT_VENDOR[scope.product], scope.product);
          },
        ),
      };
      load = created;
      this.loads.set(key, load);
    }
    return load.done;
  }

  /** The product's listing; undefined (and the failure kept) when it has no source. */
  private async pagerFor(scope: LoadScope): Promise<ListingPager | undefined> {
    const key = keyOf(scope);
    const existing = this.pagers.get(key);
    if (existing) return existing;
    this.loads.delete(key);
    let source: TaskSource;
    try {
      source = await this.deps.source(scope.accountId, scope.product);
    } catch (err) {
      // No source (credentials missing): the state says so; the next load or Retry tries again.
      this.loads.set(key, { done: Promise.resolve(), settled: true, error: asMediaApiError(err, PRODUCT_VENDOR[scope.product], 'credentials') });
      return undefined;
    }
    if (source.kind !== 'listing') return undefined;
    const raced = this.pagers.get(key);
    if (raced) return raced;
    const pager = new ListingPager(source, this.listingQuery(source), (tasks) => this.deps.ledger.record(tasks), traitsOf(source.product).batch);
    this.pagers.set(key, pager);
    return pager;
  }

  private listingQuery(source: ListingSource): { startMs: number; endMs: number; statuses: 'all' } {
    return { ...listingRange(source, this.now(), this.deps.listingHours()), statuses: 'all' };
  }
}
