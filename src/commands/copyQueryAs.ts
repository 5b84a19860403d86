/**
 * Copy Query As…: the query that refreshes a task, as a tccli command line, a curl command that signs
 * itself in bash from environment variables, or a Node SDK snippet. No secret is ever in the text.
 */
import * as vscode from 'vscode';
import type { Account } from '../model/account';
import type { Task } from '../model/task';
import type { TaskStore } from '../model/taskStore';
import { CommandIds } from '../ids/commands';
import { taskKeyFromCommandArg } from '../webview/identity';
import type { Command } from './command';
import { byLastSeen, pickTask } from './pick';

const t = vscode.l10n.t;

export interface CopyQueryDeps {
  readonly store: TaskStore;
  readonly accounts: { get(accountId: string): Account | undefined };
  /** The forms the vendor layer can write for a task's query (format id and text). */
  readonly copyForms: (account: Account, task: Task) => readonly { readonly format: string; readonly text: string }[];
}

function formatLabel(format: string): string {
  if (format === 'curl') return t('curl (bash; signed there with openssl)');
  return format === 'node' ? t('Node.js') : format;
}

export function copyQueryAsCommand(deps: CopyQueryDeps): Command {
  return {
    id: CommandIds.copyQueryAs,
    run: async (arg?: unknown) => {
      const key =
        taskKeyFromCommandArg(arg) ??
        (await pickTask(byLastSeen(deps.store.all()), {
          placeHolder: t('Select the task whose query to copy'),
          emptyMessage: t('No tasks yet.'),
          accountName: (id) => deps.accounts.get(id)?.label,
        }));
      const entry = key && deps.store.get(key);
      const account = entry && deps.accounts.get(entry.accountId);
      if (!entry || !account) return;
      const forms = deps.copyForms(account, entry.task);
      const picked = await vscode.window.showQuickPick(
        forms.map((form) => ({
          label: formatLabel(form.format),
          detail:
            form.format === 'node' ? t('Keys from process.env') : t('Keys from $TENCENTCLOUD_SECRET_ID / $TENCENTCLOUD_SECRET_KEY or $ZEGO_SERVER_SECRET'),
          form,
        })),
        { placeHolder: t('Copy the query of task {0} as', entry.taskId) },
      );
      if (!picked) return;
      await vscode.env.clipboard.writeText(picked.form.text);
      vscode.window.setStatusBarMessage(t('Copied the query as {0}; it holds no secret.', picked.label), 4000);
    },
  };
}
