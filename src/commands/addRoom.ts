import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import { messageText } from '../display/vendorText';
import type { Logger } from '../model/logger';
import type { TaskLedger } from '../tasks/taskLedger';
import type { TaskTreeView } from '../tree/taskTreeView';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { accountFromArgOrPick } from './pick';

const t = vscode.l10n.t;

/**
 * Add Room…: pins a GME room; the tree asks GME for its current task from then on. The room is added
 * whatever GME answers: its row then says "no task running", or GME's error with Retry below it.
 */
export function addRoomCommand(deps: {
  readonly accounts: AccountStore;
  readonly ledger: TaskLedger;
  readonly view: TaskTreeView;
  readonly logger: Logger;
}): Command {
  return {
    id: CommandIds.addRoom,
    run: async (arg?: unknown) => {
      const account = await accountFromArgOrPick(deps.accounts, arg, t('Select the GME account'), (a) => a.vendor === 'tencent' && a.gmeBizId !== undefined);
      if (!account) return;
      const room = (
        await vscode.window.showInputBox({
          title: t('Add Room: {0}', account.label),
          prompt: t('GME room ID'),
          validateInput: (v) => (v.trim() ? undefined : t('Enter a room ID.')),
        })
      )?.trim();
      if (!room) return;
      deps.ledger.pinRoom(account.id, 'gme', room);
      const where = { room: messageText(room), account: messageText(account.label) };
      try {
        if (await deps.view.revealRoom(account.id, 'gme', room)) return;
        const clear = t('Clear Filter');
        const choice = await vscode.window.showInformationMessage(
          t('Room {0} was added to {1} (GME). The filter hides it until one of its tasks matches.', where.room, where.account),
          clear,
        );
        if (choice === clear) await vscode.commands.executeCommand(CommandIds.clearFilter);
      } catch (err) {
        // The room is pinned either way; only showing it failed.
        deps.logger.warn(`[addRoom] could not reveal room ${room} of ${account.id}`, err);
        void vscode.window.showWarningMessage(
          t(
            'Room {0} was added to {1} (GME), but the view could not show it: {2}',
            where.room,
            where.account,
            messageText(err instanceof Error ? err.message : String(err)),
          ),
        );
      }
    },
  };
}
