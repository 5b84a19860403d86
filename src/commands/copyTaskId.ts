import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { TaskLedger } from '../tasks/taskLedger';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { pickText } from '../display/vendorText';
import { entryFromArgOrPick } from './pick';

/** Copy Task ID: the id exactly as the vendor gave it (a GME u64 keeps every digit). */
export function copyTaskIdCommand(deps: { readonly ledger: TaskLedger; readonly accounts: Pick<AccountStore, 'get'> }): Command {
  return {
    id: CommandIds.copyTaskId,
    run: async (arg?: unknown) => {
      const entry = await entryFromArgOrPick(
        deps.ledger.all(),
        arg,
        (node) => (node.kind === 'task' || node.kind === 'file' ? deps.ledger.get(node.key) : undefined),
        vscode.l10n.t('Select the task whose ID to copy'),
        (id) => deps.accounts.get(id)?.label,
      );
      if (!entry) return;
      await vscode.env.clipboard.writeText(entry.taskId);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied task ID {0}', pickText(entry.taskId)), 3000);
    },
  };
}
