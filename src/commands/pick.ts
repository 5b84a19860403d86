/**
 * What commands share: reading the tree node they were run on, and the QuickPicks they fall back to
 * when run from the palette without one.
 */
import * as vscode from 'vscode';
import { accountProducts, type Account } from '../model/account';
import { isMediaApiError } from '../model/errors';
import type { LedgerEntry } from '../model/ledgerEntry';
import type { Product, StorageFile } from '../model/task';
import type { AccountStore } from '../accounts/accountStore';
import { accountSummary, productLabel } from '../display/labels';
import { errorHint } from '../display/hints';
import { fileUserLabel } from '../display/meanings';
import { taskPickRow } from '../display/taskPick';
import { messageText, pickText, VENDOR_MESSAGE_MAX } from '../display/vendorText';
import { isIssuedNode, issueNode } from '../tree/issuedNodes';
import type { TreeNode } from '../tree/nodes';
import { CommandIds } from '../ids/commands';

const t = vscode.l10n.t;

/** A tree node, when the command was run on one (menus pass the node; the palette passes nothing). */
export function nodeArg(arg: unknown): TreeNode | undefined {
  // Only a node the tree handed out: another extension may pass a look-alike.
  return isIssuedNode(arg) ? arg : undefined;
}

/** The account a node belongs to. */
export function accountIdOf(node: TreeNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'task' || node.kind === 'file') return node.key.accountId;
  if ('accountId' in node && node.accountId) return node.accountId;
  return node.parent ? accountIdOf(node.parent) : undefined;
}

/** The product a node belongs to. */
export function productOf(node: TreeNode | undefined): Product | undefined {
  if (!node) return undefined;
  if (node.kind === 'task' || node.kind === 'file') return node.key.product;
  if ('product' in node) return node.product;
  return node.parent ? productOf(node.parent) : undefined;
}

/** The node's account, or one the user picks (only accounts `accept`s; picked at once when only one). */
export async function accountFromArgOrPick(
  accounts: AccountStore,
  arg: unknown,
  placeHolder: string,
  accept: (account: Account) => boolean = () => true,
): Promise<Account | undefined> {
  const id = accountIdOf(nodeArg(arg));
  if (id) return accounts.get(id);
  const candidates = accounts.list().filter(accept);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(t('No account can do that yet. Add an account first.'));
    return undefined;
  }
  if (candidates.length === 1) return candidates[0];
  const picked = await vscode.window.showQuickPick(
    candidates.map((account) => ({
      label: pickText(account.label),
      description: accountSummary(account, vscode.l10n),
      account,
    })),
    { placeHolder },
  );
  return picked?.account;
}

/** One of the account's products among `allowed`, picked at once when only one fits. */
export async function pickProduct(account: Account, allowed: readonly Product[], placeHolder: string): Promise<Product | undefined> {
  const products = accountProducts(account).filter((p) => allowed.includes(p));
  if (products.length <= 1) return products[0];
  const picked = await vscode.window.showQuickPick(
    products.map((product) => ({ label: productLabel(product, vscode.l10n), product })),
    { placeHolder },
  );
  return picked?.product;
}

/** The task a command was run on, or one picked from the ledger. */
export async function entryFromArgOrPick(
  entries: readonly LedgerEntry[],
  arg: unknown,
  find: (node: TreeNode) => LedgerEntry | undefined,
  placeHolder: string,
  accountName: (accountId: string) => string | undefined,
): Promise<LedgerEntry | undefined> {
  const node = nodeArg(arg);
  if (node?.kind === 'task' || node?.kind === 'file') return find(node);
  return pickTask(byLastSeen(entries), { placeHolder, emptyMessage: t('No tasks yet: add an account, or track a task by its ID.'), accountName });
}

/** The one task QuickPick (palette, keybinding, status bar): rows from the display module. */
export async function pickTask(
  entries: readonly LedgerEntry[],
  options: {
    readonly placeHolder: string;
    readonly emptyMessage: string;
    /** Rows name the account as the user named it, never by its internal id. */
    readonly accountName: (accountId: string) => string | undefined;
  },
): Promise<LedgerEntry | undefined> {
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(options.emptyMessage);
    return undefined;
  }
  const time = { now: Date.now(), locale: vscode.env.language };
  const items = entries.map((entry) => ({ ...taskPickRow(entry, time, vscode.l10n, options.accountName(entry.accountId)), entry }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: options.placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.entry;
}

export async function pickStorageFile(files: readonly StorageFile[]): Promise<StorageFile | undefined> {
  const items = files.map((file) => ({
    label: pickText(file.fileName),
    description: pickText(file.trackType),
    detail: file.userId === '' ? fileUserLabel(file.userId, vscode.l10n) : pickText(file.userId),
    file,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: t('Select a storage file'), matchOnDescription: true, matchOnDetail: true });
  return picked?.file;
}

/** Most recently seen first: what someone reaching for a task from the palette most likely wants. */
export function byLastSeen(entries: readonly LedgerEntry[]): LedgerEntry[] {
  return [...entries].sort((a, b) => b.lastSeen - a.lastSeen);
}

/** A failed action, with the way out: re-enter credentials for auth failures, else the log. */
export async function showFailure(message: string, err: unknown, accountId?: string): Promise<void> {
  const vendorSaid = (text: string): string => messageText(text, VENDOR_MESSAGE_MAX);
  const detail = isMediaApiError(err)
    ? `${vendorSaid(err.summary())}: ${vendorSaid(err.message)} ${errorHint(err, vscode.l10n)}`
    : vendorSaid(String(err instanceof Error ? err.message : err));
  const reenter = t('Re-enter Credentials…');
  const showLog = t('Show Log');
  const actions = isMediaApiError(err) && err.kind === 'auth' && accountId ? [reenter, showLog] : [showLog];
  const choice = await vscode.window.showErrorMessage(`${message} ${detail}`, ...actions);
  if (choice === reenter && accountId && isMediaApiError(err)) {
    await vscode.commands.executeCommand(CommandIds.reenterCredentials, issueNode({ kind: 'account', id: accountId, accountId, vendor: err.vendor }));
  }
  if (choice === showLog) await vscode.commands.executeCommand(CommandIds.showLog);
}

type ValueRow = vscode.QuickPickItem & { readonly value: string };

/** A QuickPick of known values that also takes what the user types (Open Room…). */
export function pickOrType(known: readonly string[], options: { readonly title: string; readonly placeHolder: string }): Promise<string | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<ValueRow>();
    pick.title = options.title;
    pick.placeholder = options.placeHolder;
    // Rows show values as inert text; what is picked is the value itself.
    const knownItems: ValueRow[] = known.map((value) => ({ label: pickText(value), value }));
    pick.items = knownItems;
    const typed = (value: string): ValueRow[] =>
      value.trim() && !known.includes(value.trim())
        ? [{ label: pickText(value.trim()), description: t('typed'), value: value.trim() }, ...knownItems]
        : knownItems;
    let result: string | undefined;
    const listeners = [
      pick.onDidChangeValue((value) => (pick.items = typed(value))),
      pick.onDidAccept(() => {
        result = pick.selectedItems[0]?.value ?? (pick.value.trim() || undefined);
        pick.hide();
      }),
      pick.onDidHide(() => {
        listeners.forEach((l) => l.dispose());
        pick.dispose();
        resolve(result);
      }),
    ];
    pick.show();
  });
}
