import * as vscode from 'vscode';
import { runAccountFlow } from '../accounts/accountFlow';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { accountFromArgOrPick } from './pick';
import { probeAndSave, type SaveAccountDeps } from './saveAccount';

/** Re-enter Credentials…: the secret steps alone, probed, then stored (the tree reloads the account). */
export function reenterCredentialsCommand(deps: SaveAccountDeps): Command {
  return {
    id: CommandIds.reenterCredentials,
    run: async (arg?: unknown) => {
      const account = await accountFromArgOrPick(deps.accounts, arg, vscode.l10n.t('Select the account whose credentials to re-enter'));
      if (!account) return;
      const result = await runAccountFlow(account, true);
      if (!result?.secret) return;
      const { id: _id, ...metadata } = account;
      await probeAndSave(deps, metadata as typeof result.account, result.secret, account.id);
    },
  };
}
