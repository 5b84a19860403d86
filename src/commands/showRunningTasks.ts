import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { LedgerEntry } from '../model/ledgerEntry';
import { isStoppable } from '../model/taskStop';
import type { TaskStore } from '../model/taskStore';
import { parseRunningTasksFilter, runningTasksFor } from '../status/model';
import type { TaskDetailsPanels } from '../webview';
import { taskPickRow } from '../display/taskPick';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';

type Row = vscode.QuickPickItem & { readonly entry: LedgerEntry };

/**
 * The status-bar item's click: a QuickPick of the tasks that have not ended (recording ones first,
 * longest-running first), opening the chosen one's details. Each stoppable row has a Stop button
 * (not in read-only mode), which runs Stop Task… with its confirmation. The tooltip's links pass a
 * product filter.
 */
export function showRunningTasksCommand(deps: {
  store: TaskStore;
  accounts: Pick<AccountStore, 'get'>;
  panels: Pick<TaskDetailsPanels, 'show'>;
  readOnly: () => boolean;
}): Command {
  return {
    id: CommandIds.showRunningTasks,
    run: async (arg?: unknown) => {
      const entries = runningTasksFor(deps.store.running(), parseRunningTasksFilter(arg));
      if (entries.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No task is running.'));
        return;
      }
      const stopButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('debug-stop'), tooltip: vscode.l10n.t('Stop Task…') };
      const time = { now: Date.now(), locale: vscode.env.language };
      const pick = vscode.window.createQuickPick<Row>();
      pick.placeholder = vscode.l10n.t('Running tasks: select one to show its details');
      pick.matchOnDescription = true;
      pick.matchOnDetail = true;
      pick.items = entries.map((entry) => ({
        ...taskPickRow(entry, time, vscode.l10n, deps.accounts.get(entry.accountId)?.label),
        entry,
        buttons: !deps.readOnly() && isStoppable(entry.task.status) ? [stopButton] : [],
      }));
      const chosen = await new Promise<LedgerEntry | undefined>((resolve) => {
        let result: LedgerEntry | undefined;
        const listeners = [
          pick.onDidAccept(() => {
            result = pick.selectedItems[0]?.entry;
            pick.hide();
          }),
          pick.onDidTriggerItemButton((e) => {
            pick.hide();
            void vscode.commands.executeCommand(CommandIds.stopTask, e.item.entry);
          }),
          pick.onDidHide(() => {
            listeners.forEach((l) => l.dispose());
            pick.dispose();
            resolve(result);
          }),
        ];
        pick.show();
      });
      if (chosen) deps.panels.show(chosen);
    },
  };
}
