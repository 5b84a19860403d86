/**
 * The sandbox started inside the extension host by "Try the Sandbox". Imported lazily: nothing
 * of it loads until the user asks. Accounts it created are remembered with the endpoint it gave them,
 * so after a window reload their sources start it again (same seed, same credentials) and follow its
 * new port; an account re-pointed elsewhere since (the demo harness's sandbox) is left alone.
 */
import type * as vscode from 'vscode';
import type { Account } from '../model/account';
import type { Logger } from '../model/logger';

const SANDBOX_ACCOUNTS_KEY = 'mediaTasks.sandboxAccounts';

export interface StartedSandbox {
  readonly url: string;
  demo(): unknown;
}

export class EmbeddedSandbox implements vscode.Disposable {
  private running: Promise<StartedSandbox & { close(): Promise<void> }> | undefined;

  constructor(
    private readonly state: vscode.Memento,
    private readonly logger: Logger,
  ) {}

  /** Starts the sandbox once; later calls get the same one. */
  start(): Promise<StartedSandbox> {
    this.running ??= import('../sandbox').then(async ({ startSandbox }) => {
      const sandbox = await startSandbox({ port: 0, logger: this.logger });
      this.logger.info(`[sandbox] running at ${sandbox.url}`);
      return sandbox;
    });
    // A failed start may be retried.
    this.running.catch(() => (this.running = undefined));
    return this.running;
  }

  /** Records the accounts pointed at this sandbox, with the endpoint each was given. */
  async remember(accounts: readonly Account[]): Promise<void> {
    const endpoints = { ...this.endpoints() };
    for (const account of accounts) if (account.endpoint) endpoints[account.id] = account.endpoint;
    await this.state.update(SANDBOX_ACCOUNTS_KEY, endpoints);
  }

  async forget(accountId: string): Promise<void> {
    const endpoints = { ...this.endpoints() };
    delete endpoints[accountId];
    await this.state.update(SANDBOX_ACCOUNTS_KEY, endpoints);
  }

  /**
   * The account as its sources must see it: while it still has the endpoint this sandbox gave it, it
   * points at the running sandbox (whose port changes with every start).
   */
  async prepare(account: Account): Promise<Account> {
    const given = this.endpoints()[account.id];
    if (given === undefined || given !== account.endpoint) return account;
    const { url } = await this.start();
    return { ...account, endpoint: url };
  }

  dispose(): void {
    void this.running?.then((s) => s.close()).catch(() => undefined);
  }

  /** Account id → the endpoint it was given; anything else in the state is ignored. */
  private endpoints(): Record<string, string> {
    const v = this.state.get<unknown>(SANDBOX_ACCOUNTS_KEY);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
}
