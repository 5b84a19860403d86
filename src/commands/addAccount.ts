import { runAccountFlow } from '../accounts/accountFlow';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { probeAndSave, type SaveAccountDeps } from './saveAccount';

/** Add Account…: the multi-step flow, a probe, then the account in the tree. */
export function addAccountCommand(deps: SaveAccountDeps): Command {
  return {
    id: CommandIds.addAccount,
    run: async () => {
      const result = await runAccountFlow();
      if (!result?.secret) return;
      await probeAndSave(deps, result.account, result.secret);
    },
  };
}
