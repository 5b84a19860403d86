/** What the router hands a vendor emulator, and what it gets back. */
import type { IncomingHttpHeaders } from 'node:http';

export interface VendorRequest {
  readonly method: string;
  /** The query string as received, without `?` (signed as-is by TC3 GET requests). */
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Raw body bytes; TC3 hashes exactly these. */
  readonly body: Buffer;
  /** Set when the body could not be read whole. */
  readonly bodyError?: 'tooLarge' | 'aborted';
  /** Wall-clock arrival, Unix ms: rate limits and stats count by its second. */
  readonly arrivalMs: number;
  /** The sandbox's clock for this request (arrival plus any injected skew). */
  readonly nowMs: number;
}

export interface VendorReply {
  /** The JSON text to send with HTTP 200. */
  readonly json: string;
  /** `Success`, or the error code, for the log. */
  readonly outcome: string;
  readonly rateLimited: boolean;
}

export interface VendorEmulator {
  /** The action a request names, before any check (for stats and scoped faults). */
  actionOf(req: VendorRequest): string | undefined;
  handle(req: VendorRequest): VendorReply;
  /** The vendor's rate-limit answer (fault: rate-limit storm). */
  rateLimitReply(): VendorReply;
  /** The vendor's internal-error answer (fault: error rate). */
  internalErrorReply(): VendorReply;
}
