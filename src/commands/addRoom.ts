import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { TaskLedger } from '../tasks/taskLedger';
import type { TaskTreeView } from '../tree/taskTreeView';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { accountFromArgOrPick } from './pick';

/** Add Room…: pins a GME room; the tree asks GME for its current task from then on. */
export function addRoomCommand(deps: { readonly accounts: AccountStore; readonly ledger: TaskLedger; readonly view: TaskTreeView }): Command {
  return {
    id: CommandIds.addRoom,
    run: async (arg?: unknown) => {
      const account = await accountFromArgOrPick(deps.accounts, arg, vscode.l10n.t('Select the GME account'), (a) => a.vendor === 'tencent' && a.gmeBizId !== undefined);
      if (!account) return;
      const room = (
        await vscode.window.showInputBox({
          title: vscode.l10n.t('Add Room: {0}', account.label),
          prompt: vscode.l10n.t('GME room ID'),
          validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a room ID.')),
        })
      )?.trim();
      if (!room) return;
      deps.ledger.pinRoom(account.id, 'gme', room);
      await deps.view.revealRoom(account.id, 'gme', room);
    },
  };
}
