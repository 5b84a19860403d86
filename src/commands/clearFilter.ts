import type { FilterState } from '../tree/filterState';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';

/** Clear Filter: shows every task again. */
export function clearFilterCommand(deps: { readonly filter: FilterState }): Command {
  return { id: CommandIds.clearFilter, run: () => deps.filter.clear() };
}
