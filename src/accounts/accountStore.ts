/**
 * Accounts: non-secret metadata in `globalState`, each secret alone in SecretStorage under
 * `mediaTasks.secret.<accountId>`. SecretStorage is shared by every window, so a change made in
 * another window arrives through `secrets.onDidChange` and is passed on.
 */
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';
import type { Account, AccountSecret } from '../model/account';
import { Emitter, type Disposable } from '../model/events';
import type { Redactor } from '../log/redact';
import { decodeSecret, encodeSecret, readAccounts, secretValues } from './accountCodec';

export const ACCOUNTS_KEY = 'mediaTasks.accounts';
export const SECRET_KEY_PREFIX = 'mediaTasks.secret.';

export const secretKeyOf = (accountId: string): string => `${SECRET_KEY_PREFIX}${accountId}`;

/** Distributive, so each vendor's account keeps its own fields. */
export type NewAccount = Account extends infer A ? (A extends Account ? Omit<A, 'id'> : never) : never;

export interface AccountChange {
  /** The account whose metadata or secret changed; undefined when the whole list changed. */
  readonly accountId?: string;
}

export class AccountStore implements Disposable {
  private readonly changed = new Emitter<AccountChange>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
    private readonly redactor: Redactor,
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith(SECRET_KEY_PREFIX)) this.changed.fire({ accountId: e.key.slice(SECRET_KEY_PREFIX.length) });
    });
  }

  list(): Account[] {
    return readAccounts(this.state.get<unknown>(ACCOUNTS_KEY));
  }

  get(accountId: string): Account | undefined {
    return this.list().find((a) => a.id === accountId);
  }

  /** The account's secret, registered with the log redactor as it is read. */
  async secret(accountId: string): Promise<AccountSecret | undefined> {
    const secret = decodeSecret(await this.secrets.get(secretKeyOf(accountId)));
    if (secret) for (const value of secretValues(secret)) this.redactor.register(value);
    return secret;
  }

  /** Saves a new account; the secret is stored first so the account never appears without one. */
  async add(account: NewAccount, secret: AccountSecret): Promise<Account> {
    const created = { ...account, id: `a${randomBytes(6).toString('hex')}` } as Account;
    await this.storeSecret(created.id, secret);
    await this.state.update(ACCOUNTS_KEY, [...this.list(), created]);
    this.changed.fire({ accountId: created.id });
    return created;
  }

  /** Replaces an account's metadata, and its secret when one is given. */
  async update(account: Account, secret?: AccountSecret): Promise<void> {
    if (secret) await this.storeSecret(account.id, secret);
    await this.state.update(
      ACCOUNTS_KEY,
      this.list().map((a) => (a.id === account.id ? account : a)),
    );
    this.changed.fire({ accountId: account.id });
  }

  /** Removes the account and deletes its secret. */
  async remove(accountId: string): Promise<void> {
    await this.state.update(
      ACCOUNTS_KEY,
      this.list().filter((a) => a.id !== accountId),
    );
    await this.secrets.delete(secretKeyOf(accountId));
    this.changed.fire({ accountId });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private async storeSecret(accountId: string, secret: AccountSecret): Promise<void> {
    for (const value of secretValues(secret)) this.redactor.register(value);
    await this.secrets.store(secretKeyOf(accountId), encodeSecret(secret));
  }
}
