/**
 * Every command, built from its factory with the dependencies it names, and registered in one
 * place. A command that throws shows an error (with the log one click away) instead of failing
 * silently.
 */
import * as vscode from 'vscode';
import type { Logger } from '../model/logger';
import type { AccountStore } from '../accounts/accountStore';
import type { EmbeddedSandbox } from '../sources/embeddedSandbox';
import type { SourceFactory, SourceRegistry } from '../sources/sourceRegistry';
import type { TaskLedger } from '../tasks/taskLedger';
import type { FilterState } from '../tree/filterState';
import type { TaskTreeProvider } from '../tree/taskTreeProvider';
import type { TaskTreeView } from '../tree/taskTreeView';
import type { TaskDetailsPanels } from '../webview';
import { addAccountCommand } from './addAccount';
import { addRoomCommand } from './addRoom';
import { clearFilterCommand } from './clearFilter';
import type { Command } from './command';
import { copyTaskIdCommand } from './copyTaskId';
import { editAccountCommand } from './editAccount';
import { exportTasksCommand } from './exportTasks';
import { filterCommand } from './filter';
import { forgetTaskCommand } from './forgetTask';
import { loadMoreCommand } from './loadMore';
import { lookUpTaskCommand } from './lookUpTask';
import { openRoomCommand } from './openRoom';
import { openStorageFileCommand } from './openStorageFile';
import { openTaskDetailsCommand } from './openTaskDetails';
import { showFailure } from './pick';
import { reenterCredentialsCommand } from './reenterCredentials';
import { refreshCommand } from './refresh';
import { refreshNodeCommand } from './refreshNode';
import { removeAccountCommand } from './removeAccount';
import { retryCommand } from './retry';
import { showLogCommand } from './showLog';
import { showRunningTasksCommand } from './showRunningTasks';
import { trackTaskCommand } from './trackTask';
import { trySandboxCommand } from './trySandbox';

export interface CommandDeps {
  readonly accounts: AccountStore;
  readonly ledger: TaskLedger;
  readonly sources: SourceRegistry;
  readonly sourceFactory: SourceFactory;
  readonly sandbox: EmbeddedSandbox;
  readonly tree: TaskTreeProvider;
  readonly view: TaskTreeView;
  readonly filter: FilterState;
  readonly panels: TaskDetailsPanels;
  readonly log: { show(preserveFocus?: boolean): void };
  readonly logger: Logger;
  readonly defaultHours: () => number;
}

export function createCommands(deps: CommandDeps): Command[] {
  const store = deps.ledger;
  return [
    addAccountCommand(deps),
    editAccountCommand(deps),
    removeAccountCommand(deps),
    reenterCredentialsCommand(deps),
    trySandboxCommand(deps),
    refreshCommand(deps),
    refreshNodeCommand(deps),
    retryCommand(deps),
    filterCommand(deps),
    clearFilterCommand(deps),
    loadMoreCommand(deps),
    addRoomCommand(deps),
    trackTaskCommand(deps),
    openRoomCommand(deps),
    lookUpTaskCommand(deps),
    copyTaskIdCommand(deps),
    exportTasksCommand(deps),
    forgetTaskCommand(deps),
    openTaskDetailsCommand({ store, accounts: deps.accounts, panels: deps.panels }),
    openStorageFileCommand({ store, accounts: deps.accounts, panels: deps.panels }),
    showRunningTasksCommand({ store, accounts: deps.accounts, panels: deps.panels }),
    showLogCommand(deps),
  ];
}

export function registerCommands(context: vscode.ExtensionContext, commands: readonly Command[], logger: Logger): void {
  for (const command of commands) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
        try {
          return await command.run(...args);
        } catch (err) {
          logger.error(`[commands] ${command.id} failed`, err);
          await showFailure(vscode.l10n.t('{0} failed.', command.id), err);
          return undefined;
        }
      }),
    );
  }
}

