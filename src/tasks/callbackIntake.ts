/**
 * Where every callback enters, pasted or received: verified against the accounts' callback keys,
 * then recorded in the ledger, or refused with its reason and recorded nowhere. One log line each,
 * without the body (it may carry signed file URLs) and without the signature.
 */
import type { CallbackSource, CallbackVerdict, CallbackVerifier, KeyringEntry, ReceivedCallback } from '../model/callback';
import type { CallbackOutcome } from '../model/callbackLedger';
import type { Logger } from '../model/logger';
import type { TaskKey } from '../model/task';
import type { TaskLedger } from './taskLedger';

export type IntakeResult =
  | { readonly ok: true; readonly key: TaskKey; readonly verdict: Extract<CallbackVerdict, { ok: true }>; readonly outcome: CallbackOutcome }
  | { readonly ok: false; readonly reason: string };

export interface CallbackIntakeDeps {
  readonly verify: CallbackVerifier;
  /** The accounts' callback keys, read when a callback arrives (SecretStorage). */
  readonly keyring: () => Promise<readonly KeyringEntry[]>;
  readonly ledger: Pick<TaskLedger, 'recordCallback'>;
  readonly logger: Logger;
  readonly now?: () => number;
}

export class CallbackIntake {
  constructor(private readonly deps: CallbackIntakeDeps) {}

  async accept(received: ReceivedCallback, source: CallbackSource): Promise<IntakeResult> {
    const now = (this.deps.now ?? Date.now)();
    let verdict: CallbackVerdict;
    try {
      verdict = this.deps.verify(received, await this.deps.keyring(), now);
    } catch {
      verdict = { ok: false, reason: 'The callback could not be read.' };
    }
    if (!verdict.ok) {
      this.deps.logger.warn(
        `[callback] refused a ${verdict.kind?.toUpperCase() ?? 'unrecognised'} callback (${source}, ${received.body.length} bytes): ${verdict.reason}`,
      );
      return { ok: false, reason: verdict.reason };
    }
    const { event } = verdict;
    const outcome = this.deps.ledger.recordCallback(verdict.accountId, event, source);
    const key: TaskKey = { accountId: verdict.accountId, product: event.product, taskId: event.taskId };
    const effect = outcome.duplicate ? 'a repeat, ignored' : outcome.applied ? `status ${outcome.entry.task.status}` : 'recorded, status unchanged';
    this.deps.logger.info(`[callback] ${verdict.kind.toUpperCase()} ${event.eventType} for ${event.taskId} (${source}): ${effect}`);
    return { ok: true, key, verdict, outcome };
  }
}
