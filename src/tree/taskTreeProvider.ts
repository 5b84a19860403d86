/**
 * The one TreeDataProvider: adapts the tree projection (taskTreeModel.ts) to VS Code. Rows come from
 * the model, items from treeItems.ts; this file keeps what only VS Code has: the change event, the
 * view's progress bar, the debounced redraw, and which task rows are on screen (the poller watches them).
 */
import * as vscode from 'vscode';
import type { Logger } from '../model/logger';
import type { Product, TaskKey } from '../model/task';
import type { AccountStore } from '../accounts/accountStore';
import { TASKS_VIEW_ID } from '../ids/views';
import { asMediaApiError } from '../tasks/apiErrors';
import type { TaskLedger } from '../tasks/taskLedger';
import type { TaskLoader } from '../tasks/taskLoader';
import type { FilterState } from './filterState';
import { issueNode, issueNodes } from './issuedNodes';
import { nodeVendor, type ProductNode, type RoomNode, type TaskNode, type TreeNode } from './nodes';
import { TaskTreeModel } from './taskTreeModel';
import { buildTreeItem, type ItemContext } from './treeItems';

/** How long bulk ledger changes are gathered before the view redraws. */
const REDRAW_DEBOUNCE_MS = 500;

export interface TaskTreeDeps {
  readonly accounts: AccountStore;
  readonly ledger: TaskLedger;
  readonly loader: TaskLoader;
  readonly filter: FilterState;
  readonly logger: Logger;
  readonly defaultHours: () => number;
  readonly now?: () => number;
}

/** Whether a node id is `prefix` or below it ('' is above everything). */
const within = (id: string, prefix: string): boolean => prefix === '' || id === prefix || id.startsWith(`${prefix}/`);

export class TaskTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  /** Task keys rendered under each expanded parent (what the poller watches). */
  private readonly shown = new Map<string, readonly TaskKey[]>();
  private redrawTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly now: () => number;
  private readonly model: TaskTreeModel;

  constructor(private readonly deps: TaskTreeDeps) {
    this.now = deps.now ?? Date.now;
    this.model = new TaskTreeModel({
      accounts: deps.accounts,
      ledger: deps.ledger,
      loader: deps.loader,
      filter: deps.filter,
      l10n: vscode.l10n,
      defaultHours: deps.defaultHours,
      now: this.now,
      progress: (work) => this.withViewProgress(work),
      logWarning: (message, err) => deps.logger.warn(message, err),
    });
    this.subscriptions.push(
      this.changeEmitter,
      deps.ledger.onDidChange(() => this.scheduleRedraw()),
      deps.filter.onDidChange(() => {
        // A new time range means new listing windows.
        deps.loader.forgetListings();
        this.redrawNow();
      }),
      deps.accounts.onDidChange(({ accountId }) => {
        deps.loader.forget(accountId === undefined ? {} : { accountId });
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
      const children = await this.model.children(node);
      this.shown.set(
        node?.id ?? '',
        children.flatMap((c) => (c.kind === 'task' ? [c.key] : [])),
      );
      return issueNodes(children);
    } catch (err) {
      // Defensive: a bug in a level must show as a row, never as a spinner that never ends.
      const error = asMediaApiError(err, nodeVendor(node), 'tree');
      this.deps.logger.error(`[tree] children of ${node?.id ?? 'root'} failed`, err);
      return node ? issueNodes([this.model.errorNode(node, error, node.kind === 'account' ? node.accountId : '')]) : [];
    }
  }

  // ---- what commands and the poller use ----

  /** Reloads everything from the vendors. */
  refreshAll(): void {
    this.deps.loader.forget();
    this.redrawNow();
  }

  /** Reloads one node: its listing, its rooms, its tasks. */
  async refreshNode(node: TreeNode): Promise<void> {
    const redraw = await this.model.refresh(node);
    if (redraw.kind !== 'task') this.changeEmitter.fire(redraw);
  }

  /** Pulls the next batch of a listing (the "Load more…" row). */
  async loadMore(node: ProductNode): Promise<void> {
    await this.model.loadMore(node);
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
    const node = await this.model.findTaskNode(key);
    return node && issueNode(node);
  }

  /** The node of a room (Open Room…), pinning GME rooms on the way. */
  async findRoomNode(accountId: string, product: Product, room: string): Promise<RoomNode | undefined> {
    const node = await this.model.findRoomNode(accountId, product, room);
    return node && issueNode(node);
  }

  /** Every entry the view shows now (Export Tasks… exports exactly these). */
  shownEntries(): ReturnType<TaskTreeModel['shownEntries']> {
    return this.model.shownEntries();
  }

  dispose(): void {
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    for (const s of this.subscriptions) s.dispose();
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

  private itemContext(): ItemContext {
    return {
      time: { now: this.now(), locale: vscode.env.language },
      account: (id) => this.deps.accounts.get(id),
      entry: (key) => this.deps.ledger.get(key),
      roomEntries: (accountId, product, room) => this.model.roomEntriesShown(accountId, product, room),
      pinnedRoom: (accountId, product, room) => this.deps.ledger.pinnedRooms(accountId, product).some((r) => r.room === room),
      listing: (node) => this.model.listing(node),
      productCount: (accountId, product) => this.model.productCount(accountId, product),
      error: (node) => this.model.error(node),
    };
  }
}
