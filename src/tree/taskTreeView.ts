/**
 * The "Tasks" view around the provider: the filter in the view's description and message, the context keys
 * menus and welcome content use, visibility for the poller, and reveal by task or room.
 */
import * as vscode from 'vscode';
import type { Product, TaskKey } from '../model/task';
import type { AccountStore } from '../accounts/accountStore';
import { describeFilter, isFiltering } from './filter';
import { messageText } from '../display/vendorText';
import type { FilterState } from './filterState';
import type { TreeNode } from './nodes';
import { ContextKeys } from '../ids/contextKeys';
import { TASKS_VIEW_ID } from '../ids/views';
import { TaskTreeProvider } from './taskTreeProvider';

export class TaskTreeView implements vscode.Disposable {
  readonly view: vscode.TreeView<TreeNode>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly visibilityChanged = new vscode.EventEmitter<boolean>();
  readonly onDidChangeVisibility = this.visibilityChanged.event;

  constructor(
    readonly provider: TaskTreeProvider,
    private readonly accounts: AccountStore,
    private readonly filter: FilterState,
  ) {
    this.view = vscode.window.createTreeView(TASKS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      this.visibilityChanged,
      this.view.onDidCollapseElement((e) => provider.collapsed(e.element)),
      this.view.onDidChangeVisibility((e) => this.visibilityChanged.fire(e.visible)),
      filter.onDidChange(() => this.showFilter()),
      accounts.onDidChange(() => this.updateAccountsKey()),
    );
    this.showFilter();
    this.updateAccountsKey();
  }

  get visible(): boolean {
    return this.view.visible;
  }

  /**
   * Shows a task in the tree, expanding its ancestors. A task the filter hides is said so, with Clear
   * Filter one click away (its details open anyway; a silent no-op would look like a broken reveal).
   */
  async revealTask(key: TaskKey): Promise<boolean> {
    const node = await this.provider.findTaskNode(key);
    if (!node) {
      const filter = this.filter.get();
      if (isFiltering(filter)) void this.offerClearFilter(key, describeFilter(filter, vscode.l10n));
      return false;
    }
    this.provider.redrawNow();
    await this.view.reveal(node, { select: true, focus: true, expand: false });
    return true;
  }

  async revealRoom(accountId: string, product: Product, room: string): Promise<boolean> {
    const node = await this.provider.findRoomNode(accountId, product, room);
    if (!node) return false;
    this.provider.redrawNow();
    await this.view.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private async offerClearFilter(key: TaskKey, described: string): Promise<void> {
    const clear = vscode.l10n.t('Clear Filter');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('Task {0} is hidden by the filter ({1}).', messageText(key.taskId), messageText(described)),
      clear,
    );
    if (answer !== clear) return;
    await this.filter.clear();
    await this.revealTask(key);
  }

  private showFilter(): void {
    const filter = this.filter.get();
    const described = isFiltering(filter) ? describeFilter(filter, vscode.l10n) : undefined;
    this.view.description = described;
    // VS Code hides a view's description while it is its container's only view, so the filter is also
    // said inside the view, where it is always seen.
    this.view.message = described === undefined ? undefined : vscode.l10n.t('Filtered: {0}. Clear the filter to see every task.', described);
    void vscode.commands.executeCommand('setContext', ContextKeys.filtered, isFiltering(filter));
  }

  private updateAccountsKey(): void {
    void vscode.commands.executeCommand('setContext', ContextKeys.hasAccounts, this.accounts.list().length > 0);
  }
}
