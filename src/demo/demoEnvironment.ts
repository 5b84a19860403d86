/**
 * `npm run demo` starts a sandbox next to VS Code and sets MTE_DEMO=1 and MTE_SANDBOX_URL: its demo
 * accounts are added on first activation (and re-pointed when the sandbox moved port); the hostile-strings
 * apps only with `npm run demo -- --hostile-strings` (which sets the setting).
 */
import type { Logger } from '../model/logger';
import type { TaskLedger } from '../tasks/taskLedger';
import type { AccountStore } from '../accounts/accountStore';
import type { CallbackKeyStore } from '../accounts/callbackKeyStore';
import { applyDemoPlans } from './applyDemoPlans';
import { demoAccountPlans, type DemoPlanOptions } from './demoPlans';

export async function addHarnessDemoAccounts(
  env: NodeJS.ProcessEnv,
  accounts: AccountStore,
  ledger: TaskLedger,
  callbackKeys: CallbackKeyStore,
  logger: Logger,
  options: DemoPlanOptions = {},
): Promise<void> {
  const url = env.MTE_SANDBOX_URL;
  if (env.MTE_DEMO !== '1' || !url) return;
  try {
    const response = await fetch(`${url.replace(/\/$/, '')}/_sandbox/demo`);
    const added = await applyDemoPlans(demoAccountPlans(await response.json(), url, options), accounts, ledger, callbackKeys);
    logger.info(`[demo] ${added.length} demo accounts use the sandbox at ${url}`);
  } catch (err) {
    logger.warn(`[demo] could not read the sandbox's demo accounts from ${url}`, err);
  }
}
