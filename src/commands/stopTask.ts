/**
 * Stop Task…: the one write action. From a tree row, the details panel, the running-tasks pick or the
 * palette; refused in read-only mode before anything is asked; always behind a modal confirmation
 * naming the account, app, room and task; one stop per task at a time (a second click while one is
 * in flight does nothing); the outcome is said plainly, with the state the vendor reports afterwards.
 */
import * as vscode from 'vscode';
import { messageText } from '../display/vendorText';
import type { Account } from '../model/account';
import type { MediaApiError } from '../model/errors';
import type { LedgerEntry } from '../model/ledgerEntry';
import type { TaskKey } from '../model/task';
import { isStoppable, type TaskStopper } from '../model/taskStop';
import type { TaskStore } from '../model/taskStore';
import type { TaskStops, StopResult } from '../tasks/taskStops';
import { appIdLabel, productLabel, roomLabel, statusLabel } from '../display/labels';
import { taskKeyFromCommandArg } from '../webview/identity';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';
import { pickTask, showFailure } from './pick';

const t = vscode.l10n.t;

export interface StopTaskDeps {
  readonly store: TaskStore;
  readonly stops: TaskStops;
  readonly accounts: { get(accountId: string): Account | undefined };
  readonly readOnly: () => boolean;
}

/** The sentence a modal shows for read-only mode; shared with the other refusals. */
export function readOnlyRefusal(): string {
  return t('Media Tasks is in read-only mode (setting mediaTasks.readOnly): write actions such as Stop Task are disabled.');
}

export function stopTaskCommand(deps: StopTaskDeps): Command {
  return {
    id: CommandIds.stopTask,
    run: async (arg?: unknown) => {
      if (deps.readOnly()) {
        void vscode.window.showWarningMessage(readOnlyRefusal());
        return;
      }
      const key = taskKeyFromCommandArg(arg) ?? (await pickStoppable(deps.store, deps.accounts));
      const entry = key && deps.store.get(key);
      if (!key || !entry) return;
      if (deps.stops.isInFlight(key)) {
        vscode.window.setStatusBarMessage(t('A stop of this task is already on its way.'), 3000);
        return;
      }
      if (!isStoppable(entry.task.status)) {
        void vscode.window.showInformationMessage(t('The task is {0}: there is nothing to stop.', statusLabel(entry.task.status, vscode.l10n)));
        return;
      }
      if (!(await confirmStop(entry, deps.accounts.get(key.accountId)))) return;
      // The read-only setting may have been switched on while the dialog was open.
      if (deps.readOnly()) {
        void vscode.window.showWarningMessage(readOnlyRefusal());
        return;
      }
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: t('Stopping task {0}…', messageText(key.taskId)), cancellable: false },
        () => deps.stops.stop(key),
      );
      await report(key, result);
    },
  };
}

function pickStoppable(store: TaskStore, accounts: { get(accountId: string): Account | undefined }): Promise<TaskKey | undefined> {
  return pickTask(
    store.running().filter((e) => isStoppable(e.task.status)),
    { placeHolder: t('Select the running task to stop'), emptyMessage: t('No task is running.'), accountName: (id) => accounts.get(id)?.label },
  );
}

/** Account, app, room and task, as the user will recognise them; vendor strings made inert. */
async function confirmStop(entry: LedgerEntry, account: Account | undefined): Promise<boolean> {
  const task = entry.task;
  const l10n = vscode.l10n;
  const detail = [
    t('Account: {0}', messageText(account?.label ?? entry.accountId)),
    `${appIdLabel(task.product, l10n)}: ${messageText(task.appId)}`,
    `${roomLabel(task.product, l10n)}: ${messageText(task.room || '-')}`,
    t('Task: {0}', messageText(task.taskId)),
    '',
    task.product === 'trtc-relay'
      ? t('The relay stops pulling its stream into the room. This cannot be undone.')
      : t('The recording stops; files already recorded are still uploaded. This cannot be undone.'),
  ].join('\n');
  const stop = t('Stop Task');
  const choice = await vscode.window.showWarningMessage(t('Stop this {0} task?', productLabel(task.product, l10n)), { modal: true, detail }, stop);
  return choice === stop;
}

async function report(key: TaskKey, result: StopResult): Promise<void> {
  const id = messageText(key.taskId);
  if (result.kind === 'inFlight') return;
  const now = (entry: LedgerEntry | undefined): string => (entry ? statusLabel(entry.task.status, vscode.l10n) : t('unknown'));
  if (result.kind === 'refused') {
    await showFailure(refusedMessage(id, result.error, result.stopper), result.error, key.accountId);
    return;
  }
  const { outcome, entry } = result;
  switch (outcome.kind) {
    case 'stopped':
      void vscode.window.showInformationMessage(
        t('Stop sent for task {0} (RequestId {1}). The vendor now reports: {2}.', id, outcome.requestId ?? '-', now(entry)),
      );
      return;
    case 'alreadyEnded':
      void vscode.window.showInformationMessage(
        t('Task {0} had already ended ({1}); nothing was stopped. The vendor now reports: {2}.', id, outcome.error.code, now(entry)),
      );
      return;
    case 'unknown':
      void vscode.window.showWarningMessage(
        t(
          'The answer to the stop of task {0} was lost ({1}), so whether it stopped is unknown; it was not sent again. The task was queried again: {2}.',
          id,
          outcome.error.code,
          result.requeryError ? t('the query failed too ({0})', result.requeryError.code) : now(entry),
        ),
      );
      return;
  }
}

/** Permission refusals name what the key lacks: the CAM action, or for ZEGO the AppId's ServerSecret. */
function refusedMessage(id: string, error: MediaApiError, stopper: TaskStopper | undefined): string {
  if (error.kind === 'permission' && stopper?.permission) {
    return t(
      'The key may not stop task {0}: it lacks the CAM permission {1}. Grant it in Cloud Access Management, or use another key.',
      id,
      stopper.permission,
    );
  }
  return t('Task {0} was not stopped.', id);
}
