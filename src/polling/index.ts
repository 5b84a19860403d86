/** The poller in VS Code: settings, window focus and notifications around the pure scheduler. */
import * as vscode from 'vscode';
import { CommandIds } from '../ids/commands';
import { SettingKeys } from '../ids/settingKeys';
import type { Disposable } from '../model/events';
import type { Logger } from '../model/logger';
import type { TaskKey } from '../model/task';
import type { TaskStore } from '../model/taskStore';
import type { PollLease } from '../tasks/pollLease';
import { currentSettings } from '../settings';
import { notificationMessage, type StatusChange } from './notify';
import { PollScheduler, systemClock } from './scheduler';

/** How often windows swap what they show with the polling window. */
const RENEW_EXCHANGE_MS = 3_000;

export interface TaskPollerDeps {
  readonly store: TaskStore;
  readonly logger: Logger;
  /** Keys the UI shows now: tree rows while the view is visible, plus `panels.openKeys()`. Pinned tasks are added by the poller. */
  readonly watchedKeys: () => TaskKey[];
  readonly isViewVisible: () => boolean;
  readonly onBusyChange?: (busy: boolean) => void;
  /** After each poll: the first failure's message, or `undefined` when all succeeded (fits `TaskStatusBar.setLastError`). */
  readonly onError?: (message: string | undefined) => void;
  /** One poller across windows: only the lease holder polls, for every window's watched tasks. */
  readonly lease?: PollLease;
}

export interface TaskPoller {
  start(): void;
  /** Re-evaluates now; call when the tree view becomes visible or shows other rows. */
  wake(): void;
  dispose(): void;
}

async function notify(change: StatusChange): Promise<void> {
  const { text, severity } = notificationMessage(change, vscode.l10n);
  const openDetails = vscode.l10n.t('Open Details');
  const show = severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const choice = await show(text, openDetails);
  if (choice === openDetails) {
    const { accountId, product, taskId } = change.entry;
    await vscode.commands.executeCommand(CommandIds.openTaskDetails, { accountId, product, taskId });
  }
}

export function createTaskPoller(deps: TaskPollerDeps): TaskPoller {
  const { lease } = deps;
  /** What the other windows show, read at each lease round while this one polls for all. */
  let othersWatched: readonly TaskKey[] = [];
  const scheduler = new PollScheduler({
    store: deps.store,
    logger: deps.logger,
    clock: systemClock,
    watchedKeys: () => (lease?.held ? [...deps.watchedKeys(), ...othersWatched] : deps.watchedKeys()),
    mayPoll: () => lease?.held ?? true,
    isViewVisible: deps.isViewVisible,
    isWindowFocused: () => vscode.window.state.focused,
    intervalMs: () => currentSettings().refreshIntervalSeconds * 1000,
    notifications: () => currentSettings().notifications,
    onBusyChange: deps.onBusyChange,
    onError: deps.onError,
    onNotify: (change) => {
      notify(change).catch((error: unknown) => deps.logger.warn(`[poller] notification failed: ${String(error)}`));
    },
  });
  const exchange = async (): Promise<void> => {
    if (!lease) return;
    if (lease.held) othersWatched = await lease.othersWatched();
    else await lease.publishWatched(deps.watchedKeys());
    scheduler.wake();
  };
  const exchangeTimer = lease
    ? setInterval(() => void exchange().catch((err: unknown) => deps.logger.warn(`[poller] sharing watched tasks failed: ${String(err)}`)), RENEW_EXCHANGE_MS)
    : undefined;
  const subscriptions: Disposable[] = [
    { dispose: () => exchangeTimer && clearInterval(exchangeTimer) },
    ...(lease ? [lease.onDidChange(() => void exchange())] : []),
    vscode.window.onDidChangeWindowState(() => scheduler.wake()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SettingKeys.refreshIntervalSeconds)) scheduler.wake();
    }),
  ];
  return {
    start: () => scheduler.start(),
    wake: () => scheduler.wake(),
    dispose: () => {
      for (const subscription of subscriptions) subscription.dispose();
      scheduler.dispose();
    },
  };
}
