import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { TaskStore } from '../model/taskStore';
import type { TaskDetailsPanels } from '../webview';
import { fileFromCommandArgs, taskKeyFromCommandArg } from '../webview/identity';
import { byLastSeen, pickStorageFile, pickTask } from './pick';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';

/**
 * Opens a storage file's details panel: from a file node (`{ key, fileName }` or `{ key, file }`),
 * from `(taskKey, fileName)`, or by picking the task (unless given) and then the file.
 */
export function openStorageFileCommand(deps: { store: TaskStore; accounts: Pick<AccountStore, 'get'>; panels: Pick<TaskDetailsPanels, 'showFile'> }): Command {
  return {
    id: CommandIds.openStorageFile,
    run: async (...args: unknown[]) => {
      const direct = fileFromCommandArgs(args);
      if (direct) {
        deps.panels.showFile(direct.key, direct.fileName);
        return;
      }
      const given = taskKeyFromCommandArg(args[0]);
      const entry = given
        ? deps.store.get(given)
        : await pickTask(byLastSeen(deps.store.all().filter((e) => e.task.files.length > 0)), {
            placeHolder: vscode.l10n.t('Select the task whose file to show'),
            emptyMessage: vscode.l10n.t('No task has reported storage files yet.'),
            accountName: (id) => deps.accounts.get(id)?.label,
          });
      if (!entry) return;
      if (entry.task.files.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This task has not reported any storage files.'));
        return;
      }
      const file = await pickStorageFile(entry.task.files);
      if (file) deps.panels.showFile(entry, file.fileName);
    },
  };
}
