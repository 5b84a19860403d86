import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import { exportTasks, type ExportFormat } from '../tasks/exportTasks';
import type { TaskTreeProvider } from '../tree/taskTreeProvider';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { showFailure } from './pick';

/** Export Tasks…: what the view shows now (filter applied), as JSON or CSV, to a file the user picks. */
export function exportTasksCommand(deps: { readonly accounts: AccountStore; readonly tree: TaskTreeProvider }): Command {
  return {
    id: CommandIds.exportTasks,
    run: async () => {
      const t = vscode.l10n.t;
      const entries = deps.tree.shownEntries();
      if (entries.length === 0) {
        void vscode.window.showInformationMessage(t('The view shows no tasks to export.'));
        return;
      }
      const formats: { label: string; format: ExportFormat }[] = [
        { label: 'JSON', format: 'json' },
        { label: 'CSV', format: 'csv' },
      ];
      const picked = await vscode.window.showQuickPick(formats, { placeHolder: t('Export {0} tasks as', entries.length) });
      if (!picked) return;
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = `media-tasks-${stamp}.${picked.format}`;
      const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: { [picked.label]: [picked.format] },
        saveLabel: t('Export'),
      });
      if (!target) return;
      try {
        const text = exportTasks(entries, deps.accounts.list(), picked.format, Date.now());
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
        const open = t('Open');
        const choice = await vscode.window.showInformationMessage(t('Exported {0} tasks to {1}.', entries.length, target.fsPath), open);
        if (choice === open) await vscode.window.showTextDocument(target);
      } catch (err) {
        await showFailure(t('The export could not be written.'), err);
      }
    },
  };
}
