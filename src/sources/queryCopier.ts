/**
 * Copy Query As… as the command layer sees it: the forms of a target's query, as strings, for the
 * account as its sources see it (a sandbox account at the running sandbox's port), and the signed
 * form, which reads the account's secret only when asked for, after the user agreed.
 */
import type { Account } from '../model/account';
import type { AccountLookup } from './sourceRegistry';
import { queryCopyForms, signedCopyForm, type CopyForm, type QueryTarget, type SignedCopy } from './vendorQueries';

export type { CopyForm, QueryTarget, SignedCopy } from './vendorQueries';

export interface QueryCopier {
  forms(account: Account, target: QueryTarget): Promise<CopyForm[]>;
  /** Reads the account's secret: only once the user agreed to copy a signature. The text is never logged. */
  signed(account: Account, target: QueryTarget): Promise<SignedCopy>;
}

export interface QueryCopierDeps {
  readonly accounts: Pick<AccountLookup, 'secret'>;
  /** The account as its sources get it (the embedded sandbox's current URL). */
  readonly prepare: (account: Account) => Promise<Account>;
  /** The hours a CSS listing looks back now (the filter's range, else the setting). */
  readonly listingHours: () => number;
  readonly now?: () => number;
}

export function createQueryCopier(deps: QueryCopierDeps): QueryCopier {
  const moment = () => ({ nowMs: (deps.now ?? Date.now)(), listingHours: deps.listingHours() });
  return {
    forms: async (account, target) => queryCopyForms(await deps.prepare(account), target, moment()),
    signed: async (account, target) => {
      const secret = await deps.accounts.secret(account.id);
      if (!secret) return { refused: 'noSecret' };
      return signedCopyForm(await deps.prepare(account), secret, target, moment());
    },
  };
}
