/**
 * The sandbox started inside the extension host by "Try the Sandbox". Imported lazily: nothing
 * of it loads until the user asks. Accounts it created are remembered, so after a window reload
 * their sources start it again (same seed, same credentials) and follow its new port.
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

  async remember(accountIds: readonly string[]): Promise<void> {
    const ids = new Set([...this.ids(), ...accountIds]);
    await this.state.update(SANDBOX_ACCOUNTS_KEY, [...ids]);
  }

  async forget(accountId: string): Promise<void> {
    await this.state.update(SANDBOX_ACCOUNTS_KEY, this.ids().filter((id) => id !== accountId));
  }

  /** The account as its sources must see it: a sandbox account points at the running sandbox. */
  async prepare(account: Account): Promise<Account> {
    if (!this.ids().includes(account.id)) return account;
    const { url } = await this.start();
    return { ...account, endpoint: url };
  }

  dispose(): void {
    void this.running?.then((s) => s.close()).catch(() => undefined);
  }

  private ids(): string[] {
    const v = this.state.get<unknown>(SANDBOX_ACCOUNTS_KEY);
    return Array.isArray(v) ? v.filter((id): id is string => typeof id === 'string') : [];
  }
}
