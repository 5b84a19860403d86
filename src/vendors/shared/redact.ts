/**
 * Keeps secrets out of every message, log line and exception the vendor layer produces.
 * Known secret values are replaced wherever they occur; signature-shaped text is replaced by pattern,
 * because a server (or a proxy's error page) may echo the request's Authorization header back.
 */
const MASK = '***';

const PATTERNS: readonly RegExp[] = [
  /(Authorization["']?\s*[:=]\s*["']?)[^"'\r\n]+/gi,
  /(TC3-HMAC-SHA256\s+)[^"'\r\n]+/g,
  /(Signature["']?\s*[=:]\s*["']?)[0-9A-Za-z+/=_-]+/g,
  // Signed and temporary file URLs carry their credential in the query: VOD key hotlink protection
  // (`t`, `us`, `sign`, https://www.tencentcloud.com/document/product/266/33986), S3 pre-signing (`X-Amz-*`), OSS, CDN auth keys.
  /([?&](?:sign|t|us|exper|rlimit|X-Amz-[A-Za-z-]+|auth_key|OSSAccessKeyId|Expires|token)=)[^&\s"'<>#]+/gi,
  // A bare SHA-256 (TC3) or MD5 (ZEGO) hex digest.
  /()\b(?:[0-9a-f]{64}|[0-9a-f]{32})\b/gi,
];

export type Redactor = (text: string) => string;

/** A redactor that masks the given secrets (empty strings are ignored) and any signature. */
export function createRedactor(secrets: readonly string[]): Redactor {
  const values = secrets.filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  return (text: string): string => {
    let out = text;
    for (const value of values) out = out.split(value).join(MASK);
    for (const pattern of PATTERNS) out = out.replace(pattern, (_m, prefix: string) => `${prefix}${MASK}`);
    return out;
  };
}
