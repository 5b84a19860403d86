/** The status-bar item: copies the pure state machine's view onto a `StatusBarItem`. */
import * as vscode from 'vscode';
import { CommandIds } from '../ids/commands';
import { SettingKeys } from '../ids/settingKeys';
import { STATUS_BAR_ITEM_ID } from '../ids/views';
import { currentSettings } from '../settings';
import type { Disposable } from '../model/events';
import type { Logger } from '../model/logger';
import type { TaskStore } from '../model/taskStore';
import {
  initialStatusBarState,
  reduceStatusBar,
  renderStatusBar,
  TOOLTIP_COMMANDS,
  type StatusBarAction,
  type StatusBarState,
  type StatusBarView,
} from './model';
import type { LongRunningTask } from './longRunning';

export interface TaskStatusBar {
  /** The spinner while any refresh is in flight (tree, poller, panels). */
  setRefreshing(busy: boolean): void;
  /** The last refresh's error (error background, message in the tooltip), or `undefined` once one succeeds. */
  setLastError(message: string | undefined): void;
  /** Tasks past their alert threshold and not snoozed (warning colour, named in the tooltip). */
  setLongRunning(tasks: readonly LongRunningTask[]): void;
  dispose(): void;
}

class StatusBarController implements TaskStatusBar {
  private readonly item: vscode.StatusBarItem;
  private state: StatusBarState = initialStatusBarState;
  private shown: StatusBarView | undefined;
  private readonly subscriptions: Disposable[] = [];

  constructor(
    private readonly store: TaskStore,
    private readonly logger: Logger,
  ) {
    this.item = vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Media Tasks');
    this.item.command = CommandIds.showRunningTasks;
    this.subscriptions.push(
      store.onDidChange(() => this.dispatch({ type: 'tasks', active: this.store.running() })),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SettingKeys.statusBarAlwaysShow)) this.dispatch({ type: 'alwaysShow', alwaysShow: readAlwaysShow() });
      }),
    );
    this.state = reduceStatusBar(reduceStatusBar(this.state, { type: 'alwaysShow', alwaysShow: readAlwaysShow() }), {
      type: 'tasks',
      active: store.running(),
    });
    this.apply();
  }

  /** What the item shows now (integration tests read it; VS Code offers no API to read an item back). */
  get view(): StatusBarView {
    return renderStatusBar(this.state, vscode.l10n, () => new vscode.MarkdownString('', true), vscode.env.language);
  }

  setRefreshing(busy: boolean): void {
    this.dispatch({ type: 'busy', busy });
  }

  setLastError(message: string | undefined): void {
    if (message !== undefined) this.logger.debug(`[status] last refresh failed: ${message}`);
    this.dispatch({ type: 'error', message });
  }

  setLongRunning(tasks: readonly LongRunningTask[]): void {
    this.dispatch({ type: 'longRunning', tasks });
  }

  private dispatch(action: StatusBarAction): void {
    this.state = reduceStatusBar(this.state, action);
    this.apply();
  }

  /** Touches the item only when its view changed: store events arrive on every poll. */
  private apply(): void {
    const view = this.view;
    const previous = this.shown;
    this.shown = view;
    if (previous && JSON.stringify(previous) === JSON.stringify(view)) return;
    this.item.text = view.text;
    // Vendor text in it was escaped by appendText when rendered; no HTML, trusted only for the commands it may link to.
    const tooltip = new vscode.MarkdownString(view.tooltip, true);
    tooltip.supportHtml = false;
    tooltip.isTrusted = { enabledCommands: [...TOOLTIP_COMMANDS] };
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: view.accessibilityLabel, role: 'button' };
    // VS Code picks the matching foreground (statusBarItem.errorForeground / warningForeground) itself.
    this.item.backgroundColor = view.error
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : view.warning
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
    if (view.visible) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}

function readAlwaysShow(): boolean {
  return currentSettings().statusBarAlwaysShow;
}

export function createTaskStatusBar(deps: { store: TaskStore; logger: Logger }): TaskStatusBar & { readonly view: StatusBarView } {
  return new StatusBarController(deps.store, deps.logger);
}
