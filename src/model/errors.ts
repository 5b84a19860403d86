import type { Vendor } from './task';

/**
 * What went wrong, in terms a person can act on. The tree maps kinds to rows
 * (auth → "re-enter credentials", the rest → "Retry").
 */
export type ApiErrorKind =
  | 'auth' // wrong or unknown key, bad signature
  | 'permission' // key valid but not allowed (CAM, unauthorized operation)
  | 'clockSkew' // signature expired even after re-signing with the server's clock
  | 'rateLimit' // vendor said too many requests
  | 'timeout' // no complete answer in time
  | 'network' // connection refused, reset, DNS
  | 'cancelled' // the caller aborted
  | 'malformed' // body was not the JSON shape the API documents (HTML page, truncated, wrong types)
  | 'server' // HTTP 5xx or vendor internal error
  | 'invalidInput' // a parameter was rejected, or refused before sending (region, time window)
  | 'notFound' // room / task / resource does not exist
  | 'taskEnded' // the task ended, so a per-task query no longer answers
  | 'serviceNotActivated' // the product is not enabled or is suspended for the account
  | 'unsupported' // the API or the account does not support this operation
  | 'vendor'; // any other vendor error code

export interface ApiErrorInit {
  readonly vendor: Vendor;
  readonly action: string;
  readonly kind: ApiErrorKind;
  /** Vendor error code (`AuthFailure.SignatureFailure`, `300000003`) or a local one (`Timeout`). */
  readonly code: string;
  /** The vendor's message, or ours. Never contains a secret or a signature. */
  readonly message: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  /** Whether trying again later may succeed without the user changing anything. */
  readonly retryable: boolean;
}

/** The one error type that leaves the vendor layer. */
export class MediaApiError extends Error implements ApiErrorInit {
  readonly vendor: Vendor;
  readonly action: string;
  readonly kind: ApiErrorKind;
  readonly code: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly retryable: boolean;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'MediaApiError';
    this.vendor = init.vendor;
    this.action = init.action;
    this.kind = init.kind;
    this.code = init.code;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
    this.retryable = init.retryable;
  }

  /** `DescribeTaskInfo: AuthFailure.SignatureFailure (RequestId abc)`: for logs and error rows. */
  summary(): string {
    const rid = this.requestId ? ` (RequestId ${this.requestId})` : '';
    return `${this.action}: ${this.code}${rid}`;
  }
}

export function isMediaApiError(value: unknown): value is MediaApiError {
  return value instanceof MediaApiError;
}
