/**
 * The one HTTP transport for both vendors (node-fetch v2): keep-alive agents, a per-request timeout
 * that also covers reading the body, the caller's AbortSignal, lossless JSON, and classification of
 * every transport-level failure into a `MediaApiError`. Vendor-level answers (`Response.Error`,
 * `Code != 0`) are left to the vendor clients.
 */
import fetch, { FetchError } from 'node-fetch';
import { MediaApiError, type ApiErrorKind } from '../../model/errors';
import type { Vendor } from '../../model/task';
import { agentSelector, type AgentSelector } from './agents';
import { parseJsonLossless } from './json';
import { watchingResets } from './resetWatch';

export interface TransportRequest {
  readonly vendor: Vendor;
  readonly action: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export interface TransportResponse {
  readonly status: number;
  /** The HTTP `Date` header, used to heal clock skew. */
  readonly date?: string;
  /** The body parsed losslessly (integers beyond 2^53 are decimal strings). */
  readonly body: unknown;
  readonly elapsedMs: number;
}

export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
}

/** Network error codes after which a new attempt may succeed. */
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN', 'ERR_STREAM_PREMATURE_CLOSE']);

export function transportError(
  request: Pick<TransportRequest, 'vendor' | 'action'>,
  kind: ApiErrorKind,
  code: string,
  message: string,
  retryable: boolean,
  httpStatus?: number,
): MediaApiError {
  return new MediaApiError({
    vendor: request.vendor,
    action: request.action,
    kind,
    code,
    message,
    httpStatus,
    retryable,
  });
}

/** Why the transport aborted a request itself. */
type AbortCause = 'timeout' | 'cancelled' | 'reset';

/** Classifies a failure thrown by node-fetch (connecting, or reading the body). */
export function classifyFetchFailure(
  request: Pick<TransportRequest, 'vendor' | 'action' | 'timeoutMs'>,
  error: unknown,
  cause: AbortCause | undefined,
): MediaApiError {
  if (cause === 'cancelled') return transportError(request, 'cancelled', 'Cancelled', 'The request was cancelled', false);
  if (cause === 'reset') return transportError(request, 'network', 'ECONNRESET', 'The connection closed before the whole answer arrived', true);
  if (cause === 'timeout') {
    return transportError(request, 'timeout', 'Timeout', `No complete answer within ${request.timeoutMs} ms`, true);
  }
  const code = error instanceof FetchError ? (error.code ?? error.errno ?? error.type) : undefined;
  const netCode = typeof code === 'string' && code !== 'system' ? code : 'NetworkError';
  const message = error instanceof Error ? error.message : String(error);
  return transportError(request, 'network', netCode, message, TRANSIENT_NETWORK_CODES.has(netCode));
}

/** Classifies a complete HTTP answer: returns the parsed body or throws `MediaApiError`. */
export function classifyBody(request: Pick<TransportRequest, 'vendor' | 'action'>, status: number, contentType: string, text: string): unknown {
  const fail = (kind: ApiErrorKind, code: string, what: string, retryable: boolean): MediaApiError =>
    transportError(request, kind, code, `HTTP ${status} ${what}`, retryable, status);
  // 407 is the proxy refusing the request (no or wrong proxy credentials), whatever its body says.
  if (status === 407) throw fail('network', 'ProxyAuthenticationRequired', 'from the proxy: it wants valid proxy credentials', false);
  // An HTML page is a proxy or gateway talking, not the API, whatever its status: the endpoint or
  // proxy setting is the likely cause, so it is `malformed` before the 5xx check.
  if (/html/i.test(contentType) || /^\s*</.test(text)) throw fail('malformed', 'HtmlPage', 'with an HTML page instead of JSON', false);
  if (status >= 500) throw fail('server', `HTTP${status}`, 'from the service', true);
  if (text.trim() === '') throw fail('malformed', 'EmptyBody', 'with an empty body', false);
  try {
    return parseJsonLossless(text);
  } catch {
    throw fail('malformed', 'InvalidJson', 'with a body that is not complete JSON', false);
  }
}

export class HttpTransport implements Transport {
  constructor(private readonly agentFor: AgentSelector = agentSelector()) {}

  async send(request: TransportRequest): Promise<TransportResponse> {
    const controller = new AbortController();
    let cause: AbortCause | undefined;
    const onCallerAbort = (): void => {
      cause ??= 'cancelled';
      controller.abort();
    };
    if (request.signal?.aborted) onCallerAbort();
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = setTimeout(() => {
      cause ??= 'timeout';
      controller.abort();
    }, request.timeoutMs);
    const started = performance.now();
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: { ...request.headers },
        body: request.body,
        // No agent (a proxy is set): VS Code's agent sends the request, and the reset watch has nothing to wrap.
        agent: (url) => {
          const agent = this.agentFor(new URL(url.href));
          return (
            agent &&
            watchingResets(agent, () => {
              cause ??= 'reset';
              controller.abort();
            })
          );
        },
        signal: controller.signal,
        compress: true,
      });
      const text = await response.text();
      const body = classifyBody(request, response.status, response.headers.get('content-type') ?? '', text);
      return {
        status: response.status,
        date: response.headers.get('date') ?? undefined,
        body,
        elapsedMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      if (error instanceof MediaApiError) throw error;
      throw classifyFetchFailure(request, error, cause);
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCallerAbort);
    }
  }
}
