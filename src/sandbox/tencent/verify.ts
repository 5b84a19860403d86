/**
 * TC3-HMAC-SHA256 verification of a received request, with the project's own signer primitives:
 * recompute over exactly the headers named in SignedHeaders and the raw body bytes.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { canonicalRequest, signatureHex, stringToSign, type ParsedAuthorization } from '../../vendors/tencent/sign';
import { TencentApiError } from './errors';

export interface SignedRequest {
  readonly method: string;
  readonly rawQuery: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** `host` as sent and, when it carries a port, without it: the official Node SDK signs the bare hostname. */
function hostCandidates(host: string): string[] {
  const m = /^(\[[^\]]*\]|[^:]*):\d+$/.exec(host.trim());
  return m ? [m[1], host] : [host];
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Throws AuthFailure.SignatureFailure unless some acceptable host form reproduces the signature: the
 * request's Host, with or without its port, or else only the `expectedHosts` given.
 */
export function verifyTc3Signature(
  req: SignedRequest,
  auth: ParsedAuthorization,
  secretKey: string,
  timestampSec: number,
  expectedHosts?: readonly string[],
): void {
  if (!auth.signedHeaders.includes('content-type') || !auth.signedHeaders.includes('host')) {
    throw new TencentApiError('AuthFailure.SignatureFailure', 'SignedHeaders must include content-type and host.');
  }
  const scope = `${auth.date}/${auth.service}/tc3_request`;
  const hosts = expectedHosts ?? hostCandidates(headerValue(req.headers, 'host') ?? '');
  for (const host of hosts) {
    const { text } = canonicalRequest({
      method: req.method,
      canonicalQuery: req.rawQuery,
      headers: auth.signedHeaders.map((name) => [name, name === 'host' ? host : (headerValue(req.headers, name) ?? '')] as const),
      payload: req.body,
    });
    const expected = signatureHex(secretKey, auth.date, auth.service, stringToSign(timestampSec, scope, text));
    if (sameHex(expected, auth.signature)) return;
  }
  throw new TencentApiError('AuthFailure.SignatureFailure');
}
