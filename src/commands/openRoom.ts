import * as vscode from 'vscode';
import { accountProducts } from '../model/account';
import type { AccountStore } from '../accounts/accountStore';
import type { TaskLedger } from '../tasks/taskLedger';
import type { TaskTreeView } from '../tree/taskTreeView';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { accountFromArgOrPick, pickOrType, pickProduct } from './pick';
import { messageText, plainText } from '../display/vendorText';

/**
 * Open Room…: shows a room (or CSS stream) in the tree. A GME room is pinned on the way, since GME
 * answers per room; elsewhere the room must be in what the tree lists or remembers.
 */
export function openRoomCommand(deps: { readonly accounts: AccountStore; readonly ledger: TaskLedger; readonly view: TaskTreeView }): Command {
  return {
    id: CommandIds.openRoom,
    run: async (arg?: unknown) => {
      const t = vscode.l10n.t;
      const account = await accountFromArgOrPick(deps.accounts, arg, t('Select the account'), (a) => accountProducts(a).length > 0);
      if (!account) return;
      const product = await pickProduct(account, accountProducts(account), t('Which product is the room in?'));
      if (!product) return;
      const known = [...new Set(deps.ledger.entriesOf(account.id, product).map((e) => e.task.room))].filter(Boolean).sort();
      const pinned = deps.ledger.pinnedRooms(account.id, product).map((r) => r.room);
      const rooms = [...new Set([...pinned, ...known])];
      const room = await pickOrType(rooms, {
        title: t('Open Room: {0}', plainText(account.label)),
        placeHolder: product === 'css' ? t('Stream name') : t('Room ID'),
      });
      if (!room) return;
      if (product === 'gme') deps.ledger.pinRoom(account.id, 'gme', room);
      if (!(await deps.view.revealRoom(account.id, product, room))) {
        void vscode.window.showInformationMessage(
          t('Room {0} is not in the tree: no task of it was listed or tracked in the current time range.', messageText(room)),
        );
      }
    },
  };
}
