import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { TaskLedger } from '../tasks/taskLedger';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { entryFromArgOrPick, nodeArg } from './pick';

/** Forget: drops a task's ledger entry, or unpins a GME room (and forgets its tasks). */
export function forgetTaskCommand(deps: { readonly ledger: TaskLedger; readonly accounts: Pick<AccountStore, 'get'> }): Command {
  return {
    id: CommandIds.forgetTask,
    run: async (arg?: unknown) => {
      const node = nodeArg(arg);
      if (node?.kind === 'room') {
        deps.ledger.unpinRoom(node.accountId, node.product, node.room);
        return;
      }
      const entry = await entryFromArgOrPick(
        deps.ledger.all(),
        arg,
        (n) => (n.kind === 'task' || n.kind === 'file' ? deps.ledger.get(n.key) : undefined),
        vscode.l10n.t('Select the task to forget'),
        (id) => deps.accounts.get(id)?.label,
      );
      if (entry) await deps.ledger.forget(entry);
    },
  };
}
