import * as vscode from 'vscode';
import { entryStartMs } from '../model/ledgerEntry';
import type { TaskStore } from '../model/taskStore';
import type { TaskDetailsPanels } from '../webview';
import { productLabel, roomLabel } from '../display/labels';
import { accountPickText } from '../display/taskPick';
import { pickText } from '../display/vendorText';
import type { AccountStore } from '../accounts/accountStore';
import { parseRoomState, roomProducts, taskKeyFromCommandArg } from '../webview/identity';
import type { RoomPanelState } from '../webview/roomProtocol';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';

/** Every room the ledger knows, most recently active first, for the picker. */
function knownRooms(store: TaskStore): Array<{ state: RoomPanelState; tasks: number; latest: number }> {
  const rooms = new Map<string, { state: RoomPanelState; tasks: number; latest: number }>();
  for (const entry of store.all()) {
    const family = roomProducts(entry.product)[0]!;
    const key = JSON.stringify([entry.accountId, family, entry.task.room]);
    const known = rooms.get(key) ?? { state: { kind: 'room', accountId: entry.accountId, product: entry.product, room: entry.task.room }, tasks: 0, latest: 0 };
    known.tasks += 1;
    known.latest = Math.max(known.latest, entryStartMs(entry));
    rooms.set(key, known);
  }
  return [...rooms.values()].sort((a, b) => b.latest - a.latest);
}

/**
 * Open Room Timeline: every task of a room on one time axis. From a room row (its inline action and
 * context menu), a task row or a task key (the details panel, Go to Task), or a pick of the known rooms.
 */
export function openRoomTimelineCommand(deps: {
  readonly store: TaskStore;
  readonly accounts: Pick<AccountStore, 'get'>;
  readonly panels: Pick<TaskDetailsPanels, 'showRoom' | 'showRoomOf'>;
}): Command {
  return {
    id: CommandIds.openRoomTimeline,
    run: async (arg?: unknown) => {
      const t = vscode.l10n.t;
      const key = taskKeyFromCommandArg(arg);
      if (key) {
        if (!deps.panels.showRoomOf(key)) void vscode.window.showInformationMessage(t('This task is not in the task ledger, so its room is not known.'));
        return;
      }
      const room = parseRoomState(arg);
      if (room) {
        deps.panels.showRoom(room);
        return;
      }
      const rooms = knownRooms(deps.store);
      if (rooms.length === 0) {
        void vscode.window.showInformationMessage(t('No tasks yet: add an account, or track a task by its ID.'));
        return;
      }
      const picked = await vscode.window.showQuickPick(
        rooms.map((r) => ({
          // A vendor room id: no icon syntax, no bidi override, bounded.
          label: r.state.room === '' ? t('(no room label)') : pickText(r.state.room, 60),
          description: t('{0} · {1} tasks', `${roomLabel(r.state.product, vscode.l10n)} · ${productLabel(r.state.product, vscode.l10n)}`, r.tasks),
          detail: accountPickText(deps.accounts.get(r.state.accountId)?.label, vscode.l10n),
          room: r.state,
        })),
        { placeHolder: t('Select a room to show its timeline'), matchOnDescription: true, matchOnDetail: true },
      );
      if (picked) deps.panels.showRoom(picked.room);
    },
  };
}
