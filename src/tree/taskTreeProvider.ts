/**
 * The one TreeDataProvider: Account → product → room or stream → task → storage files.
 * Children are computed from the ledger (the memory of every task seen) after the loads a level
 * needs: a listing page for CSS and ZEGO, a room query per pinned GME room, a per-task query for
 * TRTC. A failed load becomes an error row; nothing is ever silently empty.
 */
import * as vscode from 'vscode';
import { accountProducts, type Account } from '../model/account';
import type { MediaApiError } from '../model/errors';
import { byNewest, entryStartMs, type LedgerEntry } from '../model/ledgerEntry';
import type { Logger } from '../model/logger';
import { isTerminal, type Product, type TaskKey, type Vendor } from '../model/task';
import type { ListingSource } from '../model/taskSource';
import type { AccountStore } from '../accounts/accountStore';
import { CommandIds } from '../ids/commands';
import { TASKS_VIEW_ID } from '../ids/views';
import type { SourceRegistry } from '../sources/sourceRegistry';
import { asMediaApiError } from '../tasks/apiErrors';
import { listingEndMs, listingStartMs } from '../tasks/listingWindow';
import type { TaskLedger } from '../tasks/taskLedger';
import { errorHint } from '../display/hints';
import { isFiltering, isShown, listingHours } from './filter';
import type { FilterState } from './filterState';
import { bucketIdPart, groupChildren, groupRows, type Grouped } from './grouping';
import { issueNode, issueNodes } from './issuedNodes';
import { ListingPager } from './listingPager';
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
import { buildTreeItem, type ItemContext } from './treeItems';


/** How long bulk ledger changes are gathered before the view redraws. */
const REDRAW_DEBOUNCE_MS = 500;
/** Most files listed under a task; the details panel shows them all. */
const MAX_FILE_ROWS = 200;

export interface TaskTreeDeps {
  readonly accounts: AccountStore;
  readonly ledger: TaskLedger;
  readonly sources: SourceRegistry;
  readonly filter: FilterState;
  readonly logger: Logger;
  readonly defaultHours: () => number;
  readonly now?: () => number;
}

/** A room row's data: its tasks (shown ones, newest first) and when it was last active. */
interface RoomItem {
  readonly room: string;
  readonly latest: number;
  readonly entries: readonly LedgerEntry[];
}


/**
 * Tasks one load (first view or Load more…) pulls. ZEGO answers newest first (as its documented sample
 * shows), so one page per status already holds the latest tasks, and at 10 requests/s every extra page
 * costs the first paint 100 ms. CSS answers oldest first within its window, so a batch must be large
 * enough to reach today's tasks.
 */
function listingBatch(product: Product): number {
  return product === 'zego-recording' ? 50 : 500;
}
const isListing = (product: Product): boolean => product === 'css' || product === 'zego-recording';
/** Whether a node id is `prefix` or below it ('' is above everything). */
const within = (id: string, prefix: string): boolean => prefix === '' || id === prefix || id.startsWith(`${prefix}/`);
const isTrtc = (product: Product): boolean => product === 'trtc-recording' || product === 'trtc-relay';

export class TaskTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly pagers = new Map<string, ListingPager>();
  /** Loads done (or under way) since the node was last refreshed, by node id. */
  private readonly loads = new Map<string, Promise<void>>();
  private readonly errors = new Map<string, MediaApiError>();
  /** Task keys rendered under each expanded parent (what the poller watches). */
  private readonly shown = new Map<string, readonly TaskKey[]>();
  private redrawTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly now: () => number;

  constructor(private readonly deps: TaskTreeDeps) {
    this.now = deps.now ?? Date.now;
    this.subscriptions.push(
      this.changeEmitter,
      deps.ledger.onDidChange(() => this.scheduleRedraw()),
      deps.filter.onDidChange(() => {
        // A new time range means a new CSS listing window.
        this.dropPagers('');
        this.redrawNow();
      }),
      deps.accounts.onDidChange(({ accountId }) => {
        deps.sources.invalidate(accountId);
        const account = accountId === undefined ? undefined : deps.accounts.get(accountId);
        this.forgetLoads(account ? accountNodeId(account.vendor, account.id) : '');
        this.redrawNow();
      }),
    );
  }

  // ---- TreeDataProvider ----

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return buildTreeItem(node, this.itemContext());
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    try {
      const children = await this.children(node);
      this.shown.set(node?.id ?? '', children.flatMap((c) => (c.kind === 'task' ? [c.key] : [])));
      return issueNodes(children);
    } catch (err) {
      // Defensive: a bug in a level must show as a row, never as a spinner that never ends.
      const error = asMediaApiError(err, vendorOf(node), 'tree');
      this.deps.logger.error(`[tree] children of ${node?.id ?? 'root'} failed`, err);
      return node ? issueNodes([this.errorNode(node, error, node.kind === 'account' ? node.accountId : '')]) : [];
    }
  }

  // ---- what commands and the poller use ----

  /** Reloads everything from the vendors. */
  refreshAll(): void {
    this.forgetLoads('');
    this.redrawNow();
  }

  /** Reloads one node: its listing, its rooms, its tasks. */
  async refreshNode(node: TreeNode): Promise<void> {
    if (node.kind === 'task') {
      await this.deps.ledger.refresh(node.key).catch((err: unknown) => this.deps.logger.warn(`[tree] refresh ${node.key.taskId} failed`, err));
      return;
    }
    // Rows that stand for their parent's load (error, Load more, placeholder, file) refresh the parent.
    const target = node.kind === 'error' || node.kind === 'loadMore' || node.kind === 'placeholder' || node.kind === 'file' ? node.parent : node;
    if (target.kind === 'task') return this.refreshNode(target);
    // A listing's rooms and groups are views of the product's listing: reload the listing.
    const owner = (target.kind === 'room' || target.kind === 'dayGroup') && isListing(target.product) ? this.productOf(target) : target;
    this.forgetLoads(owner.id);
    if (owner.kind === 'room' && isTrtc(owner.product)) await this.withViewProgress(this.loadTrtcTasks(this.productOf(owner), owner.room));
    this.changeEmitter.fire(owner);
  }

  /** Pulls the next batch of a listing (the "Load more…" row). */
  async loadMore(node: ProductNode): Promise<void> {
    const pager = this.pagers.get(node.id);
    if (!pager) return;
    await this.withViewProgress(pager.loadMore());
    this.changeEmitter.fire(node);
  }

  /** Tasks the user can see now: the poller watches these (plus pinned and open ones). */
  visibleTaskKeys(): TaskKey[] {
    const seen = new Map<string, TaskKey>();
    for (const keys of this.shown.values()) for (const key of keys) seen.set(`${key.accountId}/${key.product}/${key.taskId}`, key);
    return [...seen.values()];
  }

  /** A collapsed node's tasks are no longer visible. */
  collapsed(node: TreeNode): void {
    for (const id of [...this.shown.keys()]) if (within(id, node.id)) this.shown.delete(id);
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
    if (!node) this.deps.logger.warn(`[tree] task ${key.taskId} is not reachable in the tree (filtered out, or its room is not shown)`);
    return node && issueNode(node);
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
    return node && issueNode(node);
  }

  /** Every entry the view shows now (Export Tasks… exports exactly these). */
  shownEntries(): LedgerEntry[] {
    const accounts = new Set(this.deps.accounts.list().map((a) => a.id));
    const filter = this.deps.filter.get();
    const now = this.now();
    return this.deps.ledger.all().filter((e) => accounts.has(e.accountId) && isShown(e, filter, this.deps.defaultHours(), now));
  }

  dispose(): void {
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    for (const pager of this.pagers.values()) pager.cancel();
    for (const s of this.subscriptions) s.dispose();
  }

  // ---- levels ----

  private async children(node?: TreeNode): Promise<TreeNode[]> {
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

  private accountChildren(node: AccountNode): TreeNode[] {
    const account = this.deps.accounts.get(node.accountId);
    if (!account) return [];
    const products = accountProducts(account);
    if (products.length === 0) return [this.placeholder(node, vscode.l10n.t('No product set up. Edit the account to add one.'), CommandIds.editAccount)];
    return products.map((product) => this.productNode(node, product));
  }

  private async productChildren(node: ProductNode): Promise<TreeNode[]> {
    if (isListing(node.product)) return this.listingChildren(node);
    await this.ensureLoaded(node.id, () => (node.product === 'gme' ? this.loadGmeRooms(node) : this.loadTrtcTasks(node, undefined)));
    const rows = this.roomRows(node, this.roomItems(node), undefined);
    const error = this.errors.get(node.id);
    const out: TreeNode[] = error ? [this.errorNode(node, error, node.accountId)] : [];
    out.push(...rows);
    if (rows.length === 0 && !error) {
      if (node.product === 'gme') {
        out.push(this.placeholder(node, vscode.l10n.t('No rooms yet. Add Room… to follow a GME room.'), CommandIds.addRoom));
      } else {
        out.push(this.placeholder(node, this.emptyMessage(vscode.l10n.t('No tasks tracked. Track Task… to follow one by its ID.')), CommandIds.trackTask));
      }
    }
    return out;
  }

  private async listingChildren(node: ProductNode): Promise<TreeNode[]> {
    const pager = await this.pagerFor(node);
    const error = pager?.error ?? this.errors.get(node.id);
    const rows = this.roomRows(node, this.roomItems(node), undefined);
    const out: TreeNode[] = error ? [this.errorNode(node, error, node.accountId)] : [];
    out.push(...rows);
    if (rows.length === 0 && !error) {
      const hours = node.product === 'css' ? listingHours(this.deps.filter.get(), this.deps.defaultHours()) : 72;
      out.push(this.placeholder(node, this.emptyMessage(vscode.l10n.t('No tasks in the last {0} hours', hours))));
    }
    if (pager?.hasMore && !error) out.push({ kind: 'loadMore', id: `${node.id}/@loadMore`, parent: node });
    return out;
  }

  private async roomChildren(node: RoomNode): Promise<TreeNode[]> {
    // TRTC tasks were asked about when the product expanded; a room refresh asks again (refreshNode).
    if (node.product === 'gme') await this.ensureLoaded(node.id, () => this.loadGmeRoom(node.accountId, node.room, node.id));
    const entries = this.roomEntriesShown(node.accountId, node.product, node.room).sort(byNewest);
    const out: TreeNode[] = [];
    const error = this.errors.get(node.id);
    if (error) out.push(this.errorNode(node, error, node.accountId));
    out.push(...this.taskRows(node, node.room, groupRows(entries, entryStartMs)));
    if (entries.length === 0 && !error) {
      out.push(this.placeholder(node, this.emptyMessage(node.product === 'gme' ? vscode.l10n.t('No recording in this room') : vscode.l10n.t('No tasks'))));
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
    const rows: TreeNode[] = files.slice(0, MAX_FILE_ROWS).map((f) => ({ kind: 'file', id: `${node.id}/${encodeURIComponent(f.fileName)}`, key: node.key, fileName: f.fileName, parent: node }));
    if (files.length > MAX_FILE_ROWS) {
      rows.push(this.placeholder(node, vscode.l10n.t('{0} more files: open the task details to see them all', files.length - MAX_FILE_ROWS), CommandIds.openTaskDetails));
    }
    return rows;
  }

  // ---- rows ----

  /** Rooms of a product (or of one group of them), grouped by day when there are many. */
  private roomRows(parent: TreeNode, items: readonly RoomItem[], group: GroupNode | undefined): TreeNode[] {
    const product = group ? this.productOf(group) : (parent as ProductNode);
    const grouped: Grouped<RoomItem> = group ? groupChildren(items, (r) => r.latest, group.bucket) : groupRows(items, (r) => r.latest);
    if (grouped.kind === 'groups') {
      return grouped.groups.map((bucket) => ({ kind: 'dayGroup', id: `${parent.id}/${bucketIdPart(bucket)}`, accountId: product.accountId, product: product.product, bucket, parent }));
    }
    const vendor = product.parent.vendor;
    return grouped.rows.map((r) => ({ kind: 'room', id: roomNodeId(vendor, product.accountId, product.product, r.room), accountId: product.accountId, product: product.product, room: r.room, parent }));
  }

  private taskRows(parent: RoomNode | GroupNode, room: string, grouped: Grouped<LedgerEntry>): TreeNode[] {
    if (grouped.kind === 'groups') {
      return grouped.groups.map((bucket) => ({ kind: 'dayGroup', id: `${parent.id}/${bucketIdPart(bucket)}`, accountId: parent.accountId, product: parent.product, room, bucket, parent }));
    }
    const vendor = this.productOf(parent).parent.vendor;
    return grouped.rows.map((e) => ({ kind: 'task', id: taskNodeId(vendor, e, room), key: { accountId: e.accountId, product: e.product, taskId: e.taskId }, parent }));
  }

  /** The rooms a product shows: rooms of its shown entries, plus pinned GME rooms even when empty. */
  private roomItems(product: ProductNode): RoomItem[] {
    const rooms = new Map<string, { latest: number; entries: LedgerEntry[] }>();
    for (const room of this.deps.ledger.pinnedRooms(product.accountId, product.product)) rooms.set(room.room, { latest: room.addedAt, entries: [] });
    for (const entry of this.entriesShown(product.accountId, product.product)) {
      const item = rooms.get(entry.task.room) ?? { latest: 0, entries: [] };
      item.entries.push(entry);
      item.latest = Math.max(item.latest, entryStartMs(entry));
      rooms.set(entry.task.room, item);
    }
    const filtering = isFiltering(this.deps.filter.get());
    return [...rooms.entries()]
      .filter(([, item]) => !filtering || item.entries.length > 0)
      .map(([room, item]) => ({ room, latest: item.latest, entries: item.entries }))
      .sort((a, b) => b.latest - a.latest || a.room.localeCompare(b.room));
  }

  private entriesShown(accountId: string, product: Product): LedgerEntry[] {
    const filter = this.deps.filter.get();
    const now = this.now();
    const hours = this.deps.defaultHours();
    return this.deps.ledger.entriesOf(accountId, product).filter((e) => isShown(e, filter, hours, now));
  }

  /** One room's shown entries, read from the ledger's room index (not a scan of the product). */
  private roomEntriesShown(accountId: string, product: Product, room: string): LedgerEntry[] {
    const filter = this.deps.filter.get();
    const now = this.now();
    const hours = this.deps.defaultHours();
    return this.deps.ledger.roomEntries(accountId, product, room).filter((e) => isShown(e, filter, hours, now));
  }

  // ---- loads ----

  private ensureLoaded(id: string, load: () => Promise<void>): Promise<void> {
    let done = this.loads.get(id);
    if (!done) {
      done = this.withViewProgress(load());
      this.loads.set(id, done);
    }
    return done;
  }

  /** The product's listing, its first batch loaded; undefined (and an error recorded) when it has no source. */
  private async pagerFor(node: ProductNode): Promise<ListingPager | undefined> {
    let pager = this.pagers.get(node.id);
    if (!pager) {
      this.errors.delete(node.id);
      let source: ListingSource;
      try {
        source = (await this.deps.sources.source(node.accountId, node.product)) as ListingSource;
      } catch (err) {
        // No source (credentials missing): an error row; the next expansion or Retry tries again.
        this.errors.set(node.id, asMediaApiError(err, node.parent.vendor, 'credentials'));
        return undefined;
      }
      const now = this.now();
      const hours = node.product === 'css' ? listingHours(this.deps.filter.get(), this.deps.defaultHours()) : Number.POSITIVE_INFINITY;
      const query = { startMs: listingStartMs(source, now, hours), endMs: listingEndMs(source, now), statuses: 'all' as const };
      pager = new ListingPager(source, query, (tasks) => this.deps.ledger.record(tasks), listingBatch(source.product));
      this.pagers.set(node.id, pager);
    }
    if (!pager.started || pager.isLoading) await this.withViewProgress(pager.loadMore());
    return pager;
  }

  private async loadGmeRooms(node: ProductNode): Promise<void> {
    await Promise.all(
      this.deps.ledger
        .pinnedRooms(node.accountId, 'gme')
        .map((r) => this.ensureLoaded(roomNodeId(node.parent.vendor, node.accountId, 'gme', r.room), () => this.loadGmeRoom(node.accountId, r.room, roomNodeId(node.parent.vendor, node.accountId, 'gme', r.room)))),
    );
  }

  private async loadGmeRoom(accountId: string, room: string, nodeId: string): Promise<void> {
    this.errors.delete(nodeId);
    try {
      const source = await this.deps.sources.source(accountId, 'gme');
      if (source.kind !== 'byRoom') return;
      await this.deps.ledger.recordRoom(accountId, 'gme', room, await source.describeRoom(room));
    } catch (err) {
      this.errors.set(nodeId, asMediaApiError(err, 'tencent', 'DescribeTaskInfo'));
      // The room row says it failed, not only its error row.
      this.scheduleRedraw();
    }
  }

  /** Asks TRTC about every tracked task still not known to have ended (of one room label, or all). */
  private async loadTrtcTasks(node: ProductNode, room: string | undefined): Promise<void> {
    this.errors.delete(node.id);
    const live = this.deps.ledger.entriesOf(node.accountId, node.product).filter((e) => !isTerminal(e.task.status) && (room === undefined || e.task.room === room));
    const results = await Promise.allSettled(live.map((e) => this.deps.ledger.refresh(e)));
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [asMediaApiError(r.reason, 'tencent', 'refresh')] : []));
    // One task failing is shown on its row; every task failing is the account's problem (keys, network).
    if (failures.length > 0 && failures.length === results.length) this.errors.set(node.id, failures[0]);
  }

  private forgetLoads(prefix: string): void {
    for (const id of [...this.loads.keys()]) if (within(id, prefix)) this.loads.delete(id);
    for (const id of [...this.errors.keys()]) if (within(id, prefix)) this.errors.delete(id);
    this.dropPagers(prefix);
  }

  private dropPagers(prefix: string): void {
    for (const [id, pager] of [...this.pagers]) {
      if (!within(id, prefix)) continue;
      pager.cancel();
      this.pagers.delete(id);
    }
  }

  private withViewProgress<T>(work: Promise<T>): Promise<T> {
    void vscode.window.withProgress({ location: { viewId: TASKS_VIEW_ID } }, () => work.catch(() => undefined));
    return work;
  }

  private scheduleRedraw(): void {
    this.redrawTimer ??= setTimeout(() => this.redrawNow(), REDRAW_DEBOUNCE_MS);
  }

  /**
   * Redraws at once instead of after the debounce. `reveal` must follow this after a pin or a record:
   * VS Code looks the revealed row up among the children it has cached, and until it is told of the
   * change those lack the new room or task ("Cannot resolve tree item").
   */
  redrawNow(): void {
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    this.redrawTimer = undefined;
    this.changeEmitter.fire(undefined);
  }

  // ---- nodes and item data ----

  private accountNode(account: Account): AccountNode {
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

  private errorNode(parent: TreeNode, error: MediaApiError, accountId: string): ErrorNode {
    return {
      kind: 'error',
      id: `${parent.id}/@error`,
      accountId,
      summary: error.summary(),
      message: error.message,
      hint: errorHint(error, vscode.l10n),
      auth: error.kind === 'auth',
      parent,
    };
  }

  /** An empty level says whether the filter hid what is there. */
  private emptyMessage(unfiltered: string): string {
    return isFiltering(this.deps.filter.get()) ? vscode.l10n.t('No tasks match the filter') : unfiltered;
  }

  private itemContext(): ItemContext {
    return {
      time: { now: this.now(), locale: vscode.env.language },
      account: (id) => this.deps.accounts.get(id),
      entry: (key) => this.deps.ledger.get(key),
      roomEntries: (accountId, product, room) => this.roomEntriesShown(accountId, product, room),
      pinnedRoom: (accountId, product, room) => this.deps.ledger.pinnedRooms(accountId, product).some((r) => r.room === room),
      listing: (productNodeId) => {
        const pager = this.pagers.get(productNodeId);
        return pager?.started ? { more: pager.hasMore } : undefined;
      },
      // GME's rows are the rooms the user pinned; the other products' rows are their tasks.
      productCount: (accountId, product) =>
        product === 'gme' ? this.deps.ledger.pinnedRooms(accountId, product).length : this.entriesShown(accountId, product).length,
      // A listing's failure is its pager's (the page that failed), the others' are in `errors`.
      error: (nodeId) => this.pagers.get(nodeId)?.error ?? this.errors.get(nodeId),
    };
  }
}

/** The vendor of the account a node belongs to (a level that failed is labelled with it). */
function vendorOf(node: TreeNode | undefined): Vendor {
  for (let n = node; n; n = n.parent) if (n.kind === 'account') return n.vendor;
  return 'tencent';
}
