/** The details panels as the composition root sees them. */
import * as vscode from 'vscode';
import type { Logger } from '../model/logger';
import type { TaskKey } from '../model/task';
import type { TaskStore } from '../model/taskStore';
import { filePanelState, taskPanelState } from './identity';
import { STORAGE_FILE_VIEW_TYPE, TASK_DETAILS_VIEW_TYPE } from '../ids/views';
import { DetailsPanelManager } from './panels';


export interface TaskDetailsPanels {
  /** Opens the task's details panel, or reveals it when already open. */
  show(key: TaskKey): void;
  /** Opens the details panel of one of the task's storage files. */
  showFile(key: TaskKey, fileName: string): void;
  /** Tasks that have a panel open (for the poller). */
  openKeys(): TaskKey[];
  dispose(): void;
}

/**
 * Builds the panel manager and registers the serializers that bring panels back after a window
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
  const manager = new DetailsPanelManager({ ...deps, extensionUri: context.extensionUri });
  const serializer: vscode.WebviewPanelSerializer = {
    deserializeWebviewPanel: (panel, state: unknown) => manager.restore(panel, state),
  };
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(TASK_DETAILS_VIEW_TYPE, serializer),
    vscode.window.registerWebviewPanelSerializer(STORAGE_FILE_VIEW_TYPE, serializer),
    manager,
  );
  return {
    show: (key) => manager.open(taskPanelState(key)),
    showFile: (key, fileName) => manager.open(filePanelState(key, fileName)),
    openKeys: () => manager.openKeys(),
    dispose: () => manager.dispose(),
  };
}
