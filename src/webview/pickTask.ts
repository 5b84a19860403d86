/** The QuickPick every details command falls back to when it runs without a task (palette, keybinding). */
import * as vscode from 'vscode';
import type { LedgerEntry } from '../model/ledgerEntry';
import type { StorageFile } from '../model/task';
import { pickText } from '../display/vendorText';
import { taskPickRow } from './format';

export async function pickTask(
  entries: readonly LedgerEntry[],
  options: {
    readonly placeHolder: string;
    readonly emptyMessage: string;
    /** Rows name the account as the user named it. */
    readonly accountName: (accountId: string) => string | undefined;
  },
): Promise<LedgerEntry | undefined> {
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(options.emptyMessage);
    return undefined;
  }
  const time = { now: Date.now(), locale: vscode.env.language };
  const items = entries.map((entry) => ({ ...taskPickRow(entry, time, vscode.l10n, options.accountName(entry.accountId)), entry }));
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: options.placeHolder,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.entry;
}

export async function pickStorageFile(files: readonly StorageFile[]): Promise<StorageFile | undefined> {
  const items = files.map((file) => ({
    label: pickText(file.fileName),
    description: pickText(file.trackType),
    detail: file.userId === '' ? vscode.l10n.t('(mixed stream)') : pickText(file.userId),
    file,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Select a storage file'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.file;
}

/** Most recently seen first: what someone reaching for a task from the palette most likely wants. */
export function byLastSeen(entries: readonly LedgerEntry[]): LedgerEntry[] {
  return [...entries].sort((a, b) => b.lastSeen - a.lastSeen);
}
