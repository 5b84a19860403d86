/**
 * The vendor layer's entry point for the one write action: a `TaskStopper` per configured product of
 * an account, built on the same signed-call machinery (and process-wide rate limiters) as the sources.
 */
import type { Account, AccountSecret } from '../model/account';
import { accountProducts } from '../model/account';
import type { TaskStopper } from '../model/taskStop';
import { signedCallDeps, type TaskSourceDeps } from './createTaskSources';
import { TencentClient } from './tencent/client';
import { TencentTaskStopper } from './tencent/stop';
import { ZegoClient } from './zego/client';
import { ZegoTaskStopper } from './zego/stop';

export function createTaskStoppers(account: Account, secret: AccountSecret, deps: TaskSourceDeps): TaskStopper[] {
  const callDeps = signedCallDeps(account, secret, deps);
  if (account.vendor === 'zego' && secret.vendor === 'zego') return [new ZegoTaskStopper(new ZegoClient(account, secret, callDeps))];
  if (account.vendor !== 'tencent' || secret.vendor !== 'tencent') return [];
  const client = new TencentClient(account, secret, callDeps, deps.tencentSignedHost);
  return accountProducts(account).map((product) => new TencentTaskStopper(account, product, client));
}
