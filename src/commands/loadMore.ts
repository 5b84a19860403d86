import type { TaskTreeProvider } from '../tree/taskTreeProvider';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { nodeArg } from './pick';

/** Load more…: the next batch of a CSS or ZEGO listing (the row passes its product). */
export function loadMoreCommand(deps: { readonly tree: TaskTreeProvider }): Command {
  return {
    id: CommandIds.loadMore,
    run: async (arg?: unknown) => {
      const node = nodeArg(arg);
      const product = node?.kind === 'loadMore' ? node.parent : node;
      if (product?.kind === 'product') await deps.tree.loadMore(product);
    },
  };
}
