import * as vscode from 'vscode';
import { isMediaApiError } from '../model/errors';
import type { Task, TaskKey } from '../model/task';
import type { AccountStore } from '../accounts/accountStore';
import { ledgerMatches, looksLikeGmeTaskId, narrowedCandidates, type LookupCandidate } from '../tasks/lookup';
import { readPastedReference, type PastedReference } from '../sources/pastedReference';
import type { TaskLedger } from '../tasks/taskLedger';
import type { TaskLoader } from '../tasks/taskLoader';
import { productLabel, statusLabel } from '../display/labels';
import { accountPickText, taskPlace } from '../display/taskPick';
import { formatRelative } from '../display/time';
import { messageText, pickText, plainText } from '../display/vendorText';
import type { TaskTreeView } from '../tree/taskTreeView';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';

const t = vscode.l10n.t;

type Outcome = { readonly candidate: LookupCandidate; readonly task?: Task; readonly error?: unknown };

/** What the pasted text was read as, for messages: `a tccli line (trtc DescribeStreamIngest)`. */
function recognised(ref: PastedReference): string {
  switch (ref.kind) {
    case 'id':
      return t('a task ID');
    case 'json':
      return ref.product === undefined ? t('a JSON body') : t('a {0} JSON body', productLabel(ref.product, vscode.l10n));
    case 'tccli':
      return t('a tccli line ({0})', messageText(ref.command ?? ''));
    case 'log':
      return t('a log line');
  }
}

/** Why an account was asked, in words: the id's shape, and what else of the paste it matched. */
function askedBecause(candidate: LookupCandidate): string {
  const matched = candidate.matched ?? [];
  if (matched.includes('product') && matched.includes('appId')) return t('the product and the app ID the paste names are this account’s');
  if (matched.includes('appId')) return t('the app ID the paste names is this account’s');
  if (matched.includes('product')) return t('the paste names this product');
  return t('the ID fits this product');
}

/** A task the paste could mean, and why: what the user picks from when there is more than one. */
interface Reading {
  readonly task: Task;
  readonly why: string;
}

/** More than one account has the task: a pick naming each account, the task's state and why it came up. */
async function pickReading(readings: readonly Reading[], taskId: string, accountName: (accountId: string) => string | undefined): Promise<Task | undefined> {
  const items = readings.map(({ task, why }) => ({
    label: accountPickText(accountName(task.accountId), vscode.l10n),
    description: `${productLabel(task.product, vscode.l10n)} · ${statusLabel(task.status, vscode.l10n)} · ${taskPlace(task, vscode.l10n, pickText)}`,
    detail: why,
    task,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Go to Task'),
    placeHolder: t('{0} accounts know task {1}: which one?', readings.length, plainText(taskId, 60)),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.task;
}

/**
 * Go to Task…: reads what was pasted (a task id, room or stream id, callback body, request JSON,
 * tccli line or log line), looks in the ledger first (by TaskId, a snapshot's RequestId, or a room's
 * newest task), then asks every account the reading fits, narrowed by the product and app id it
 * names, in parallel (the vendor layer's rate limiters pace them). A match is pinned, revealed and
 * opened; when several accounts answer, a pick names each and why it was asked.
 */
export function lookUpTaskCommand(deps: {
  readonly accounts: AccountStore;
  readonly ledger: TaskLedger;
  readonly loader: Pick<TaskLoader, 'lookUp'>;
  readonly view: TaskTreeView;
  readonly panels: { show(key: TaskKey): void };
}): Command {
  const accountName = (accountId: string): string | undefined => deps.accounts.get(accountId)?.label;
  const found = async (key: TaskKey): Promise<void> => {
    await deps.view.revealTask(key);
    deps.panels.show(key);
  };
  return {
    id: CommandIds.lookUpTask,
    run: async (arg?: unknown) => {
      const text =
        typeof arg === 'string'
          ? arg
          : await vscode.window.showInputBox({
              title: t('Go to Task'),
              prompt: t('Paste a task ID, a callback body, a request JSON, a tccli line or a log line with a TaskId or RequestId'),
            });
      if (!text?.trim()) return;
      const ref = readPastedReference(text);
      if (!ref) {
        void vscode.window.showInformationMessage(
          t('Nothing in the pasted text names a task. Paste a TaskId, a callback body, a request JSON, a tccli line, or a log line with TaskId or RequestId.'),
        );
        return;
      }
      const { known, newestInRoom } = ledgerMatches(deps.ledger.all(), {
        ...ref,
        bare: ref.kind === 'id',
        accountIds: new Set(deps.accounts.list().map((a) => a.id)),
      });
      if (known.length === 1) return found(known[0]);
      if (known.length > 1) {
        const chosen = await pickReading(
          known.map((e) => ({
            task: e.task,
            why: t('In the task ledger, last seen {0}.', formatRelative(e.lastSeen, { now: Date.now(), locale: vscode.env.language })),
          })),
          ref.taskId ?? '',
          accountName,
        );
        if (chosen) await found(chosen);
        return;
      }
      if (newestInRoom) return found(newestInRoom);
      const taskId = ref.taskId;
      const read = ref.kind === 'id' ? '' : `${t('Read {0}.', recognised(ref))} `;
      if (taskId === undefined) {
        const missing =
          ref.requestId !== undefined
            ? t('No task in the ledger carries RequestId {0}; paste its TaskId instead.', messageText(ref.requestId))
            : t('It names no TaskId, and no task in the ledger is in room or stream {0} (Add Room… asks GME about a room).', messageText(ref.room ?? ''));
        void vscode.window.showInformationMessage(`${read}${missing}`);
        return;
      }
      const candidates = narrowedCandidates(deps.accounts.list(), taskId, ref);
      if (candidates.length === 0) {
        const why = looksLikeGmeTaskId(taskId)
          ? t('GME answers per room, not per task: use Add Room… with the task’s room.')
          : t('No account has a product that could own it.');
        void vscode.window.showInformationMessage(`${read}${t('Task {0} was not found. {1}', messageText(taskId), why)}`);
        return;
      }
      const outcomes = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: t('Looking up {0} in {1} places…', messageText(taskId), candidates.length),
          cancellable: true,
        },
        async (_progress, token) => {
          const abort = new AbortController();
          const cancelled = token.onCancellationRequested(() => abort.abort());
          try {
            return await Promise.all(
              candidates.map(async (candidate): Promise<Outcome> => {
                try {
                  return { candidate, task: await deps.loader.lookUp(candidate.accountId, candidate.product, taskId, abort.signal) };
                } catch (error) {
                  return { candidate, error };
                }
              }),
            );
          } finally {
            cancelled.dispose();
          }
        },
      );
      const answers = outcomes.flatMap(({ candidate, task }) => (task ? [{ task, why: t('Answered; asked because {0}.', askedBecause(candidate)) }] : []));
      if (answers.length > 0) {
        // Two accounts can hold the same app (a shared key, a test and a production label): the user says which.
        const chosen = answers.length === 1 ? answers[0].task : await pickReading(answers, taskId, accountName);
        if (!chosen) return;
        deps.ledger.record([chosen], true);
        return found(chosen);
      }
      const name = (c: LookupCandidate): string =>
        `${messageText(deps.accounts.get(c.accountId)?.label ?? c.accountId)} (${productLabel(c.product, vscode.l10n)})`;
      const notFound = outcomes.filter((o) => !o.error).map((o) => name(o.candidate));
      const failed = outcomes
        .filter((o) => o.error)
        .map((o) => `${name(o.candidate)}: ${messageText(isMediaApiError(o.error) ? o.error.summary() : String(o.error))}`);
      const parts = [`${read}${t('Task {0} was not found.', messageText(taskId))}`];
      if (notFound.length > 0) parts.push(t('Answered "not found": {0}.', notFound.join(', ')));
      if (failed.length > 0) parts.push(t('Could not ask: {0}.', failed.join('; ')));
      void (failed.length > 0 ? vscode.window.showWarningMessage(parts.join(' ')) : vscode.window.showInformationMessage(parts.join(' ')));
    },
  };
}
