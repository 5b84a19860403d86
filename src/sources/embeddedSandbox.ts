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

export interface RunningEmbedded extends StartedSandbox {
  readonly callbacks: { register(url: string): unknown; clear(): void };
  close(): Promise<void>;
}

export class EmbeddedSandbox implements vscode.Disposable {
  private running: Promise<RunningEmbedded> | undefined;
  /** Where the sandbox sends its demo tasks' signed callbacks: the extension's own receiver, while it listens. */
  private callbackTarget: string | undefined;

  constructor(
    private readonly state: vscode.Memento,
    private readonly logger: Logger,
    /** Starts the sandbox on a free port (tests start it without the lazy import). */
    private readonly launch: (logger: Logger) => Promise<RunningEmbedded> = (logger) =>
      import('../sandbox').then(({ startSandbox }) => startSandbox({ port: 0, logger })),
  ) {}

  /** Starts the sandbox once; later calls get the same one. */
  start(): Promise<StartedSandbox> {
    this.running ??= this.launch(this.logger).then((sandbox) => {
      this.logger.info(`[sandbox] running at ${sandbox.url}`);
      this.sendCallbacks(sandbox);
      return sandbox;
    });
    // A failed start may be retried.
    this.running.catch(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Sends the demo's callbacks to the receiver at `url` (the local receiver setting), or to nowhere.
   * They then arrive the way a vendor's do: signed, over HTTP, with the vendor's retries.
   */
  setCallbackTarget(url: string | undefined): void {
    this.callbackTarget = url;
    void this.running?.then((sandbox) => this.sendCallbacks(sandbox)).catch(() => undefined);
  }

  private sendCallbacks(sandbox: RunningEmbedded): void {
    sandbox.callbacks.clear();
    if (this.callbackTarget === undefined) return;
    try {
      sandbox.callbacks.register(this.callbackTarget);
      this.logger.info(`[sandbox] sends its demo callbacks to ${this.callbackTarget}`);
    } catch (err) {
      this.logger.warn(`[sandbox] cannot send its demo callbacks to ${this.callbackTarget}`, err);
    }
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
