import type { TaskTreeProvider } from '../tree/taskTreeProvider';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { nodeArg } from './pick';

/** Retry on an error row: reloads the node whose load failed. */
export function retryCommand(deps: { readonly tree: TaskTreeProvider }): Command {
  return {
    id: CommandIds.retry,
    run: async (arg?: unknown) => {
      const node = nodeArg(arg);
      if (node?.kind === 'error') await deps.tree.refreshNode(node.parent);
      else if (node) await deps.tree.refreshNode(node);
      else deps.tree.refreshAll();
    },
  };
}
