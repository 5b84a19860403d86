/**
 * The status-bar item as a small state machine: actions in, a view (text, tooltip, colour,
 * visibility) out. Pure, so every state is unit-tested; `index.ts` only copies the view onto the item.
 */
import { CommandIds } from '../ids/commands';
import { appendVendorText, VENDOR_MESSAGE_MAX } from '../display/vendorText';
import type { LedgerEntry } from '../model/ledgerEntry';
import { PRODUCTS, PRODUCT_VENDOR, type Product, type Vendor } from '../model/task';
import { entryStartMs } from '../model/ledgerEntry';
import { productLabel, vendorLabel } from '../display/labels';
import type { Localizer } from '../display/localize';
import { appendBold, appendCommandLink, PARAGRAPH, type MarkdownText } from '../display/markdown';
import { formatDuration } from '../display/time';
import { taskPlace, taskTitle } from '../display/taskPick';
import type { LongRunningTask } from './longRunning';

/** Non-terminal tasks of one product: `running` is what the item counts, `other` is starting/paused/stopping/unknown. */
export interface ProductCount {
  readonly product: Product;
  readonly running: number;
  readonly other: number;
}

export interface StatusBarState {
  /** Per product, in display order, only products with at least one non-terminal task. */
  readonly counts: readonly ProductCount[];
  readonly busy: boolean;
  readonly lastError?: string;
  readonly alwaysShow: boolean;
  /** Running tasks past their alert threshold and not snoozed, longest first: the item turns to the warning colour. */
  readonly longRunning: readonly LongRunningTask[];
}

export type StatusBarAction =
  | { readonly type: 'tasks'; readonly active: readonly LedgerEntry[] }
  | { readonly type: 'busy'; readonly busy: boolean }
  | { readonly type: 'error'; readonly message: string | undefined }
  | { readonly type: 'alwaysShow'; readonly alwaysShow: boolean }
  | { readonly type: 'longRunning'; readonly tasks: readonly LongRunningTask[] };

export const initialStatusBarState: StatusBarState = { counts: [], busy: false, alwaysShow: false, longRunning: [] };

export function countByProduct(active: readonly LedgerEntry[]): ProductCount[] {
  return PRODUCTS.map((product) => {
    const ofProduct = active.filter((entry) => entry.task.product === product);
    const running = ofProduct.filter((entry) => entry.task.status === 'running').length;
    return { product, running, other: ofProduct.length - running };
  }).filter((count) => count.running + count.other > 0);
}

export function reduceStatusBar(state: StatusBarState, action: StatusBarAction): StatusBarState {
  switch (action.type) {
    case 'tasks':
      return { ...state, counts: countByProduct(action.active) };
    case 'busy':
      return { ...state, busy: action.busy };
    case 'error': {
      const { lastError: _previous, ...rest } = state;
      return action.message === undefined ? rest : { ...rest, lastError: action.message };
    }
    case 'alwaysShow':
      return { ...state, alwaysShow: action.alwaysShow };
    case 'longRunning':
      return { ...state, longRunning: action.tasks };
  }
}

export interface StatusBarView {
  readonly visible: boolean;
  readonly text: string;
  /** Markdown with theme icons and links to our own commands only (see `TOOLTIP_COMMANDS`). */
  readonly tooltip: string;
  readonly error: boolean;
  /** A task runs longer than its alert threshold (warning colour; the error colour wins). */
  readonly warning: boolean;
  readonly accessibilityLabel: string;
}

/** The commands the tooltip may link to; the item's MarkdownString trusts exactly these. */
export const TOOLTIP_COMMANDS: readonly string[] = [CommandIds.showRunningTasks, CommandIds.refresh, CommandIds.showLog, CommandIds.openTaskDetails];

/** Filter argument of `showRunningTasks`, as the tooltip's per-product links pass it. */
export interface RunningTasksFilter {
  readonly product?: Product;
  readonly vendor?: Vendor;
}

export function parseRunningTasksFilter(value: unknown): RunningTasksFilter {
  if (typeof value !== 'object' || value === null) return {};
  const { product, vendor } = value as Record<string, unknown>;
  const filter: { product?: Product; vendor?: Vendor } = {};
  if (typeof product === 'string' && (PRODUCTS as readonly string[]).includes(product)) filter.product = product as Product;
  if (vendor === 'tencent' || vendor === 'zego') filter.vendor = vendor;
  return filter;
}

/** The running-tasks picker's rows: filtered, recording tasks first, longest-running first. */
export function runningTasksFor(active: readonly LedgerEntry[], filter: RunningTasksFilter): LedgerEntry[] {
  return active
    .filter((e) => filter.product === undefined || e.task.product === filter.product)
    .filter((e) => filter.vendor === undefined || PRODUCT_VENDOR[e.task.product] === filter.vendor)
    .sort((a, b) => Number(b.task.status === 'running') - Number(a.task.status === 'running') || entryStartMs(a) - entryStartMs(b));
}

/**
 * The view; `markdown` makes an empty `vscode.MarkdownString` (theme icons on): labels are escaped by
 * VS Code's `appendText`, the vendor's error text by `appendVendorText` (no autolinks, bounded).
 */
export function renderStatusBar(state: StatusBarState, l10n: Localizer, markdown: () => MarkdownText, locale = 'en'): StatusBarView {
  const running = state.counts.reduce((sum, count) => sum + count.running, 0);
  const other = state.counts.reduce((sum, count) => sum + count.other, 0);
  const icon = state.busy ? '$(sync~spin)' : '$(record)';
  const md = markdown();
  appendBold(md, l10n.t('Media Tasks'));
  md.appendMarkdown(PARAGRAPH);
  if (state.counts.length === 0) {
    md.appendText(l10n.t('No task is running.'));
    md.appendMarkdown(PARAGRAPH);
  }
  const vendors: Vendor[] = ['tencent', 'zego'];
  for (const vendor of vendors) {
    const ofVendor = state.counts.filter((count) => PRODUCT_VENDOR[count.product] === vendor);
    if (ofVendor.length === 0) continue;
    md.appendText(`${vendorLabel(vendor, l10n)}:`);
    md.appendMarkdown(PARAGRAPH);
    for (const count of ofVendor) {
      const parts = [l10n.t('{0} recording', count.running)];
      if (count.other > 0) parts.push(l10n.t('{0} starting, paused or stopping', count.other));
      md.appendMarkdown('- ');
      appendCommandLink(md, l10n.t('{0}: {1}', productLabel(count.product, l10n), parts.join(', ')), CommandIds.showRunningTasks, { product: count.product });
      md.appendMarkdown('\n');
    }
    md.appendMarkdown('\n');
  }
  if (state.longRunning.length > 0) {
    md.appendMarkdown('$(warning) ');
    md.appendText(l10n.t('Running longer than their alert threshold:'));
    md.appendMarkdown(PARAGRAPH);
    for (const { entry, runningMs, stage, thresholdMs } of state.longRunning) {
      md.appendMarkdown('- ');
      appendVendorText(md, `${taskTitle(entry, l10n)}, ${taskPlace(entry.task, l10n)}`, VENDOR_MESSAGE_MAX);
      md.appendText(` ${l10n.t('for {0}', formatDuration(runningMs, locale))} `);
      if (stage === 'limit') md.appendText(`${l10n.t('(vendor limit {0})', formatDuration(thresholdMs, locale))} `);
      const { accountId, product, taskId } = entry;
      appendCommandLink(md, l10n.t('Open Details'), CommandIds.openTaskDetails, { accountId, product, taskId });
      md.appendMarkdown('\n');
    }
    md.appendMarkdown('\n');
  }
  if (state.busy) {
    md.appendMarkdown('$(sync~spin) ');
    md.appendText(l10n.t('Refreshing…'));
    md.appendMarkdown(PARAGRAPH);
  }
  if (state.lastError !== undefined) {
    md.appendMarkdown('$(error) ');
    md.appendText(`${l10n.t('The last refresh failed:')} `);
    appendVendorText(md, state.lastError, VENDOR_MESSAGE_MAX);
    md.appendMarkdown(PARAGRAPH);
  }
  appendCommandLink(md, l10n.t('Show Running Tasks'), CommandIds.showRunningTasks);
  md.appendMarkdown(' · ');
  appendCommandLink(md, l10n.t('Refresh'), CommandIds.refresh);
  if (state.lastError !== undefined) {
    md.appendMarkdown(' · ');
    appendCommandLink(md, l10n.t('Show Log'), CommandIds.showLog);
  }
  const accessibility = [l10n.t('{0} media tasks recording', running)];
  if (other > 0) accessibility.push(l10n.t('{0} starting, paused or stopping', other));
  if (state.longRunning.length > 0) accessibility.push(l10n.t('{0} running longer than their alert threshold', state.longRunning.length));
  if (state.lastError !== undefined) accessibility.push(l10n.t('the last refresh failed'));
  return {
    visible: running > 0 || state.alwaysShow,
    text: `${icon} ${l10n.t('{0} recording', running)}`,
    tooltip: md.value,
    error: state.lastError !== undefined,
    warning: state.longRunning.length > 0,
    accessibilityLabel: accessibility.join(', '),
  };
}
