/** One short sentence per error kind telling the user what to do; vendors override a few. */
import type { ApiErrorKind } from '../../model/errors';

export const GENERIC_HINTS: Readonly<Record<ApiErrorKind, string>> = {
  auth: 'The credentials were rejected; check the key and secret.',
  permission: 'The key is valid but not allowed to call this API; grant the permission.',
  clockSkew: "This computer's clock is too far off; synchronize it (NTP) and try again.",
  rateLimit: 'Too many requests; the extension slows down and tries again.',
  timeout: 'The service did not answer in time; try again, or check the network and proxy settings.',
  network: 'Check the network connection, the proxy setting and the endpoint.',
  cancelled: 'The request was cancelled.',
  malformed: "The answer was not the API's JSON; check the endpoint and proxy settings.",
  server: 'The service had a problem; try again later.',
  invalidInput: 'A parameter was rejected; check the account settings and the query.',
  notFound: 'The room or task does not exist (any more).',
  taskEnded: 'The task has ended, so the vendor no longer answers for it; its last snapshot is kept.',
  serviceNotActivated: 'The product is not activated (or is suspended) for this account; enable it in the console.',
  unsupported: 'This operation is not supported for this account or API (the credentials themselves were accepted).',
  vendor: "See the vendor's message.",
};

export type HintTable = Partial<Record<ApiErrorKind, string>>;

export function hintFor(kind: ApiErrorKind, overrides: HintTable = {}): string {
  return overrides[kind] ?? GENERIC_HINTS[kind];
}
