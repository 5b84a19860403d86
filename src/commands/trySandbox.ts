import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { CallbackKeyStore } from '../accounts/callbackKeyStore';
import { applyDemoPlans } from '../demo/applyDemoPlans';
import { demoAccountPlans } from '../demo/demoPlans';
import type { EmbeddedSandbox } from '../sources/embeddedSandbox';
import type { TaskLedger } from '../tasks/taskLedger';
import { TASKS_VIEW_ID } from '../ids/views';
import { currentSettings } from '../settings';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { showFailure } from './pick';

/**
 * Try the Sandbox: starts the bundled emulator inside the extension host (loaded only now), adds its
 * demo accounts pointed at it, and pins its demo TRTC tasks and GME rooms. No typing. Its hostile-strings
 * apps (test data) only when the setting asks for them.
 */
export function trySandboxCommand(deps: {
  readonly accounts: AccountStore;
  readonly ledger: TaskLedger;
  readonly sandbox: EmbeddedSandbox;
  readonly callbackKeys: CallbackKeyStore;
}): Command {
  return {
    id: CommandIds.trySandbox,
    run: async () => {
      try {
        const added = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting the sandbox…') },
          async () => {
            const sandbox = await deps.sandbox.start();
            const hostileStrings = currentSettings().sandboxHostileStrings;
            const plans = demoAccountPlans(sandbox.demo(), sandbox.url, { hostileStrings });
            const accounts = await applyDemoPlans(plans, deps.accounts, deps.ledger, deps.callbackKeys);
            await deps.sandbox.remember(accounts);
            return { url: sandbox.url, accounts };
          },
        );
        void vscode.window.showInformationMessage(
          vscode.l10n.t(
            'The sandbox runs at {0} with {1} demo accounts. Everything in it is made up; nothing leaves this machine.',
            added.url,
            added.accounts.length,
          ),
        );
        await vscode.commands.executeCommand(`${TASKS_VIEW_ID}.focus`);
      } catch (err) {
        await showFailure(vscode.l10n.t('The sandbox could not start.'), err);
      }
    },
  };
}
