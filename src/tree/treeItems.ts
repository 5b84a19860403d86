/** Maps each node kind to its TreeItem: label, description, codicon with theme colour, tooltip, click. */
import * as vscode from 'vscode';
import type { Account } from '../model/account';
import type { MediaApiError } from '../model/errors';
import type { LedgerEntry } from '../model/ledgerEntry';
import { isTerminal, type Product, type TaskKey, type TaskStatus } from '../model/task';
import { CommandIds } from '../ids/commands';
import { accountSummary, countLabel, nounCount, productLabel, statusLabel } from '../display/labels';
import type { TimeContext } from '../display/localize';
import type { MarkdownSink } from '../display/markdown';
import { fileUserLabel, recordModeLabel } from '../display/meanings';
import { formatClock } from '../display/time';
import { plainText } from '../display/vendorText';
import { placeIcon, productIcon, statusIconOf } from '../display/icons';
import { traitsOf } from '../model/productTraits';
import { buildContextValue } from './contextValue';
import type { ProductNode, TreeNode } from './nodes';
import { bucketLabel, taskDescription } from './rowText';
import { errorTooltip, roomTooltip, taskTooltip } from './tooltip';

/** The statuses a task is not done in, in the order a room row counts them. */
const ACTIVE_STATUSES: readonly TaskStatus[] = ['running', 'starting', 'paused', 'stopping', 'unknown'];

/** What an item needs to know beyond its node; the provider supplies it. */
export interface ItemContext {
  readonly time: TimeContext;
  account(accountId: string): Account | undefined;
  entry(key: TaskKey): LedgerEntry | undefined;
  roomEntries(accountId: string, product: Product, room: string): LedgerEntry[];
  pinnedRoom(accountId: string, product: Product, room: string): boolean;
  /** The product's listing progress, once a listing started. */
  listing(node: ProductNode): { more: boolean } | undefined;
  productCount(accountId: string, product: Product): number;
  error(node: TreeNode): MediaApiError | undefined;
}

const t = vscode.l10n.t;

export function statusIcon(status: TaskStatus): vscode.ThemeIcon {
  const { id, color } = statusIconOf(status);
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

/** A tooltip written by a pure builder: theme icons on, not trusted, no HTML; vendor text goes in through appendText. */
const markdown = (write: (md: MarkdownSink) => void): vscode.MarkdownString => {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = false;
  md.supportHtml = false;
  write(md);
  return md;
};

function accountDescription(account: Account): string {
  const base = accountSummary(account, vscode.l10n);
  return account.endpoint ? `${base} · ${t('via {0}', plainText(account.endpoint))}` : base;
}

export function buildTreeItem(node: TreeNode, ctx: ItemContext): vscode.TreeItem {
  const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
  switch (node.kind) {
    case 'account': {
      const account = ctx.account(node.accountId);
      const item = new vscode.TreeItem(plainText(account?.label ?? node.accountId), Expanded);
      item.iconPath = new vscode.ThemeIcon(node.vendor === 'tencent' ? 'cloud' : 'globe');
      item.description = account ? accountDescription(account) : undefined;
      item.contextValue = buildContextValue({ kind: 'account' });
      return withId(item, node);
    }
    case 'product': {
      const item = new vscode.TreeItem(productLabel(node.product, vscode.l10n), Collapsed);
      item.iconPath = new vscode.ThemeIcon(productIcon(node.product));
      // The count is of the rows the user can reach; `+` while the vendor listing has more pages. A
      // listing not loaded yet shows no count rather than a misleading (0).
      const count = ctx.productCount(node.accountId, node.product);
      const listing = ctx.listing(node);
      const unlisted = traitsOf(node.product).asked === 'listing' && listing === undefined && count === 0;
      item.description = unlisted ? undefined : countLabel(count, listing?.more ?? false);
      const error = ctx.error(node);
      if (error) item.description = withFailed(item.description);
      item.contextValue = buildContextValue({ kind: 'product', product: node.product });
      return withId(item, node);
    }
    case 'room': {
      const entries = ctx.roomEntries(node.accountId, node.product, node.room);
      const item = new vscode.TreeItem(node.room ? plainText(node.room) : t('(no room label)'), Collapsed);
      item.iconPath = new vscode.ThemeIcon(placeIcon(node.product));
      const running = entries.filter((e) => !isTerminal(e.task.status));
      if (traitsOf(node.product).asked === 'byRoom') {
        const current = running[0];
        const mode = current ? recordModeLabel(current.task.extras.RecordMode, vscode.l10n) : undefined;
        item.description = current
          ? [statusLabel(current.task.status, vscode.l10n), mode && plainText(mode)].filter(Boolean).join(' · ')
          : t('no task running');
        item.tooltip = markdown((md) => roomTooltip(md, node.room, current, ctx.time, vscode.l10n));
      } else {
        // Counted per status, so "running" means what the status bar counts; starting or stopping tasks are named as such.
        const byStatus = new Map<TaskStatus, number>();
        for (const e of running) byStatus.set(e.task.status, (byStatus.get(e.task.status) ?? 0) + 1);
        const counts = ACTIVE_STATUSES.filter((status) => byStatus.has(status)).map((status) =>
          t('{0} {1}', byStatus.get(status) ?? 0, statusLabel(status, vscode.l10n)),
        );
        item.description = [nounCount(entries.length, 'task', vscode.l10n), ...counts].join(' · ');
      }
      const error = ctx.error(node);
      // A GME room's row is its one answer: when that failed, the row says what GME said instead.
      if (error) item.description = traitsOf(node.product).asked === 'byRoom' ? t('failed: {0}', plainText(error.code)) : withFailed(item.description);
      item.contextValue = buildContextValue({ kind: 'room', product: node.product, pinnedRoom: ctx.pinnedRoom(node.accountId, node.product, node.room) });
      return withId(item, node);
    }
    case 'dayGroup': {
      const item = new vscode.TreeItem(bucketLabel(node.bucket, ctx.time, vscode.l10n), Collapsed);
      item.iconPath = new vscode.ThemeIcon(node.bucket.level === 'slice' ? 'list-flat' : 'calendar');
      item.description = nounCount(node.bucket.count, node.room === undefined ? 'room' : 'task', vscode.l10n);
      item.contextValue = buildContextValue({ kind: 'dayGroup' });
      return withId(item, node);
    }
    case 'task': {
      const entry = ctx.entry(node.key);
      const hasFiles = (entry?.task.files.length ?? 0) > 0;
      const item = new vscode.TreeItem(plainText(node.key.taskId), hasFiles ? Collapsed : None);
      if (entry) {
        item.description = taskDescription(entry, ctx.time, vscode.l10n);
        item.tooltip = markdown((md) => taskTooltip(md, entry, ctx.time, vscode.l10n));
        item.iconPath = entry.lastError ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : statusIcon(entry.task.status);
        item.accessibilityInformation = { label: t('Task {0}, {1}', plainText(node.key.taskId), item.description) };
      }
      item.command = { command: CommandIds.openTaskDetails, title: t('Open Task Details'), arguments: [node] };
      item.contextValue = buildContextValue({ kind: 'task', status: entry?.task.status, hasFiles, pinned: entry?.pinned });
      return withId(item, node);
    }
    case 'file': {
      const file = ctx.entry(node.key)?.task.files.find((f) => f.fileName === node.fileName);
      const item = new vscode.TreeItem(plainText(node.fileName), None);
      item.iconPath = new vscode.ThemeIcon('file-media');
      if (file) {
        const who = file.userId === '' ? fileUserLabel(file.userId, vscode.l10n) : plainText(file.userId);
        item.description = [plainText(file.trackType), who, file.beginTimeMs !== undefined ? formatClock(file.beginTimeMs, ctx.time) : '']
          .filter(Boolean)
          .join(' · ');
      }
      item.command = { command: CommandIds.openStorageFile, title: t('Open Storage File Details'), arguments: [node] };
      item.contextValue = buildContextValue({ kind: 'file' });
      return withId(item, node);
    }
    case 'loadMore': {
      const item = new vscode.TreeItem(t('Load more…'), None);
      item.iconPath = new vscode.ThemeIcon('fold-down');
      item.command = { command: CommandIds.loadMore, title: t('Load More'), arguments: [node.parent] };
      item.contextValue = buildContextValue({ kind: 'loadMore' });
      return withId(item, node);
    }
    case 'error': {
      const item = new vscode.TreeItem(plainText(node.message), None);
      item.description = plainText(node.summary);
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
      item.tooltip = markdown((md) => errorTooltip(md, node.summary, node.message, node.hint));
      item.command = node.auth
        ? { command: CommandIds.reenterCredentials, title: t('Re-enter Credentials…'), arguments: [node] }
        : { command: CommandIds.retry, title: t('Retry'), arguments: [node] };
      item.contextValue = buildContextValue({ kind: 'error', authError: node.auth });
      return withId(item, node);
    }
    case 'placeholder': {
      const item = new vscode.TreeItem(node.message, None);
      item.iconPath = new vscode.ThemeIcon('info');
      if (node.command) item.command = { command: node.command, title: node.message, arguments: [node.parent] };
      item.contextValue = buildContextValue({ kind: 'placeholder' });
      return withId(item, node);
    }
  }
}

/** A row's description with the failed marker; a row with no description yet shows the marker alone. */
function withFailed(description: vscode.TreeItem['description']): string {
  return [typeof description === 'string' ? description : '', t('failed')].filter(Boolean).join(' · ');
}

function withId(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
  item.id = node.id;
  return item;
}
