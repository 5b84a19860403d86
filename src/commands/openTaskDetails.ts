import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { TaskStore } from '../model/taskStore';
import type { TaskDetailsPanels } from '../webview';
import { taskKeyFromCommandArg } from '../webview/identity';
import { byLastSeen, pickTask } from './pick';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';

/** Opens a task's details panel: from a tree node, a `{ accountId, product, taskId }` key, or a QuickPick. */
export function openTaskDetailsCommand(deps: { store: TaskStore; accounts: Pick<AccountStore, 'get'>; panels: Pick<TaskDetailsPanels, 'show'> }): Command {
  return {
    id: CommandIds.openTaskDetails,
    run: async (arg?: unknown) => {
      const key =
        taskKeyFromCommandArg(arg) ??
        (await pickTask(byLastSeen(deps.store.all()), {
          placeHolder: vscode.l10n.t('Select a task to show its details'),
          emptyMessage: vscode.l10n.t('No tasks yet: add an account, or track a task by its ID.'),
          accountName: (id) => deps.accounts.get(id)?.label,
        }));
      if (key) deps.panels.show(key);
    },
  };
}
