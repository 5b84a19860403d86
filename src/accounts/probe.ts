/**
 * Before an account is saved, one cheap call per product proves the credentials, in parallel,
 * behind a cancellable progress notification. The report says which products answered.
 */
import * as vscode from 'vscode';
import type { Account, AccountSecret } from '../model/account';
import type { MediaApiError } from '../model/errors';
import type { Product } from '../model/task';
import type { StopPermission } from '../model/taskStop';
import type { SourceFactory } from '../sources/sourceRegistry';
import type { StopperFactory } from '../tasks/taskStops';
import { asMediaApiError } from '../tasks/apiErrors';
import { productLabel } from '../display/labels';
import type { Localizer } from '../display/localize';

export interface ProbeResult {
  readonly product: Product;
  readonly error?: MediaApiError;
  /** Whether the key may stop this product's tasks; absent when not checked (read-only mode). */
  readonly stop?: { readonly permission: StopPermission; readonly action: string; readonly needs?: string };
}

function stopReport(stop: NonNullable<ProbeResult['stop']>, l10n: Localizer): string {
  switch (stop.permission.kind) {
    case 'allowed':
      return l10n.t('may stop tasks');
    case 'denied':
      return stop.needs ? l10n.t('may not stop tasks (lacks {0})', stop.needs) : l10n.t('may not stop tasks ({0})', stop.permission.error.code);
    case 'unknown':
      return l10n.t('stop permission unknown ({0})', stop.permission.error.code);
  }
}

/** `TRTC Cloud Recording: answered, may stop tasks · GME Recording: AuthFailure.SignatureFailure (RequestId …)` */
export function probeReport(results: readonly ProbeResult[], l10n: Localizer): string {
  return results
    .map((r) => {
      const read = r.error ? r.error.summary() : l10n.t('answered');
      return `${productLabel(r.product, l10n)}: ${r.stop && !r.error ? `${read}, ${stopReport(r.stop, l10n)}` : read}`;
    })
    .join(' · ');
}

/**
 * Probes every product of the (unsaved) account; undefined when the user cancelled. With `stoppers`,
 * also asks each product's stop action to stop a task id that cannot exist: the answer says whether
 * the key may stop tasks, and nothing is stopped (see `TaskStopper.probe`).
 */
export function probeAccount(factory: SourceFactory, account: Account, secret: AccountSecret, stoppers?: StopperFactory): Thenable<ProbeResult[] | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the credentials of "{0}"…', account.label), cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const cancelled = token.onCancellationRequested(() => abort.abort());
      try {
        const sources = factory(account, secret);
        const stopperList = stoppers ? stoppers(account, secret) : [];
        const results = await Promise.all(
          sources.map(async (source): Promise<ProbeResult> => {
            const stopper = stopperList.find((s) => s.product === source.product);
            const [read, stop] = await Promise.all([
              source.probe(abort.signal).then(
                () => undefined,
                (err: unknown) => asMediaApiError(err, account.vendor, 'probe'),
              ),
              stopper?.probe(abort.signal).then((permission) => ({ permission, action: stopper.action, needs: stopper.permission })),
            ]);
            return { product: source.product, error: read, stop };
          }),
        );
        return token.isCancellationRequested ? undefined : results;
      } finally {
        cancelled.dispose();
      }
    },
  );
}
