/**
 * The tree as a projection: which rows a node has, computed from ledger entries (the memory of every
 * task seen) and the task loader's load states, with no knowledge of how a product is asked (the
 * loader and the product-traits table know). Account → product → room or stream → task → storage
 * files; a failed load is an error row, never a silently empty level. No `vscode` import: unit-tested
 * under plain mocha; `taskTreeProvider.ts` adapts it to VS Code.
 */
import { accountProducts, type Account } from '../model/account';
import type { MediaApiError } from '../model/errors';
import { byNewest, entryStartMs, type LedgerEntry } from '../model/ledgerEntry';
import { traitsOf } from '../model/productTraits';
import type { Product, TaskKey } from '../model/task';
import type { Localizer } from '../display/localize';
import { errorHint } from '../display/hints';
import { CommandIds } from '../ids/commands';
import { asMediaApiError } from '../tasks/apiErrors';
import type { LoadScope, LoadState, TaskLoader } from '../tasks/taskLoader';
import type { TaskLedger } from '../tasks/taskLedger';
import { isFiltering, isShown, listingHours, showsEverything } from './filter';
import type { FilterState } from './filterState';
import { bucketIdPart, groupChildren, groupRows, type Grouped } from './grouping';
import {
  accountNodeId,
  productNodeId,
  roomNodeId,
  taskNodeId,
  type AccountNode,
  type ErrorNode,
  type GroupNode,
  type PlaceholderNode,
  type ProductNode,
  type RoomNode,
  type TaskNode,
  type TreeNode,
} from './nodes';

/** Most files listed under a task; the details panel shows them all. */
const MAX_FILE_ROWS = 200;

export interface TaskTreeModelDeps {
  readonly accounts: { list(): readonly Account[]; get(id: string): Account | undefined };
  readonly ledger: Pick<TaskLedger, 'get' | 'all' | 'countOf' | 'rooms' | 'roomEntries' | 'roomRevision' | 'roomSummaries' | 'pinnedRooms' | 'revision'>;
  readonly loader: Pick<TaskLoader, 'state' | 'load' | 'loadMore' | 'refresh' | 'refreshTask' | 'forget' | 'forgetListings'>;
  readonly filter: Pick<FilterState, 'get'>;
  readonly l10n: Localizer;
  readonly defaultHours: () => number;
  readonly now: () => number;
  /** Wraps a load the user waits for (the view's progress bar). */
  readonly progress: <T>(work: Promise<T>) => Promise<T>;
  readonly logWarning: (message: string, err?: unknown) => void;
}

/** A room row's data: when it was last active, and how many of its tasks show. */
interface RoomItem {
  readonly room: string;
  readonly latest: number;
  readonly shown: number;
}

/** What a node's level is loaded as. */
function scopeOf(node: TreeNode): LoadScope | undefined {
  switch (node.kind) {
    case 'product':
      return { accountId: node.accountId, product: node.product };
    case 'room':
      return { accountId: node.accountId, product: node.product, room: node.room };
    case 'dayGroup':
      return { accountId: node.accountId, product: node.product, room: node.room };
    default:
      return undefined;
  }
}

const productKey = (accountId: string, product: Product): string => `${accountId}\u0000${product}`;

/** One room's shown entries, and what they were computed from. */
interface ShownRoom {
  /** The filter basis (`filterBasis`) and the room's ledger revision they were computed under. */
  readonly basis: string;
  readonly revision: number | undefined;
  readonly entries: readonly LedgerEntry[];
  readonly newestStartMs: number;
}

/** A product's shown entries by room, and the ledger revision and filter basis they were computed under. */
interface ShownEntries {
  readonly basis: string;
  readonly count: number;
  /** Every room of the product as computed, shown entries or none (what the next computation reuses). */
  readonly rooms: ReadonlyMap<string, ShownRoom>;
}

export class TaskTreeModel {
  /**
   * What each product last showed, by room: its row's count, its rooms and its room rows read it here
   * instead of filtering again, and after a change only the rooms that changed are filtered again (at
   * 100,000 entries, a pass over every entry per redraw is the cost of the whole view).
   */
  private readonly shown = new Map<string, ShownEntries>();

  constructor(private readonly deps: TaskTreeModelDeps) {}

  async children(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return [...this.deps.accounts.list()].sort((a, b) => a.label.localeCompare(b.label)).map((a) => this.accountNode(a));
    switch (node.kind) {
      case 'account':
        return this.accountChildren(node);
      case 'product':
        return this.productChildren(node);
      case 'room':
        return this.roomChildren(node);
      case 'dayGroup':
        return this.groupChildren(node);
      case 'task':
        return this.taskChildren(node);
      case 'file':
      case 'loadMore':
      case 'error':
      case 'placeholder':
        return [];
    }
  }

  /** Asks the vendor again for a node: its listing, its room, its tasks. */
  async refresh(node: TreeNode): Promise<TreeNode> {
    if (node.kind === 'task') {
      await this.deps.loader.refreshTask(node.key).catch((err: unknown) => this.deps.logWarning(`[tree] refresh ${node.key.taskId} failed`, err));
      return node;
    }
    // Rows that stand for their parent's load (error, Load more, placeholder, file) refresh the parent.
    const target = node.kind === 'error' || node.kind === 'loadMore' || node.kind === 'placeholder' || node.kind === 'file' ? node.parent : node;
    if (target.kind === 'task') return this.refresh(target);
    const scope = scopeOf(target);
    if (!scope) {
      if (target.kind === 'account') this.deps.loader.forget({ accountId: target.accountId });
      return target;
    }
    // A listing's rooms and groups are views of the product's listing: the product row redraws.
    const owner = traitsOf(scope.product).asked === 'listing' && target.kind !== 'product' ? this.productOf(target) : target;
    await this.deps.progress(this.deps.loader.refresh(scope));
    return owner;
  }

  /** Pulls the next batch of a listing (the "Load more…" row). */
  async loadMore(node: ProductNode): Promise<void> {
    await this.deps.progress(this.deps.loader.loadMore({ accountId: node.accountId, product: node.product }));
  }

  /** The product's listing progress, once a listing started. */
  listing(node: ProductNode): { more: boolean } | undefined {
    if (traitsOf(node.product).asked !== 'listing') return undefined;
    const state = this.deps.loader.state({ accountId: node.accountId, product: node.product });
    return state.loaded ? { more: state.hasMore } : undefined;
  }

  /** The failure a node's level shows as an error row. */
  error(node: TreeNode): MediaApiError | undefined {
    const scope = scopeOf(node);
    if (!scope || (node.kind !== 'product' && traitsOf(scope.product).asked !== 'byRoom')) return undefined;
    return this.deps.loader.state(scope).error;
  }

  /** The count on a product row: pinned rooms where those are its rows, else its shown tasks. */
  productCount(accountId: string, product: Product): number {
    if (traitsOf(product).asked === 'byRoom') return this.deps.ledger.pinnedRooms(accountId, product).length;
    return showsEverything(product, this.deps.filter.get()) ? this.deps.ledger.countOf(accountId, product) : this.shownOf(accountId, product).count;
  }

  /** The node of a task, walking down from its account (loading levels on the way), for `reveal`. */
  async findTaskNode(key: TaskKey): Promise<TaskNode | undefined> {
    const account = this.deps.accounts.get(key.accountId);
    const entry = this.deps.ledger.get(key);
    if (!account || !entry) return undefined;
    const search = async (node: TreeNode): Promise<TaskNode | undefined> => {
      for (const child of await this.children(node)) {
        if (child.kind === 'task' && child.key.taskId === key.taskId) return child;
        const descend =
          (child.kind === 'product' && child.product === key.product) ||
          (child.kind === 'room' && child.room === entry.task.room) ||
          (child.kind === 'dayGroup' && (child.room === undefined || child.room === entry.task.room));
        const found = descend ? await search(child) : undefined;
        if (found) return found;
      }
      return undefined;
    };
    const node = await search(this.accountNode(account));
    if (!node) this.deps.logWarning(`[tree] task ${key.taskId} is not reachable in the tree (filtered out, or its room is not shown)`);
    return node;
  }

  /** The node of a room (Open Room…), pinning GME rooms on the way. */
  async findRoomNode(accountId: string, product: Product, room: string): Promise<RoomNode | undefined> {
    const account = this.deps.accounts.get(accountId);
    if (!account) return undefined;
    const search = async (node: TreeNode): Promise<RoomNode | undefined> => {
      for (const child of await this.children(node)) {
        if (child.kind === 'room' && child.room === room) return child;
        if (child.kind === 'dayGroup' && child.room === undefined) {
          const found = await search(child);
          if (found) return found;
        }
      }
      return undefined;
    };
    const node = await search(this.productNode(this.accountNode(account), product));
    return node;
  }

  /** Every entry the view shows now (Export Tasks… exports exactly these). */
  shownEntries(): LedgerEntry[] {
    const accounts = new Set(this.deps.accounts.list().map((a) => a.id));
    const filter = this.deps.filter.get();
    const now = this.deps.now();
    return this.deps.ledger.all().filter((e) => accounts.has(e.accountId) && isShown(e, filter, this.deps.defaultHours(), now));
  }

  /**
   * One room's shown entries: what its product level computed, while nothing they depend on changed,
   * else read from the ledger's room index (not a scan of the product).
   */
  roomEntriesShown(accountId: string, product: Product, room: string): LedgerEntry[] {
    if (showsEverything(product, this.deps.filter.get())) return this.deps.ledger.roomEntries(accountId, product, room);
    const kept = this.shown.get(productKey(accountId, product))?.rooms.get(room);
    return [...this.shownRoom(accountId, product, room, kept).entries];
  }

  /**
   * What shown entries depend on besides the entries: the filter, the listing hours, and the clock to
   * the second where it matters (a time-range filter; a CSS entry leaving the listed range).
   */
  private filterBasis(product: Product): string {
    const filter = this.deps.filter.get();
    const clocked = filter.hours !== undefined || traitsOf(product).window === 'filterRange';
    return `${JSON.stringify(filter)}|${this.deps.defaultHours()}|${clocked ? Math.floor(this.deps.now() / 1000) : ''}`;
  }

  /** A room's shown entries: `kept` while its basis and the room's revision hold, else filtered again. */
  private shownRoom(accountId: string, product: Product, room: string, kept: ShownRoom | undefined): ShownRoom {
    const basis = this.filterBasis(product);
    const revision = this.deps.ledger.roomRevision(accountId, product, room);
    if (kept && kept.basis === basis && kept.revision === revision) return kept;
    const filter = this.deps.filter.get();
    const now = this.deps.now();
    const hours = this.deps.defaultHours();
    const entries = this.deps.ledger.roomEntries(accountId, product, room).filter((e) => isShown(e, filter, hours, now));
    let newestStartMs = Number.NEGATIVE_INFINITY;
    for (const entry of entries) newestStartMs = Math.max(newestStartMs, entryStartMs(entry));
    return { basis, revision, entries, newestStartMs };
  }

  // ---- levels ----

  private accountChildren(node: AccountNode): TreeNode[] {
    const account = this.deps.accounts.get(node.accountId);
    if (!account) return [];
    const products = accountProducts(account);
    if (products.length === 0) return [this.placeholder(node, this.deps.l10n.t('No product set up. Edit the account to add one.'), CommandIds.editAccount)];
    return products.map((product) => this.productNode(node, product));
  }

  private async productChildren(node: ProductNode): Promise<TreeNode[]> {
    const traits = traitsOf(node.product);
    const state = await this.load({ accountId: node.accountId, product: node.product });
    const rows = this.roomRows(node, this.roomItems(node), undefined);
    const out: TreeNode[] = state.error ? [this.errorNode(node, state.error, node.accountId)] : [];
    out.push(...rows);
    if (rows.length === 0 && !state.error) out.push(this.emptyProduct(node));
    if (traits.asked === 'listing' && state.hasMore && !state.error) out.push({ kind: 'loadMore', id: `${node.id}/@loadMore`, parent: node });
    return out;
  }

  /** What an empty product level says, and the command that fills it. */
  private emptyProduct(node: ProductNode): PlaceholderNode {
    const { l10n } = this.deps;
    const traits = traitsOf(node.product);
    switch (traits.asked) {
      case 'byRoom':
        return this.placeholder(node, l10n.t('No rooms yet. Add Room… to follow a GME room.'), CommandIds.addRoom);
      case 'byTaskId':
        return this.placeholder(node, this.emptyMessage(l10n.t('No tasks tracked. Track Task… to follow one by its ID.')), CommandIds.trackTask);
      case 'listing': {
        const hours = traits.window === 'filterRange' ? listingHours(this.deps.filter.get(), this.deps.defaultHours()) : traits.lookBackHours;
        return this.placeholder(node, this.emptyMessage(l10n.t('No tasks in the last {0} hours', hours)));
      }
    }
  }

  private async roomChildren(node: RoomNode): Promise<TreeNode[]> {
    const traits = traitsOf(node.product);
    // A pinned room is asked for on its own; other rooms were loaded with their product.
    const state = traits.asked === 'byRoom' ? await this.load({ accountId: node.accountId, product: node.product, room: node.room }) : undefined;
    const entries = this.roomEntriesShown(node.accountId, node.product, node.room).sort(byNewest);
    const out: TreeNode[] = [];
    if (state?.error) out.push(this.errorNode(node, state.error, node.accountId));
    out.push(...this.taskRows(node, node.room, groupRows(entries, entryStartMs)));
    if (entries.length === 0 && !state?.error) {
      out.push(
        this.placeholder(node, this.emptyMessage(traits.asked === 'byRoom' ? this.deps.l10n.t('No recording in this room') : this.deps.l10n.t('No tasks'))),
      );
    }
    return out;
  }

  private groupChildren(node: GroupNode): TreeNode[] {
    const product = this.productOf(node);
    if (node.room === undefined) return this.roomRows(node, this.roomItems(product), node);
    const entries = this.roomEntriesShown(node.accountId, node.product, node.room).sort(byNewest);
    return this.taskRows(node, node.room, groupChildren(entries, entryStartMs, node.bucket));
  }

  private taskChildren(node: TaskNode): TreeNode[] {
    const files = this.deps.ledger.get(node.key)?.task.files ?? [];
    const rows: TreeNode[] = files
      .slice(0, MAX_FILE_ROWS)
      .map((f) => ({ kind: 'file', id: `${node.id}/${encodeURIComponent(f.fileName)}`, key: node.key, fileName: f.fileName, parent: node }));
    if (files.length > MAX_FILE_ROWS) {
      rows.push(
        this.placeholder(
          node,
          this.deps.l10n.t('{0} more files: open the task details to see them all', files.length - MAX_FILE_ROWS),
          CommandIds.openTaskDetails,
        ),
      );
    }
    return rows;
  }

  private async load(scope: LoadScope): Promise<LoadState> {
    try {
      const state = this.deps.loader.state(scope);
      return state.loaded && !state.loading ? state : await this.deps.progress(this.deps.loader.load(scope));
    } catch (err) {
      return { loaded: true, loading: false, hasMore: false, error: asMediaApiError(err, 'tencent', 'load') };
    }
  }

  // ---- rows ----

  /** Rooms of a product (or of one group of them), grouped by day when there are many. */
  private roomRows(parent: TreeNode, items: readonly RoomItem[], group: GroupNode | undefined): TreeNode[] {
    const product = group ? this.productOf(group) : (parent as ProductNode);
    const grouped: Grouped<RoomItem> = group ? groupChildren(items, (r) => r.latest, group.bucket) : groupRows(items, (r) => r.latest);
    if (grouped.kind === 'groups') {
      return grouped.groups.map((bucket) => ({
        kind: 'dayGroup',
        id: `${parent.id}/${bucketIdPart(bucket)}`,
        accountId: product.accountId,
        product: product.product,
        bucket,
        parent,
      }));
    }
    const vendor = product.parent.vendor;
    return grouped.rows.map((r) => ({
      kind: 'room',
      id: roomNodeId(vendor, product.accountId, product.product, r.room),
      accountId: product.accountId,
      product: product.product,
      room: r.room,
      parent,
    }));
  }

  private taskRows(parent: RoomNode | GroupNode, room: string, grouped: Grouped<LedgerEntry>): TreeNode[] {
    if (grouped.kind === 'groups') {
      return grouped.groups.map((bucket) => ({
        kind: 'dayGroup',
        id: `${parent.id}/${bucketIdPart(bucket)}`,
        accountId: parent.accountId,
        product: parent.product,
        room,
        bucket,
        parent,
      }));
    }
    const vendor = this.productOf(parent).parent.vendor;
    return grouped.rows.map((e) => ({
      kind: 'task',
      id: taskNodeId(vendor, e, room),
      key: { accountId: e.accountId, product: e.product, taskId: e.taskId },
      parent,
    }));
  }

  /**
   * The rooms a product shows: rooms of its shown entries, plus pinned GME rooms even when empty.
   * When every entry shows, the ledger index's room summaries are the answer; otherwise one pass
   * over the product's entries, kept for its room rows (`roomEntriesShown`).
   */
  private roomItems(product: ProductNode): RoomItem[] {
    const rooms = new Map<string, { latest: number; shown: number }>();
    const add = (room: string, startMs: number, shown: number): void => {
      const item = rooms.get(room);
      if (!item) rooms.set(room, { latest: startMs, shown });
      else {
        item.latest = Math.max(item.latest, startMs);
        item.shown += shown;
      }
    };
    for (const room of this.deps.ledger.pinnedRooms(product.accountId, product.product)) add(room.room, room.addedAt, 0);
    const filter = this.deps.filter.get();
    if (showsEverything(product.product, filter)) {
      for (const summary of this.deps.ledger.roomSummaries(product.accountId, product.product)) add(summary.room, summary.newestStartMs, summary.size);
    } else {
      for (const [room, shown] of this.shownOf(product.accountId, product.product).rooms) {
        if (shown.entries.length > 0) add(room, shown.newestStartMs, shown.entries.length);
      }
    }
    const filtering = isFiltering(filter);
    return [...rooms.entries()]
      .filter(([, item]) => !filtering || item.shown > 0)
      .map(([room, item]) => ({ room, ...item }))
      .sort((a, b) => b.latest - a.latest || a.room.localeCompare(b.room));
  }

  /**
   * The product's shown entries by room, for its count, its rooms and its room rows: kept while the
   * ledger and the filter basis hold; after a change, only rooms whose revision moved are filtered again.
   */
  private shownOf(accountId: string, product: Product): ShownEntries {
    const key = productKey(accountId, product);
    const basis = `${this.deps.ledger.revision}|${this.filterBasis(product)}`;
    const memo = this.shown.get(key);
    if (memo?.basis === basis) return memo;
    const rooms = new Map<string, ShownRoom>();
    let count = 0;
    // Rooms no longer in the ledger are dropped here, so what is kept is bounded by what the ledger holds.
    for (const { room } of this.deps.ledger.rooms(accountId, product)) {
      const shown = this.shownRoom(accountId, product, room, memo?.rooms.get(room));
      rooms.set(room, shown);
      count += shown.entries.length;
    }
    // An account no longer configured keeps nothing here.
    const accounts = new Set(this.deps.accounts.list().map((a) => a.id));
    for (const [other] of this.shown) if (!accounts.has(other.slice(0, other.indexOf('\u0000')))) this.shown.delete(other);
    const computed = { basis, count, rooms };
    this.shown.set(key, computed);
    return computed;
  }

  // ---- nodes ----

  accountNode(account: Account): AccountNode {
    return { kind: 'account', id: accountNodeId(account.vendor, account.id), vendor: account.vendor, accountId: account.id };
  }

  private productNode(parent: AccountNode, product: Product): ProductNode {
    return { kind: 'product', id: productNodeId(parent.vendor, parent.accountId, product), accountId: parent.accountId, product, parent };
  }

  private productOf(node: TreeNode): ProductNode {
    let n: TreeNode | undefined = node;
    while (n && n.kind !== 'product') n = n.parent;
    if (!n) throw new Error(`node ${node.id} has no product above it`);
    return n;
  }

  private placeholder(parent: TreeNode, message: string, command?: PlaceholderNode['command']): PlaceholderNode {
    return { kind: 'placeholder', id: `${parent.id}/@placeholder`, message, command, parent };
  }

  errorNode(parent: TreeNode, error: MediaApiError, accountId: string): ErrorNode {
    return {
      kind: 'error',
      id: `${parent.id}/@error`,
      accountId,
      summary: error.summary(),
      message: error.message,
      hint: errorHint(error, this.deps.l10n),
      auth: error.kind === 'auth',
      parent,
    };
  }

  /** An empty level says whether the filter hid what is there. */
  private emptyMessage(unfiltered: string): string {
    return isFiltering(this.deps.filter.get()) ? this.deps.l10n.t('No tasks match the filter') : unfiltered;
  }
}
