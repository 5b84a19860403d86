/** Every command id the extension contributes; package.json must list exactly these. */
export const CommandIds = {
  addAccount: 'mediaTasks.addAccount',
  editAccount: 'mediaTasks.editAccount',
  removeAccount: 'mediaTasks.removeAccount',
  trySandbox: 'mediaTasks.trySandbox',
  refresh: 'mediaTasks.refresh',
  refreshNode: 'mediaTasks.refreshNode',
  retry: 'mediaTasks.retry',
  reenterCredentials: 'mediaTasks.reenterCredentials',
  filter: 'mediaTasks.filter',
  clearFilter: 'mediaTasks.clearFilter',
  loadMore: 'mediaTasks.loadMore',
  addRoom: 'mediaTasks.addRoom',
  trackTask: 'mediaTasks.trackTask',
  openRoom: 'mediaTasks.openRoom',
  lookUpTask: 'mediaTasks.lookUpTask',
  copyTaskId: 'mediaTasks.copyTaskId',
  exportTasks: 'mediaTasks.exportTasks',
  forgetTask: 'mediaTasks.forgetTask',
  openTaskDetails: 'mediaTasks.openTaskDetails',
  openStorageFile: 'mediaTasks.openStorageFile',
  showRunningTasks: 'mediaTasks.showRunningTasks',
  showLog: 'mediaTasks.showLog',
  stopTask: 'mediaTasks.stopTask',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
