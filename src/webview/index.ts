/** The details and room panels as the composition root sees them. */
import * as vscode from 'vscode';
import type { Logger } from '../model/logger';
import { taskKeyString, type TaskKey } from '../model/task';
import type { TaskStore } from '../model/taskStore';
import { filePanelState, taskPanelState } from './identity';
import { ROOM_VIEW_TYPE, STORAGE_FILE_VIEW_TYPE, TASK_DETAILS_VIEW_TYPE } from '../ids/views';
import { DetailsPanelManager } from './panels';
import { RoomPanelManager } from './roomPanel';
import type { RoomPanelState } from './roomProtocol';

export interface TaskDetailsPanels {
  /** Opens the task's details panel, or reveals it when already open. */
  show(key: TaskKey): void;
  /** Opens the details panel of one of the task's storage files. */
  showFile(key: TaskKey, fileName: string): void;
  /** Opens the room panel, or reveals it when already open. */
  showRoom(state: RoomPanelState): void;
  /** Opens the room panel of the task's room; false when the ledger does not know the task. */
  showRoomOf(key: TaskKey): boolean;
  /** Tasks that have a panel open, and the running tasks of open rooms (for the poller). */
  openKeys(): TaskKey[];
  dispose(): void;
}

/**
 * Builds the panel managers and registers the serializers that bring panels back after a window
 * reload. Everything is pushed to `context.subscriptions`.
 */
export function createTaskDetailsPanels(
  context: vscode.ExtensionContext,
  deps: {
    store: TaskStore;
    logger: Logger;
    accountName: (accountId: string) => string | undefined;
    canStop: () => boolean;
    stop: (key: TaskKey) => void;
  },
): TaskDetailsPanels {
  const showRoomOf = (key: TaskKey): boolean => {
    const entry = deps.store.get(key);
    if (!entry) return false;
    rooms.open({ kind: 'room', accountId: entry.accountId, product: entry.product, room: entry.task.room });
    return true;
  };
  const manager = new DetailsPanelManager({
    ...deps,
    extensionUri: context.extensionUri,
    openRoom: (key) => {
      if (!showRoomOf(key)) void vscode.window.showInformationMessage(vscode.l10n.t('This task is not in the task ledger, so its room is not known.'));
    },
  });
  const rooms = new RoomPanelManager({ ...deps, extensionUri: context.extensionUri, openTask: (key) => manager.open(taskPanelState(key)) });
  const serializer: vscode.WebviewPanelSerializer = {
    deserializeWebviewPanel: (panel, state: unknown) => manager.restore(panel, state),
  };
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(TASK_DETAILS_VIEW_TYPE, serializer),
    vscode.window.registerWebviewPanelSerializer(STORAGE_FILE_VIEW_TYPE, serializer),
    vscode.window.registerWebviewPanelSerializer(ROOM_VIEW_TYPE, { deserializeWebviewPanel: (panel, state: unknown) => rooms.restore(panel, state) }),
    manager,
    rooms,
  );
  return {
    show: (key) => manager.open(taskPanelState(key)),
    showFile: (key, fileName) => manager.open(filePanelState(key, fileName)),
    showRoom: (state) => rooms.open(state),
    showRoomOf,
    openKeys: () => {
      const keys = new Map<string, TaskKey>();
      for (const key of [...manager.openKeys(), ...rooms.openKeys()]) keys.set(taskKeyString(key), key);
      return [...keys.values()];
    },
    dispose: () => {
      manager.dispose();
      rooms.dispose();
    },
  };
}
