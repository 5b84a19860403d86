import * as vscode from 'vscode';
import { isMediaApiError } from '../model/errors';
import type { Task, TaskKey } from '../model/task';
import type { AccountStore } from '../accounts/accountStore';
import { lookupCandidates, looksLikeGmeTaskId, type LookupCandidate } from '../tasks/lookup';
import type { TaskLedger } from '../tasks/taskLedger';
import type { TaskLoader } from '../tasks/taskLoader';
import { productLabel } from '../display/labels';
import { messageText } from '../display/vendorText';
import type { TaskTreeView } from '../tree/taskTreeView';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';

const t = vscode.l10n.t;

type Outcome = { readonly candidate: LookupCandidate; readonly task?: Task; readonly error?: unknown };

/**
 * Look Up Task by ID…: the ledger first, then every account that could own the id, in parallel
 * (the vendor layer's rate limiters pace them). A match is pinned, revealed and opened.
 */
export function lookUpTaskCommand(deps: {
  readonly accounts: AccountStore;
  readonly ledger: TaskLedger;
  readonly loader: Pick<TaskLoader, 'lookUp'>;
  readonly view: TaskTreeView;
  readonly panels: { show(key: TaskKey): void };
}): Command {
  const found = async (key: TaskKey): Promise<void> => {
    await deps.view.revealTask(key);
    deps.panels.show(key);
  };
  return {
    id: CommandIds.lookUpTask,
    run: async (arg?: unknown) => {
      const taskId = (
        typeof arg === 'string'
          ? arg
          : await vscode.window.showInputBox({ title: t('Look Up Task by ID'), prompt: t('Paste a task ID (TRTC, CSS, ZEGO, or a GME task already seen)') })
      )?.trim();
      if (!taskId) return;
      const known = deps.ledger.all().find((e) => e.taskId === taskId);
      if (known) return found(known);
      const candidates = lookupCandidates(deps.accounts.list(), taskId);
      if (candidates.length === 0) {
        const why = looksLikeGmeTaskId(taskId)
          ? t('GME answers per room, not per task: use Add Room… with the task’s room.')
          : t('No account has a product that could own it.');
        void vscode.window.showInformationMessage(t('Task {0} was not found. {1}', messageText(taskId), why));
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
      const match = outcomes.find((o) => o.task);
      if (match?.task) {
        deps.ledger.record([match.task], true);
        return found(match.task);
      }
      const name = (c: LookupCandidate): string =>
        `${messageText(deps.accounts.get(c.accountId)?.label ?? c.accountId)} (${productLabel(c.product, vscode.l10n)})`;
      const notFound = outcomes.filter((o) => !o.error).map((o) => name(o.candidate));
      const failed = outcomes
        .filter((o) => o.error)
        .map((o) => `${name(o.candidate)}: ${messageText(isMediaApiError(o.error) ? o.error.summary() : String(o.error))}`);
      const parts = [t('Task {0} was not found.', messageText(taskId))];
      if (notFound.length > 0) parts.push(t('Answered "not found": {0}.', notFound.join(', ')));
      if (failed.length > 0) parts.push(t('Could not ask: {0}.', failed.join('; ')));
      void (failed.length > 0 ? vscode.window.showWarningMessage(parts.join(' ')) : vscode.window.showInformationMessage(parts.join(' ')));
    },
  };
}
