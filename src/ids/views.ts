/** The ids of what the extension contributes besides commands; package.json names the same ids. */

/** The activity-bar container. */
export const VIEW_CONTAINER_ID = 'mediaTasks';
/** The task tree view. */
export const TASKS_VIEW_ID = 'mediaTasks.tasks';
/** Webview panel types (also their `onWebviewPanel:` activation events and serializers). */
export const TASK_DETAILS_VIEW_TYPE = 'mediaTasks.taskDetails';
export const STORAGE_FILE_VIEW_TYPE = 'mediaTasks.storageFile';
export const ROOM_VIEW_TYPE = 'mediaTasks.roomTimeline';
/** The status-bar item. */
export const STATUS_BAR_ITEM_ID = 'mediaTasks.status';
