import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { CallbackKeyStore } from '../accounts/callbackKeyStore';
import type { CallbackKeys } from '../model/callback';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { accountFromArgOrPick } from './pick';

/**
 * Set Callback Keys…: the keys the account's callbacks are signed with, each typed in a password
 * box and stored in SecretStorage only. An empty answer keeps the key, `-` removes it.
 */
export function setCallbackKeysCommand(deps: { readonly accounts: AccountStore; readonly callbackKeys: CallbackKeyStore }): Command {
  return {
    id: CommandIds.setCallbackKeys,
    run: async (arg?: unknown) => {
      const t = vscode.l10n.t;
      const account = await accountFromArgOrPick(deps.accounts, arg, t('Select the account whose callbacks to verify'));
      if (!account) return;
      const fields: { field: keyof CallbackKeys; prompt: string }[] =
        account.vendor === 'zego'
          ? [{ field: 'zego', prompt: t('ZEGO callback secret (the one set with the callback URL)') }]
          : [
              ...(account.trtcSdkAppId !== undefined
                ? [{ field: 'trtc' as const, prompt: t('TRTC callback key (TRTC console, Callback Configuration)') }]
                : []),
              ...(account.gmeBizId !== undefined ? [{ field: 'gme' as const, prompt: t('GME callback key (the application’s permission key)') }] : []),
              ...(account.cssEnabled ? [{ field: 'css' as const, prompt: t('CSS callback key (CSS console, callback template)') }] : []),
            ];
      const current = await deps.callbackKeys.get(account.id);
      const next: Record<string, string | undefined> = { ...current };
      for (const [i, { field, prompt }] of fields.entries()) {
        const answer = await vscode.window.showInputBox({
          title: t('Set Callback Keys: {0} ({1}/{2})', account.label, i + 1, fields.length),
          prompt: current[field] ? t('{0}. Set; leave empty to keep it, or enter - to remove it.', prompt) : prompt,
          password: true,
          ignoreFocusOut: true,
        });
        if (answer === undefined) return;
        if (answer.trim() === '-') next[field] = undefined;
        else if (answer.trim() !== '') next[field] = answer.trim();
      }
      await deps.callbackKeys.set(account.id, next);
      void vscode.window.showInformationMessage(t('Callback keys of "{0}" saved.', account.label));
    },
  };
}
