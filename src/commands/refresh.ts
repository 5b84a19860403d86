import type { TaskTreeProvider } from '../tree/taskTreeProvider';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';

/** Refresh (view title): reloads every listing, room and tracked task. */
export function refreshCommand(deps: { readonly tree: TaskTreeProvider }): Command {
  return { id: CommandIds.refresh, run: () => deps.tree.refreshAll() };
}
