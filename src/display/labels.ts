/**
 * The one name of each product, vendor and status, and the other short words every surface (tree,
 * panels, status bar, notifications, pickers, Go to Task, account checks) uses for the same thing.
 */
import type { Account } from '../model/account';
import type { Product, TaskStatus, Vendor } from '../model/task';
import type { Localizer } from './localize';

export function productLabel(product: Product, l10n: Localizer): string {
  switch (product) {
    case 'trtc-recording':
      return l10n.t('TRTC Cloud Recording');
    case 'trtc-relay':
      return l10n.t('TRTC Relay (Stream Ingest)');
    case 'gme':
      return l10n.t('GME Recording');
    case 'css':
      return l10n.t('CSS Live Recording');
    case 'zego-recording':
      return l10n.t('ZEGO Cloud Recording');
  }
}

export function vendorLabel(vendor: Vendor, l10n: Localizer): string {
  return vendor === 'tencent' ? l10n.t('Tencent Cloud') : l10n.t('ZEGO');
}

export function statusLabel(status: TaskStatus, l10n: Localizer): string {
  switch (status) {
    case 'starting':
      return l10n.t('starting');
    case 'running':
      return l10n.t('running');
    case 'paused':
      return l10n.t('paused');
    case 'stopping':
      return l10n.t('stopping');
    case 'ended':
      return l10n.t('ended');
    case 'failed':
      return l10n.t('failed');
    case 'unknown':
      return l10n.t('unknown');
  }
}

/** What `Task.appId` holds for each product. */
export function appIdLabel(product: Product, l10n: Localizer): string {
  if (product === 'gme') return l10n.t('BizId');
  if (product === 'css') return l10n.t('Push domain');
  return product === 'zego-recording' ? l10n.t('AppId') : l10n.t('SdkAppId');
}

/** CSS keys tasks by stream; the others by room. */
export function roomLabel(product: Product, l10n: Localizer): string {
  return product === 'css' ? l10n.t('Stream') : l10n.t('Room');
}

/** `Tencent Cloud · ap-guangzhou`, `ZEGO · 1234567`: where an account's tasks live. */
export function accountSummary(account: Account, l10n: Localizer): string {
  return account.vendor === 'tencent'
    ? l10n.t('{0} · {1}', vendorLabel('tencent', l10n), account.region)
    : l10n.t('{0} · {1}', vendorLabel('zego', l10n), account.appId);
}

/** `1 task`, `12 tasks`; `1 room`, `3 rooms`. */
export function nounCount(count: number, noun: 'task' | 'room', l10n: Localizer): string {
  if (noun === 'task') return count === 1 ? l10n.t('1 task') : l10n.t('{0} tasks', count);
  return count === 1 ? l10n.t('1 room') : l10n.t('{0} rooms', count);
}

/** `(100+)` while more pages remain, `(42)` once everything is loaded. */
export function countLabel(count: number, more: boolean): string {
  return more ? `(${count}+)` : `(${count})`;
}
