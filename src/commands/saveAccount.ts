/**
 * The end of Add Account…, Edit Account… and Re-enter Credentials…: probe the credentials, say
 * which products answered, and save only when at least one did (or the user insists).
 */
import * as vscode from 'vscode';
import type { Account, AccountSecret } from '../model/account';
import type { AccountStore, NewAccount } from '../accounts/accountStore';
import { probeAccount, probeReport } from '../accounts/probe';
import type { SourceFactory } from '../sources/sourceRegistry';
import type { StopperFactory } from '../tasks/taskStops';

const t = vscode.l10n.t;

export interface SaveAccountDeps {
  readonly accounts: AccountStore;
  readonly sourceFactory: SourceFactory;
  /** Also checks whether the key may stop tasks (left out in read-only mode, which sends no write call). */
  readonly stopperFactory?: StopperFactory;
  readonly readOnly?: () => boolean;
}

/** Probes and saves; resolves the saved account, or undefined when cancelled or not saved. */
export async function probeAndSave(deps: SaveAccountDeps, account: NewAccount, secret: AccountSecret, existingId?: string): Promise<Account | undefined> {
  const candidate = { ...account, id: existingId ?? 'new' } as Account;
  const results = await probeAccount(deps.sourceFactory, candidate, secret, deps.readOnly?.() ? undefined : deps.stopperFactory);
  if (!results) return undefined;
  const report = probeReport(results, vscode.l10n);
  const answered = results.filter((r) => !r.error).length;
  if (answered === 0) {
    const save = t('Save Anyway');
    const choice = await vscode.window.showWarningMessage(t('No product accepted these credentials.'), { modal: true, detail: report }, save);
    if (choice !== save) return undefined;
  }
  const saved = existingId ? ({ ...account, id: existingId } as Account) : undefined;
  if (saved) await deps.accounts.update(saved, secret);
  const result = saved ?? (await deps.accounts.add(account, secret));
  const message =
    answered === results.length ? t('"{0}" saved. {1}', result.label, report) : t('"{0}" saved; some products did not answer. {1}', result.label, report);
  void (answered === results.length ? vscode.window.showInformationMessage(message) : vscode.window.showWarningMessage(message));
  return result;
}
