import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { TaskStore } from '../model/taskStore';
import { parseRunningTasksFilter, runningTasksFor } from '../status/model';
import type { TaskDetailsPanels } from '../webview';
import { pickTask } from './pick';
import type { Command } from './command';
import { CommandIds } from './ids';

/**
 * The status-bar item's click: a QuickPick of the tasks that have not ended (recording ones first,
 * longest-running first), opening the chosen one's details. The tooltip's links pass a product filter.
 */
export function showRunningTasksCommand(deps: { store: TaskStore; accounts: Pick<AccountStore, 'get'>; panels: Pick<TaskDetailsPanels, 'show'> }): Command {
  return {
    id: CommandIds.showRunningTasks,
    run: async (arg?: unknown) => {
      const entries = runningTasksFor(deps.store.running(), parseRunningTasksFilter(arg));
      const entry = await pickTask(entries, {
        placeHolder: vscode.l10n.t('Running tasks: select one to show its details'),
        emptyMessage: vscode.l10n.t('No task is running.'),
        accountName: (id) => deps.accounts.get(id)?.label,
      });
      if (entry) deps.panels.show(entry);
    },
  };
}
