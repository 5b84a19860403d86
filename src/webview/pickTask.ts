/** The QuickPick every details command falls back to when it runs without a task (palette, keybinding). */
import * as vscode from 'vscode';
import type { LedgerEntry } from '../model/ledgerEntry';
import type { StorageFile } from '../model/task';
import { taskPickRow, visibleString } from './format';

export async function pickTask(
  entries: readonly LedgerEntry[],
  options: { readonly placeHolder: string; readonly emptyMessage: string },
): Promise<LedgerEntry | undefined> {
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(options.emptyMessage);
    return undefined;
  }
  const time = { now: Date.now(), locale: vscode.env.language };
  const items = entries.map((entry) => ({ ...taskPickRow(entry, time, vscode.l10n), entry }));
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: options.placeHolder,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.entry;
}

export async function pickStorageFile(files: readonly StorageFile[]): Promise<StorageFile | undefined> {
  const items = files.map((file) => ({
    label: visibleString(file.fileName),
    description: file.trackType,
    detail: file.userId === '' ? vscode.l10n.t('(mixed stream)') : visibleString(file.userId),
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
