import type { Command } from './command';
import { CommandIds } from '../ids/commands';

/** Show Log: the "Media Tasks" output channel. */
export function showLogCommand(deps: { readonly log: { show(preserveFocus?: boolean): void } }): Command {
  return { id: CommandIds.showLog, run: () => deps.log.show(true) };
}
