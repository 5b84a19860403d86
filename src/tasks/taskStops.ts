/**
 * Stopping a task, end to end below the UI: refuse in read-only mode, never send a second stop for a
 * task whose stop is in flight, show it as "stopping" at once, send the stop once, write one log line
 * (account, task, RequestId, result; never a secret), then re-query the task so the ledger shows what
 * the vendor says now. The vendor layer decides what an answer means (`StopOutcome`).
 */
import type { Account, AccountSecret } from '../model/account';
import { MediaApiError } from '../model/errors';
import type { LedgerEntry } from '../model/ledgerEntry';
import type { Logger } from '../model/logger';
import { taskKeyString, type TaskKey } from '../model/task';
import { isStoppable, STOP_REQUESTED, type StopOutcome, type TaskStopper } from '../model/taskStop';
import type { TaskLedger } from './taskLedger';

export type StopperFactory = (account: Account, secret: AccountSecret) => TaskStopper[];

export interface StopAccounts {
  get(accountId: string): Account | undefined;
  secret(accountId: string): Promise<AccountSecret | undefined>;
}

export interface TaskStopsDeps {
  readonly accounts: StopAccounts;
  readonly factory: StopperFactory;
  /** Last changes before stoppers are built (a sandbox account gets the running sandbox's URL). */
  readonly prepare: (account: Account) => Promise<Account>;
  readonly ledger: Pick<TaskLedger, 'get' | 'record' | 'refresh'>;
  readonly logger: Logger;
  /** `mediaTasks.readOnly`: every write action is refused. */
  readonly readOnly: () => boolean;
}

export type StopResult =
  | { readonly kind: 'sent'; readonly outcome: StopOutcome; readonly stopper: TaskStopper; readonly entry?: LedgerEntry; readonly requeryError?: MediaApiError }
  /** The vendor refused it before applying it (permission, signature, parameters, region). */
  | { readonly kind: 'refused'; readonly error: MediaApiError; readonly stopper?: TaskStopper; readonly entry?: LedgerEntry }
  /** A stop of this task is already on its way: nothing was sent. */
  | { readonly kind: 'inFlight' };

/** Thrown for a write action in read-only mode; nothing is sent. */
export class ReadOnlyModeError extends Error {
  constructor() {
    super('mediaTasks.readOnly is on: write actions are disabled.');
    this.name = 'ReadOnlyModeError';
  }
}

export class TaskStops {
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: TaskStopsDeps) {}

  isInFlight(key: TaskKey): boolean {
    return this.inFlight.has(taskKeyString(key));
  }

  /** The stopper for a task's product, built from the account's current metadata and secret. */
  async stopper(accountId: string, product: TaskKey['product']): Promise<TaskStopper> {
    const account = this.deps.accounts.get(accountId);
    const secret = account && (await this.deps.accounts.secret(accountId));
    const found = account && secret ? this.deps.factory(await this.deps.prepare(account), secret).find((s) => s.product === product) : undefined;
    if (!found) {
      throw new MediaApiError({
        vendor: account?.vendor ?? 'tencent',
        action: 'stop',
        kind: 'auth',
        code: 'MissingCredentials',
        message: `No credentials are stored for the account of this task, or it is not set up for ${product}.`,
        retryable: false,
      });
    }
    return found;
  }

  async stop(key: TaskKey): Promise<StopResult> {
    if (this.deps.readOnly()) throw new ReadOnlyModeError();
    const id = taskKeyString(key);
    if (this.inFlight.has(id)) return { kind: 'inFlight' };
    this.inFlight.add(id);
    try {
      return await this.send(key);
    } finally {
      this.inFlight.delete(id);
    }
  }

  private async send(key: TaskKey): Promise<StopResult> {
    const entry = this.deps.ledger.get(key);
    if (!entry || !isStoppable(entry.task.status)) {
      return { kind: 'refused', error: notStoppable(key, entry) };
    }
    const account = this.deps.accounts.get(key.accountId);
    const label = account?.label ?? key.accountId;
    let stopper: TaskStopper;
    try {
      stopper = await this.stopper(key.accountId, key.product);
    } catch (error) {
      return { kind: 'refused', error: error as MediaApiError };
    }
    this.deps.ledger.record([{ ...entry.task, status: 'stopping', rawStatus: STOP_REQUESTED, observedAt: Date.now() }]);
    const what = `account "${label}" (${key.accountId}), ${key.product} task ${key.taskId} in room "${entry.task.room}"`;
    let outcome: StopOutcome;
    try {
      outcome = await stopper.stop(entry.task);
    } catch (thrown) {
      const error = thrown instanceof MediaApiError ? thrown : asError(thrown, key);
      this.deps.logger.warn(`[stop] ${stopper.action} ${what}: refused, ${error.code} (RequestId ${error.requestId ?? '-'}) ${error.message}`);
      return { kind: 'refused', error, stopper, entry: await this.requery(key).then((r) => r.entry) };
    }
    const requestId = outcome.kind === 'stopped' ? outcome.requestId : outcome.error.requestId;
    const detail = outcome.kind === 'stopped' ? '' : `, ${outcome.error.code} ${outcome.error.message}`;
    this.deps.logger.info(`[stop] ${stopper.action} ${what}: ${outcome.kind} (RequestId ${requestId ?? '-'})${detail}`);
    const { entry: after, error: requeryError } = await this.requery(key);
    return { kind: 'sent', outcome, stopper, entry: after, requeryError };
  }

  /** The task's state as its vendor reports it now; on failure the last snapshot stays. */
  private async requery(key: TaskKey): Promise<{ entry?: LedgerEntry; error?: MediaApiError }> {
    try {
      return { entry: await this.deps.ledger.refresh(key) };
    } catch (error) {
      return { entry: this.deps.ledger.get(key), error: error instanceof MediaApiError ? error : asError(error, key) };
    }
  }
}

function notStoppable(key: TaskKey, entry: LedgerEntry | undefined): MediaApiError {
  return new MediaApiError({
    vendor: entry?.task.vendor ?? 'tencent',
    action: 'stop',
    kind: 'invalidInput',
    code: 'NotRunning',
    message: entry ? `The task ${key.taskId} is ${entry.task.status}, not running.` : `The task ${key.taskId} is not in the task ledger.`,
    retryable: false,
  });
}

function asError(thrown: unknown, key: TaskKey): MediaApiError {
  return new MediaApiError({
    vendor: 'tencent',
    action: 'stop',
    kind: 'vendor',
    code: 'ClientError',
    message: `${key.taskId}: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
    retryable: false,
  });
}
