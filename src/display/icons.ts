/**
 * The codicon (and theme colour id) each product, place and status shows with: ids only, so the
 * module stays free of `vscode`; the tree wraps them in ThemeIcon/ThemeColor.
 */
import { traitsOf } from '../model/productTraits';
import type { Product, TaskStatus } from '../model/task';

const PRODUCT_ICONS: Readonly<Record<Product, string>> = {
  'trtc-recording': 'record',
  'trtc-relay': 'radio-tower',
  gme: 'mic',
  css: 'device-camera-video',
  'zego-recording': 'record-keys',
};

const STATUS_ICONS: Readonly<Record<TaskStatus, { readonly id: string; readonly color?: string }>> = {
  running: { id: 'record', color: 'charts.green' },
  starting: { id: 'loading~spin', color: 'charts.yellow' },
  paused: { id: 'debug-pause', color: 'charts.yellow' },
  stopping: { id: 'debug-stop', color: 'charts.orange' },
  ended: { id: 'pass', color: 'descriptionForeground' },
  failed: { id: 'error', color: 'charts.red' },
  unknown: { id: 'question', color: 'charts.purple' },
};

export function productIcon(product: Product): string {
  return PRODUCT_ICONS[product];
}

/** A stream (CSS) or a room. */
export function placeIcon(product: Product): string {
  return traitsOf(product).place === 'stream' ? 'broadcast' : 'comment-discussion';
}

export function statusIconOf(status: TaskStatus): { readonly id: string; readonly color?: string } {
  return STATUS_ICONS[status];
}
