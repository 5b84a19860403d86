/** Words shared by every surface (tree, panels, status bar, notifications, pickers). Pure. */
import type { TaskStatus } from '../model/task';
import type { Localize } from './localize';

export function statusLabel(status: TaskStatus, t: Localize): string {
  const labels: Record<TaskStatus, string> = {
    starting: t('starting'),
    running: t('running'),
    paused: t('paused'),
    stopping: t('stopping'),
    ended: t('ended'),
    failed: t('failed'),
    unknown: t('unknown'),
  };
  return labels[status];
}
