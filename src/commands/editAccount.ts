import * as vscode from 'vscode';
import { runAccountFlow } from '../accounts/accountFlow';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { accountFromArgOrPick, showFailure } from './pick';
import { probeAndSave, type SaveAccountDeps } from './saveAccount';

/** Edit Account…: the same flow pre-filled; the stored secret is kept unless a new one is typed. */
export function editAccountCommand(deps: SaveAccountDeps): Command {
  return {
    id: CommandIds.editAccount,
    run: async (arg?: unknown) => {
      const account = await accountFromArgOrPick(deps.accounts, arg, vscode.l10n.t('Select the account to edit'));
      if (!account) return;
      const result = await runAccountFlow(account);
      if (!result) return;
      const secret = result.secret ?? (await deps.accounts.secret(account.id));
      if (!secret) {
        await showFailure(vscode.l10n.t('No stored credentials for "{0}".', account.label), new Error(vscode.l10n.t('Enter a new secret.')), account.id);
        return;
      }
      await probeAndSave(deps, result.account, secret, account.id);
    },
  };
}
