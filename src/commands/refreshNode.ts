import type { TaskTreeProvider } from '../tree/taskTreeProvider';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { nodeArg } from './pick';

/** Refresh on a row: reloads that account, product, room or task only. */
export function refreshNodeCommand(deps: { readonly tree: TaskTreeProvider }): Command {
  return {
    id: CommandIds.refreshNode,
    run: async (arg?: unknown) => {
      const node = nodeArg(arg);
      if (node) await deps.tree.refreshNode(node);
      else deps.tree.refreshAll();
    },
  };
}
