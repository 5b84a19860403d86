/**
 * Adds the sandbox's demo accounts (or points existing ones at the sandbox's current URL), pins the
 * demo's TRTC tasks and GME rooms, so the tree has something in every product at once, and stores the
 * demo apps' callback keys, so the sandbox's signed callbacks are accepted.
 */
import type { Account } from '../model/account';
import type { TaskLedger } from '../tasks/taskLedger';
import type { AccountStore } from '../accounts/accountStore';
import type { CallbackKeyStore } from '../accounts/callbackKeyStore';
import { isSameDemoApp, type DemoAccountPlan } from './demoPlans';

/** Label of the room for a demo TRTC task whose room the sandbox did not say. */
export const DEMO_ROOM_LABEL = 'sandbox';

export async function applyDemoPlans(
  plans: readonly DemoAccountPlan[],
  accounts: Pick<AccountStore, 'list' | 'add' | 'update'>,
  ledger: Pick<TaskLedger, 'track' | 'pinRoom'>,
  callbackKeys?: Pick<CallbackKeyStore, 'set'>,
): Promise<Account[]> {
  const applied: Account[] = [];
  for (const plan of plans) {
    const existing = accounts.list().find((a) => isSameDemoApp(plan.account, a));
    let account: Account;
    if (existing) {
      account = { ...existing, endpoint: plan.account.endpoint } as Account;
      await accounts.update(account, plan.secret);
    } else {
      account = await accounts.add(plan.account, plan.secret);
    }
    applied.push(account);
    if (callbackKeys && Object.keys(plan.callbackKeys).length > 0) await callbackKeys.set(account.id, plan.callbackKeys);
    const appId = account.vendor === 'tencent' ? String(account.trtcSdkAppId ?? '') : String(account.appId);
    const roomOf = (taskId: string): string => plan.trtcTaskRooms[taskId] ?? DEMO_ROOM_LABEL;
    for (const taskId of plan.trtcRecordingTaskIds) ledger.track({ accountId: account.id, product: 'trtc-recording', taskId }, appId, roomOf(taskId));
    for (const taskId of plan.trtcRelayTaskIds) ledger.track({ accountId: account.id, product: 'trtc-relay', taskId }, appId, roomOf(taskId));
    for (const room of plan.gmeRoomIds) ledger.pinRoom(account.id, 'gme', room);
  }
  return applied;
}
