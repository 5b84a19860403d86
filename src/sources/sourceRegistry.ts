/**
 * Turns accounts into `TaskSource`s, once per account until its metadata, secret or the settings
 * change. The factory is the vendor layer's, injected by the composition root; this file only knows
 * the `TaskSource` contract.
 */
import type { Account, AccountSecret } from '../model/account';
import { MediaApiError } from '../model/errors';
import type { Product } from '../model/task';
import type { TaskSource } from '../model/taskSource';

export type SourceFactory = (account: Account, secret: AccountSecret) => TaskSource[];

export interface AccountLookup {
  get(accountId: string): Account | undefined;
  secret(accountId: string): Promise<AccountSecret | undefined>;
}

export class SourceRegistry {
  private readonly cache = new Map<string, Promise<TaskSource[]>>();

  constructor(
    private readonly accounts: AccountLookup,
    private readonly factory: SourceFactory,
    /** Last changes before sources are built (a sandbox account gets the running sandbox's URL). */
    private readonly prepare: (account: Account) => Promise<Account> = async (account) => account,
  ) {}

  /** The account's sources; rejects with an `auth` error when its secret is missing. */
  sources(accountId: string): Promise<TaskSource[]> {
    let sources = this.cache.get(accountId);
    if (!sources) {
      sources = this.build(accountId);
      this.cache.set(accountId, sources);
      // A failed build (secret missing) is not cached: re-entering the secret must be enough.
      sources.catch(() => this.cache.delete(accountId));
    }
    return sources;
  }

  async source(accountId: string, product: Product): Promise<TaskSource> {
    const found = (await this.sources(accountId)).find((s) => s.product === product);
    if (found) return found;
    const account = this.accounts.get(accountId);
    throw new MediaApiError({
      vendor: account?.vendor ?? 'tencent',
      action: product,
      kind: 'invalidInput',
      code: 'ProductNotConfigured',
      message: `The account "${account?.label ?? accountId}" is not set up for ${product}.`,
      retryable: false,
    });
  }

  /** Forgets built sources (all, or one account's) so the next call builds them from current data. */
  invalidate(accountId?: string): void {
    if (accountId === undefined) this.cache.clear();
    else this.cache.delete(accountId);
  }

  private async build(accountId: string): Promise<TaskSource[]> {
    const account = this.accounts.get(accountId);
    if (!account) throw missing('tencent', 'UnknownAccount', `No account ${accountId}.`);
    const secret = await this.accounts.secret(accountId);
    if (!secret) {
      throw missing(account.vendor, 'MissingCredentials', `No credentials are stored for "${account.label}".`);
    }
    return this.factory(await this.prepare(account), secret);
  }
}

function missing(vendor: Account['vendor'], code: string, message: string): MediaApiError {
  return new MediaApiError({ vendor, action: 'credentials', kind: 'auth', code, message, retryable: false });
}
