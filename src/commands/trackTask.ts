import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { TaskLedger } from '../tasks/taskLedger';
import type { TaskTreeView } from '../tree/taskTreeView';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { accountFromArgOrPick, nodeArg, pickProduct, productOf, showFailure } from './pick';

/**
 * Track Task…: pins a TRTC recording or relay task by its id, with an optional room label to group
 * it by (TRTC cannot list tasks, so the user names them), then asks TRTC about it.
 */
export function trackTaskCommand(deps: { readonly accounts: AccountStore; readonly ledger: TaskLedger; readonly view: TaskTreeView }): Command {
  return {
    id: CommandIds.trackTask,
    run: async (arg?: unknown) => {
      const t = vscode.l10n.t;
      const node = nodeArg(arg);
      const account = await accountFromArgOrPick(
        deps.accounts,
        arg,
        t('Select the TRTC account'),
        (a) => a.vendor === 'tencent' && a.trtcSdkAppId !== undefined,
      );
      if (!account || account.vendor !== 'tencent') return;
      const fromNode = productOf(node);
      const product =
        fromNode === 'trtc-recording' || fromNode === 'trtc-relay'
          ? fromNode
          : await pickProduct(account, ['trtc-recording', 'trtc-relay'], t('Recording or relay task?'));
      if (!product) return;
      const taskId = (
        await vscode.window.showInputBox({
          title: t('Track Task: {0}', account.label),
          prompt: t('TRTC task ID (from CreateCloudRecording or StartStreamIngest)'),
          validateInput: (v) => (v.trim() && !/\s/.test(v.trim()) ? undefined : t('Enter the task ID, without spaces.')),
        })
      )?.trim();
      if (!taskId) return;
      const room = await vscode.window.showInputBox({
        title: t('Track Task: {0}', account.label),
        prompt: t('Room label to group it under (optional)'),
        value: node?.kind === 'room' ? node.room : '',
      });
      if (room === undefined) return;
      const key = { accountId: account.id, product, taskId };
      deps.ledger.track(key, String(account.trtcSdkAppId ?? ''), room.trim());
      try {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Asking TRTC about {0}…', taskId) }, () =>
          deps.ledger.refresh(key),
        );
      } catch (err) {
        await showFailure(t('Tracking {0}, but TRTC did not answer for it yet.', taskId), err, account.id);
      }
      await deps.view.revealTask(key);
    },
  };
}
