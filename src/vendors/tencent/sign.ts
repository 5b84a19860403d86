/**
 * Tencent Cloud API 3.0 signature v3 (TC3-HMAC-SHA256), pure: the clock is an argument.
 * The sandbox verifies with the same primitives, over whatever headers the caller signed.
 */
import { createHmac, hash } from 'node:crypto';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

/** One-shot `crypto.hash` (Node ≥ 20.12) is about twice as fast as createHash for request-sized input. */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** UTC `yyyy-mm-dd` of a Unix timestamp in seconds (local dates break signing at midnight UTC+8). */
export function utcDate(timestampSec: number): string {
  const day = Math.floor(timestampSec / 86400);
  // Every request of a day shares the date; formatting it once per day keeps it off the hot path.
  if (day !== lastDay) {
    lastDay = day;
    lastDate = new Date(day * 86400_000).toISOString().slice(0, 10);
  }
  return lastDate;
}

let lastDay = Number.NaN;
let lastDate = '';

export interface CanonicalRequestParts {
  readonly method: string;
  /** Already-encoded query string without `?`; empty for POST. */
  readonly canonicalQuery: string;
  /** Headers to sign; names and values are lower-cased and trimmed here, then sorted. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** Raw body bytes exactly as sent. */
  readonly payload: string | Uint8Array;
}

export function canonicalRequest(parts: CanonicalRequestParts): { text: string; signedHeaders: string } {
  const headers = parts.headers.map(([k, v]) => [k.trim().toLowerCase(), v.trim().toLowerCase()] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalHeaders = headers.map(([k, v]) => `${k}:${v}\n`).join('');
  const signedHeaders = headers.map(([k]) => k).join(';');
  const text = [parts.method.toUpperCase(), '/', parts.canonicalQuery, canonicalHeaders, signedHeaders, sha256Hex(parts.payload)].join('\n');
  return { text, signedHeaders };
}

export function credentialScope(date: string, service: string): string {
  return `${date}/${service}/tc3_request`;
}

export function stringToSign(timestampSec: number, scope: string, canonicalRequestText: string): string {
  return [TC3_ALGORITHM, String(timestampSec), scope, sha256Hex(canonicalRequestText)].join('\n');
}

/** SecretSigning = HMAC(HMAC(HMAC("TC3" + key, date), service), "tc3_request"). */
export function signingKey(secretKey: string, date: string, service: string): Buffer {
  const memoKey = `${service}\n${date}\n${secretKey}`;
  const cached = signingKeys.get(memoKey);
  if (cached) return cached;
  const derived = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  // The derived key only changes with the UTC date, so three of the four HMACs per request are
  // avoidable; a small bound keeps rotated keys from accumulating in memory.
  if (signingKeys.size >= SIGNING_KEY_MEMO_LIMIT) signingKeys.delete(signingKeys.keys().next().value as string);
  signingKeys.set(memoKey, derived);
  return derived;
}

const SIGNING_KEY_MEMO_LIMIT = 64;
const signingKeys = new Map<string, Buffer>();

export function signatureHex(secretKey: string, date: string, service: string, toSign: string): string {
  return createHmac('sha256', signingKey(secretKey, date, service))
    .update(toSign, 'utf8')
    .digest('hex');
}

export interface Tc3SignInput extends CanonicalRequestParts {
  readonly service: string;
  readonly timestampSec: number;
  readonly secretId: string;
  readonly secretKey: string;
}

export interface Tc3Signature {
  readonly authorization: string;
  readonly signature: string;
  readonly signedHeaders: string;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
}

export function tc3Sign(input: Tc3SignInput): Tc3Signature {
  const canonical = canonicalRequest(input);
  const date = utcDate(input.timestampSec);
  const scope = credentialScope(date, input.service);
  const toSign = stringToSign(input.timestampSec, scope, canonical.text);
  const signature = signatureHex(input.secretKey, date, input.service, toSign);
  return {
    authorization: `${TC3_ALGORITHM} Credential=${input.secretId}/${scope}, ` + `SignedHeaders=${canonical.signedHeaders}, Signature=${signature}`,
    signature,
    signedHeaders: canonical.signedHeaders,
    canonicalRequest: canonical.text,
    stringToSign: toSign,
  };
}

export interface ParsedAuthorization {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Parses `TC3-HMAC-SHA256 Credential=id/date/service/tc3_request, SignedHeaders=a;b, Signature=hex`. */
export function parseAuthorization(header: string): ParsedAuthorization | undefined {
  const m =
    /^TC3-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/,\s]+)\/tc3_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(
      header.trim(),
    );
  if (!m) return undefined;
  return { secretId: m[1], date: m[2], service: m[3], signedHeaders: m[4].split(';'), signature: m[5] };
}
