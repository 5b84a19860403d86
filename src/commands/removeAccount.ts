import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { EmbeddedSandbox } from '../sources/embeddedSandbox';
import type { TaskLedger } from '../tasks/taskLedger';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { accountFromArgOrPick } from './pick';

/** Remove Account…: after a modal confirmation, deletes the account, its secret and its ledger entries. */
export function removeAccountCommand(deps: { readonly accounts: AccountStore; readonly ledger: TaskLedger; readonly sandbox: EmbeddedSandbox }): Command {
  return {
    id: CommandIds.removeAccount,
    run: async (arg?: unknown) => {
      const account = await accountFromArgOrPick(deps.accounts, arg, vscode.l10n.t('Select the account to remove'));
      if (!account) return;
      const remove = vscode.l10n.t('Remove');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Remove "{0}"?', account.label),
        { modal: true, detail: vscode.l10n.t('Its stored secret and every task remembered for it are deleted. The cloud account itself is not touched.') },
        remove,
      );
      if (choice !== remove) return;
      await deps.accounts.remove(account.id);
      deps.ledger.removeAccount(account.id);
      await deps.sandbox.forget(account.id);
    },
  };
}
