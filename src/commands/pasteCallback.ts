import * as vscode from 'vscode';
import { MAX_CALLBACK_BYTES } from '../model/callback';
import { statusLabel } from '../display/labels';
import { VENDOR_MESSAGE_MAX, messageText } from '../display/vendorText';
import type { CallbackIntake } from '../tasks/callbackIntake';
import { missingSignatureHeader, parsePastedCallback } from '../tasks/pastedCallback';
import type { TaskTreeView } from '../tree/taskTreeView';
import type { TaskDetailsPanels } from '../webview';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';

/**
 * Paste Callback…: a TRTC, GME, CSS or ZEGO recording callback from the clipboard or the editor's
 * selection (the body alone, or headers, a blank line and the body), verified with the accounts'
 * callback keys. A verified one updates its task at once and opens it; anything else is refused
 * with the reason and recorded nowhere. The text is read from the clipboard, not typed, so its
 * newlines and tabs, which TRTC signs, stay as they were.
 */
export function pasteCallbackCommand(deps: {
  readonly intake: Pick<CallbackIntake, 'accept'>;
  readonly view: Pick<TaskTreeView, 'revealTask'>;
  readonly panels: Pick<TaskDetailsPanels, 'show'>;
}): Command {
  return {
    id: CommandIds.pasteCallback,
    run: async () => {
      const t = vscode.l10n.t;
      const editor = vscode.window.activeTextEditor;
      const selection = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
      const items = [
        { label: t('From the clipboard'), from: 'clipboard' as const },
        ...(selection ? [{ label: t('From the selection in the editor'), from: 'selection' as const }] : []),
      ];
      const chosen =
        items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: t('Paste Callback'), placeHolder: t('Where is the callback?') });
      if (!chosen) return;
      const text = chosen.from === 'selection' ? selection! : await vscode.env.clipboard.readText();
      if (text.trim() === '') {
        void vscode.window.showWarningMessage(t('The clipboard holds no text: copy the callback’s body (and its headers) first.'));
        return;
      }
      if (Buffer.byteLength(text) > MAX_CALLBACK_BYTES) {
        void vscode.window.showErrorMessage(t('Callback refused: {0}', t('it is larger than {0} bytes.', MAX_CALLBACK_BYTES)));
        return;
      }
      let received = parsePastedCallback(text);
      const header = missingSignatureHeader(received);
      if (header) {
        const value = await vscode.window.showInputBox({
          title: t('Paste Callback'),
          prompt: t('The body is pasted without headers: enter the value of its {0} header', header),
          ignoreFocusOut: true,
        });
        if (value === undefined) return;
        received = { ...received, headers: { ...received.headers, [header.toLowerCase()]: value.trim() } };
      }
      const result = await deps.intake.accept(received, 'paste');
      if (!result.ok) {
        void vscode.window.showErrorMessage(t('Callback refused: {0}', messageText(result.reason, VENDOR_MESSAGE_MAX)));
        return;
      }
      const { event } = result.verdict;
      const effect = result.outcome.duplicate
        ? t('it was already recorded')
        : result.outcome.applied
          ? t('the task is now {0}', statusLabel(result.outcome.entry.task.status, vscode.l10n))
          : t('recorded; it does not change the task’s status');
      // The event type and task id come from the body: inert text in a notification (no links, no bidi override).
      void vscode.window.showInformationMessage(t('Verified callback {0} for task {1}: {2}.', messageText(event.eventType), messageText(event.taskId), effect));
      await deps.view.revealTask(result.key);
      deps.panels.show(result.key);
    },
  };
}
