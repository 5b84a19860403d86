/**
 * Copy Query As…: the query the extension makes for a task, a room (CSS: stream) or a product's
 * listing, as a tccli command line, a curl command that signs itself in bash from environment
 * variables, a Node SDK snippet, or, after a modal confirmation, a curl command carrying a signature
 * the vendor accepts for 5 minutes. No key is ever in the text. TRTC rooms and products have no query
 * of their own: TRTC is asked by TaskId.
 */
import * as vscode from 'vscode';
import type { Account } from '../model/account';
import { traitsOf } from '../model/productTraits';
import type { TaskStore } from '../model/taskStore';
import type { QueryCopier, QueryTarget, SignedCopy } from '../sources/queryCopier';
import { CommandIds } from '../ids/commands';
import { taskKeyFromCommandArg } from '../webview/identity';
import { productLabel } from '../display/labels';
import { messageText, plainText } from '../display/vendorText';
import type { Command } from './command';
import { byLastSeen, nodeArg, pickTask } from './pick';

const t = vscode.l10n.t;

export interface CopyQueryDeps {
  readonly store: TaskStore;
  readonly accounts: { get(accountId: string): Account | undefined };
  /** The forms of a target's query (format id and text), and the signed one. */
  readonly copier: QueryCopier;
}

/** What the command was run on: the account, the query's target and the picker's prompt. */
interface Subject {
  readonly account: Account;
  readonly target: QueryTarget;
  readonly placeHolder: string;
}

async function subjectOf(arg: unknown, deps: CopyQueryDeps): Promise<Subject | undefined> {
  const node = nodeArg(arg);
  if (node?.kind === 'room' || node?.kind === 'product') {
    const account = deps.accounts.get(node.accountId);
    if (!account) return undefined;
    if (node.kind === 'product') {
      return {
        account,
        target: { kind: 'listing', product: node.product },
        placeHolder: t('Copy the listing query of {0} as', productLabel(node.product, vscode.l10n)),
      };
    }
    const room = plainText(node.room);
    const placeHolder = traitsOf(node.product).place === 'stream' ? t('Copy the query of stream {0} as', room) : t('Copy the query of room {0} as', room);
    return { account, target: { kind: 'room', product: node.product, room: node.room }, placeHolder };
  }
  const key =
    taskKeyFromCommandArg(arg) ??
    (await pickTask(byLastSeen(deps.store.all()), {
      placeHolder: t('Select the task whose query to copy'),
      emptyMessage: t('No tasks yet.'),
      accountName: (id) => deps.accounts.get(id)?.label,
    }));
  const entry = key && deps.store.get(key);
  const account = entry && deps.accounts.get(entry.accountId);
  if (!entry || !account) return undefined;
  return { account, target: { kind: 'task', task: entry.task }, placeHolder: t('Copy the query of task {0} as', plainText(entry.taskId)) };
}

function formatLabel(format: string): string {
  if (format === 'curl') return t('curl (bash; signed there with openssl)');
  return format === 'node' ? t('Node.js') : format;
}

function refusal(signed: Exclude<SignedCopy, { form: unknown }>, account: Account): string {
  const name = messageText(account.label);
  switch (signed.refused) {
    case 'temporaryKey':
      return t(
        'Not copied: "{0}" uses a temporary (STS) key, whose token is a credential of its own. Copy the curl form that signs itself and set $TENCENTCLOUD_SESSION_TOKEN instead.',
        name,
      );
    case 'noSecret':
      return t('Not copied: no credentials are stored for "{0}".', name);
    case 'noQuery':
      return noQueryMessage();
  }
}

function noQueryMessage(): string {
  return t('TRTC recording and relay are asked by TaskId: copy the query of one of their tasks.');
}

/** The signed curl, once the user agreed that the text lets anyone send this query for 5 minutes. */
async function confirmedSignedText(deps: CopyQueryDeps, subject: Subject): Promise<string | undefined> {
  const copy = t('Copy Signed');
  const needs =
    subject.account.vendor === 'tencent'
      ? t("To run it needs $TENCENTCLOUD_SECRET_ID (the key's id), not the key. Temporary (STS) keys are refused.")
      : t('To run it needs no key.');
  const answer = await vscode.window.showWarningMessage(
    t('Copy this query with a signature made now?'),
    {
      modal: true,
      detail: `${t('The copied text carries a signature, not the key: for the next 5 minutes anyone holding it can send this query as "{0}", as often as they like.', messageText(subject.account.label))} ${needs}`,
    },
    copy,
  );
  if (answer !== copy) return undefined;
  const signed = await deps.copier.signed(subject.account, subject.target);
  if ('form' in signed) return signed.form.text;
  void vscode.window.showWarningMessage(refusal(signed, subject.account));
  return undefined;
}

export function copyQueryAsCommand(deps: CopyQueryDeps): Command {
  return {
    id: CommandIds.copyQueryAs,
    run: async (arg?: unknown) => {
      const subject = await subjectOf(arg, deps);
      if (!subject) return;
      const forms = await deps.copier.forms(subject.account, subject.target);
      if (forms.length === 0) {
        void vscode.window.showInformationMessage(noQueryMessage());
        return;
      }
      const keysFrom = t('Keys from $TENCENTCLOUD_SECRET_ID / $TENCENTCLOUD_SECRET_KEY or $ZEGO_SERVER_SECRET');
      const picked = await vscode.window.showQuickPick(
        [
          ...forms.map((form) => ({ label: formatLabel(form.format), detail: form.format === 'node' ? t('Keys from process.env') : keysFrom, form })),
          { label: t('curl, signed now (valid 5 minutes)'), detail: t('Carries a signature instead of reading the key; asks first'), form: undefined },
        ],
        { placeHolder: subject.placeHolder },
      );
      if (!picked) return;
      const text = picked.form ? picked.form.text : await confirmedSignedText(deps, subject);
      if (text === undefined) return;
      await vscode.env.clipboard.writeText(text);
      const copied = picked.form
        ? t('Copied the query as {0}; it holds no secret.', picked.label)
        : t('Copied the signed query; it holds no key and expires in 5 minutes.');
      vscode.window.setStatusBarMessage(copied, 4000);
    },
  };
}
