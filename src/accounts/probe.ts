/**
 * Before an account is saved, one cheap call per product proves the credentials, in parallel,
 * behind a cancellable progress notification. The report says which products answered.
 */
import * as vscode from 'vscode';
import type { Account, AccountSecret } from '../model/account';
import type { MediaApiError } from '../model/errors';
import type { Product } from '../model/task';
import type { SourceFactory } from '../sources/sourceRegistry';
import { asMediaApiError } from '../tasks/apiErrors';
import { productLabel } from '../display/labels';
import type { Localizer } from '../display/localize';

export interface ProbeResult {
  readonly product: Product;
  readonly error?: MediaApiError;
}

/** `TRTC Cloud Recording: answered · GME Recording: AuthFailure.SignatureFailure (RequestId …)` */
export function probeReport(results: readonly ProbeResult[], l10n: Localizer): string {
  return results.map((r) => `${productLabel(r.product, l10n)}: ${r.error ? r.error.summary() : l10n.t('answered')}`).join(' · ');
}

/** Probes every product of the (unsaved) account; undefined when the user cancelled. */
export function probeAccount(factory: SourceFactory, account: Account, secret: AccountSecret): Thenable<ProbeResult[] | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the credentials of "{0}"…', account.label), cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const cancelled = token.onCancellationRequested(() => abort.abort());
      try {
        const sources = factory(account, secret);
        const results = await Promise.all(
          sources.map((source) =>
            source.probe(abort.signal).then(
              (): ProbeResult => ({ product: source.product }),
              (err: unknown): ProbeResult => ({ product: source.product, error: asMediaApiError(err, account.vendor, 'probe') }),
            ),
          ),
        );
        return token.isCancellationRequested ? undefined : results;
      } finally {
        cancelled.dispose();
      }
    },
  );
}
