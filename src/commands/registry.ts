/**
 * Every command, built from its factory with the dependencies it names, and registered in one
 * place. A command that throws shows an error named by its title (with the log one click away)
 * instead of failing silently; in test mode it also rejects, so a test's `executeCommand` sees it.
 * Commands are entry points any installed extension can call with any arguments: they hand nothing
 * back to the caller.
 */
import * as vscode from 'vscode';
import type { Logger } from '../model/logger';
import type { AccountStore } from '../accounts/accountStore';
import type { CallbackKeyStore } from '../accounts/callbackKeyStore';
import type { CallbackIntake } from '../tasks/callbackIntake';
import type { EmbeddedSandbox } from '../sources/embeddedSandbox';
import type { SourceFactory, SourceRegistry } from '../sources/sourceRegistry';
import type { TaskLoader } from '../tasks/taskLoader';
import type { TaskLedger } from '../tasks/taskLedger';
import type { StopperFactory, TaskStops } from '../tasks/taskStops';
import type { FilterState } from '../tree/filterState';
import type { TaskTreeProvider } from '../tree/taskTreeProvider';
import type { TaskTreeView } from '../tree/taskTreeView';
import type { TaskDetailsPanels } from '../webview';
import { addAccountCommand } from './addAccount';
import { addRoomCommand } from './addRoom';
import { clearFilterCommand } from './clearFilter';
import type { Command } from './command';
import type { CopyQueryDeps } from './copyQueryAs';
import { commandTitles } from './commandTitles';
import { runGuarded } from './guard';
import { copyTaskIdCommand } from './copyTaskId';
import { editAccountCommand } from './editAccount';
import { exportTasksCommand } from './exportTasks';
import { filterCommand } from './filter';
import { forgetTaskCommand } from './forgetTask';
import { loadMoreCommand } from './loadMore';
import { lookUpTaskCommand } from './lookUpTask';
import { openRoomCommand } from './openRoom';
import { openStorageFileCommand } from './openStorageFile';
import { openRoomTimelineCommand } from './openRoomTimeline';
import { openTaskDetailsCommand } from './openTaskDetails';
import { pasteCallbackCommand } from './pasteCallback';
import { showFailure } from './pick';
import { reenterCredentialsCommand } from './reenterCredentials';
import { refreshCommand } from './refresh';
import { refreshNodeCommand } from './refreshNode';
import { removeAccountCommand } from './removeAccount';
import { retryCommand } from './retry';
import { setCallbackKeysCommand } from './setCallbackKeys';
import { showLogCommand } from './showLog';
import { showRunningTasksCommand } from './showRunningTasks';
import { stopTaskCommand } from './stopTask';
import { copyQueryAsCommand } from './copyQueryAs';
import { trackTaskCommand } from './trackTask';
import { trySandboxCommand } from './trySandbox';

export interface CommandDeps {
  readonly accounts: AccountStore;
  readonly ledger: TaskLedger;
  readonly loader: TaskLoader;
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
  readonly stops: TaskStops;
  readonly stopperFactory: StopperFactory;
  readonly queryCopier: CopyQueryDeps['copier'];
  /** `mediaTasks.readOnly`: write actions are hidden and refused. */
  readonly readOnly: () => boolean;
  readonly callbackKeys: CallbackKeyStore;
  readonly intake: CallbackIntake;
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
    openRoomTimelineCommand({ store, accounts: deps.accounts, panels: deps.panels }),
    showRunningTasksCommand({ store, accounts: deps.accounts, panels: deps.panels, readOnly: deps.readOnly }),
    showLogCommand(deps),
    stopTaskCommand({ store, stops: deps.stops, accounts: deps.accounts, readOnly: deps.readOnly }),
    copyQueryAsCommand({ store, accounts: deps.accounts, copier: deps.queryCopier }),
    pasteCallbackCommand(deps),
    setCallbackKeysCommand(deps),
  ];
}

export function registerCommands(
  context: vscode.ExtensionContext,
  commands: readonly Command[],
  options: { readonly logger: Logger; readonly rethrow: boolean },
): void {
  const titles = commandTitles(context.extension.packageJSON);
  for (const command of commands) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command.id, (...args: unknown[]) =>
        runGuarded(command, args, {
          rethrow: options.rethrow,
          onFailure: (err) => {
            options.logger.error(`[commands] ${command.id} failed`, err);
            return showFailure(vscode.l10n.t('{0} failed.', titles.get(command.id) ?? command.id), err);
          },
        }),
      ),
    );
  }
}
