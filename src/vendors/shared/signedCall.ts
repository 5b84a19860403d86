/**
 * The call loop both vendor clients share: wait for the (vendor, action) rate limiter, sign with the
 * host's server-corrected clock, send, interpret; heal clock skew once from the `Date` header; retry
 * transient failures with backoff; log one tagged line per attempt; and redact every error that leaves.
 */
import { MediaApiError } from '../../model/errors';
import type { Logger } from '../../model/logger';
import type { Vendor } from '../../model/task';
import { AbortedError } from './abort';
import type { ClockOffsets } from './clockOffsets';
import { ShapeError } from './fields';
import type { RateLimiterRegistry } from './rateLimiter';
import type { Redactor } from './redact';
import { isNotAppliedRejection, withRetry, type RetryDeps } from './retry';
import { transportError, type Transport, type TransportResponse } from './transport';

export interface SignedCallDeps {
  readonly transport: Transport;
  readonly limiters: RateLimiterRegistry;
  readonly clockOffsets: ClockOffsets;
  readonly retry: RetryDeps;
  readonly logger: Logger;
  readonly redact: Redactor;
  /** Local wall clock, Unix epoch ms. */
  readonly now: () => number;
  readonly timeoutMs: number;
}

export interface SignedRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface CallSpec<T> {
  readonly vendor: Vendor;
  readonly action: string;
  /** The host the request goes to: clock offsets are kept per host. */
  readonly host: string;
  /** Builds the signed request for the given server time (Unix epoch ms). */
  sign(serverNowMs: number): SignedRequest;
  /**
   * Turns a parsed answer into the result, or throws `MediaApiError` (vendor errors) or `ShapeError`
   * (undocumented shape). `clockSkew` errors trigger one re-signed attempt.
   */
  interpret(response: TransportResponse): { readonly value: T; readonly requestId?: string };
  /**
   * A write (stopping a task): sent again only after a rejection the vendor makes before processing
   * (rate limit, expired signature), never after a timeout or a garbled answer.
   */
  readonly write?: boolean;
}

export async function signedCall<T>(deps: SignedCallDeps, spec: CallSpec<T>, signal?: AbortSignal): Promise<T> {
  const tag = `[${spec.vendor}] ${spec.action}`;
  const limiter = deps.limiters.get(spec.vendor, spec.action);
  let healed = false;
  const attempt = async (): Promise<T> => {
    for (;;) {
      await limiter.acquire(signal);
      const signed = spec.sign(deps.clockOffsets.serverNow(spec.host, deps.now()));
      const started = performance.now();
      let response: TransportResponse | undefined;
      try {
        response = await deps.transport.send({ ...signed, vendor: spec.vendor, action: spec.action, timeoutMs: deps.timeoutMs, signal });
        const { value, requestId } = spec.interpret(response);
        deps.logger.debug(deps.redact(`${tag} ${response.status} in ${response.elapsedMs} ms: RequestId ${requestId ?? '-'}`));
        return value;
      } catch (thrown) {
        const error = asMediaApiError(spec, thrown, response);
        if (error.kind === 'clockSkew' && !healed && deps.clockOffsets.learn(spec.host, response?.date, deps.now())) {
          healed = true;
          deps.logger.info(`${tag} clock skew: re-signing with offset ${deps.clockOffsets.offset(spec.host)} ms for ${spec.host}`);
          continue;
        }
        const ms = Math.round(performance.now() - started);
        if (error.kind !== 'cancelled') deps.logger.warn(deps.redact(`${tag} failed in ${ms} ms: ${error.summary()} ${error.message}`));
        throw error;
      }
    }
  };
  const retryDeps: RetryDeps = {
    ...deps.retry,
    onRetry: (error, n, delayMs) => deps.logger.info(deps.redact(`${tag} retry ${n} in ${delayMs} ms: ${error.code}`)),
  };
  try {
    return await withRetry(attempt, retryDeps, signal, spec.write ? isNotAppliedRejection : undefined);
  } catch (thrown) {
    throw redacted(asMediaApiError(spec, thrown, undefined), deps.redact);
  }
}

function asMediaApiError(spec: CallSpec<unknown>, thrown: unknown, response: TransportResponse | undefined): MediaApiError {
  if (thrown instanceof MediaApiError) return thrown;
  if (thrown instanceof AbortedError) return transportError(spec, 'cancelled', 'Cancelled', 'The request was cancelled', false);
  if (thrown instanceof ShapeError) {
    return transportError(spec, 'malformed', 'UnexpectedShape', `Unexpected answer: ${thrown.message}`, false, response?.status);
  }
  // A defect in this layer; still surfaced as the one error type, without any secret in it.
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new MediaApiError({ vendor: spec.vendor, action: spec.action, kind: 'vendor', code: 'ClientError', message, retryable: false });
}

/** Code and RequestId come from the server too, which may echo the request's Authorization back. */
function redacted(error: MediaApiError, redact: Redactor): MediaApiError {
  const requestId = error.requestId === undefined ? undefined : redact(error.requestId);
  return new MediaApiError({ ...error, message: redact(error.message), code: redact(error.code), requestId });
}
