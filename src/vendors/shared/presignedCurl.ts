/**
 * The curl form signed at copy time, for a shell that has no key: the text carries a signature, never
 * the key, and the vendor accepts it for 5 minutes. Signed with the clients' own signers. Tencent Cloud
 * refuses an X-TC-Timestamp more than 5 minutes from its clock (Common Params,
 * https://www.tencentcloud.com/document/api/1145/47123), so the timestamp is now. ZEGO allows "a
 * maximum error of 10 minutes" (https://docs.zegocloud.com/article/9781), so its timestamp is set
 * 5 minutes back and it too is refused 5 minutes from now. The SecretId stays `$TENCENTCLOUD_SECRET_ID`
 * as in every other form (the signature does not cover it). An STS key is not presigned: its token is
 * a credential of its own.
 */
import type { AccountSecret } from '../../model/account';
import { tc3Sign } from '../tencent/sign';
import { zegoCommonParams, zegoNonce } from '../zego/sign';
import { hostOf, noteLines, shellQuote, type CopyableQuery, type TencentQuery, type ZegoQuery } from './copyAs';
import { stringifyJsonLossless } from './json';

/** How long a presigned request is accepted after it was copied. */
export const PRESIGNED_VALID_SEC = 300;
const TENCENT_TOLERANCE_SEC = 300;
const ZEGO_TOLERANCE_SEC = 600;

/** Where the SecretId goes in the Authorization header: the shell fills it in from the environment. */
const SECRET_ID_SLOT = '\u0000';

function validityLine(timestampSec: number, toleranceSec: number): string {
  const until = new Date((timestampSec + toleranceSec) * 1000).toISOString();
  return `# Refused after ${until}. It carries a signature, not the key: anyone holding this text can send this request until then.`;
}

function tencentPresigned(q: TencentQuery, secretKey: string, serverNowMs: number): string {
  const { hostname, origin } = hostOf(q.baseUrl);
  const body = stringifyJsonLossless(q.params);
  const timestampSec = Math.floor(serverNowMs / 1000);
  const { authorization } = tc3Sign({
    method: 'POST',
    canonicalQuery: '',
    headers: [
      ['content-type', 'application/json'],
      ['host', hostname],
    ],
    payload: body,
    service: q.service,
    timestampSec,
    secretId: SECRET_ID_SLOT,
    secretKey,
  });
  const [beforeId, afterId] = authorization.split(SECRET_ID_SLOT);
  const region = q.region ? ` -H ${shellQuote(`X-TC-Region: ${q.region}`)}` : '';
  return [
    '#!/usr/bin/env bash',
    `# ${q.action} (${q.service} ${q.version}), signed with TC3-HMAC-SHA256 when copied: it needs $TENCENTCLOUD_SECRET_ID (the key's id), not the key.`,
    validityLine(timestampSec, TENCENT_TOLERANCE_SEC),
    ...noteLines(q, '#'),
    'set -euo pipefail',
    `curl -sS -X POST ${shellQuote(`${origin}/`)} \\`,
    `  -H ${shellQuote(`Authorization: ${beforeId}`)}"$TENCENTCLOUD_SECRET_ID"${shellQuote(afterId)} \\`,
    "  -H 'Content-Type: application/json' \\",
    `  -H ${shellQuote(`X-TC-Action: ${q.action}`)} -H ${shellQuote(`X-TC-Version: ${q.version}`)} -H ${shellQuote(`X-TC-Timestamp: ${timestampSec}`)}${region} \\`,
    `  --data-raw ${shellQuote(body)}`,
    '',
  ].join('\n');
}

function zegoPresigned(q: ZegoQuery, serverSecret: string, serverNowMs: number): string {
  const timestampSec = Math.floor(serverNowMs / 1000) - (ZEGO_TOLERANCE_SEC - PRESIGNED_VALID_SEC);
  const url = new URL('/', q.baseUrl);
  for (const [name, value] of Object.entries(zegoCommonParams(q.action, q.appId, serverSecret, timestampSec, zegoNonce()))) url.searchParams.set(name, value);
  return [
    '#!/usr/bin/env bash',
    `# ZEGO ${q.action}, signed (SignatureVersion 2.0) when copied: it needs no key.`,
    validityLine(timestampSec, ZEGO_TOLERANCE_SEC),
    ...noteLines(q, '#'),
    'set -euo pipefail',
    `curl -sS -X POST ${shellQuote(url.href)} \\`,
    `  -H 'Content-Type: application/json' --data-raw ${shellQuote(stringifyJsonLossless(q.params))}`,
    '',
  ].join('\n');
}

/** The query as a curl command signed for the server time `serverNowMs`; throws for an STS key or another vendor's secret. */
export function presignedCurl(query: CopyableQuery, secret: AccountSecret, serverNowMs: number): string {
  if (query.vendor === 'zego') {
    if (secret.vendor !== 'zego') throw new TypeError('a ZEGO query is signed with a ZEGO ServerSecret');
    return zegoPresigned(query, secret.serverSecret, serverNowMs);
  }
  if (secret.vendor !== 'tencent') throw new TypeError('a Tencent Cloud query is signed with a Tencent Cloud key');
  if (secret.token) throw new TypeError('an STS key is not presigned: its token would travel with the text');
  return tencentPresigned(query, secret.secretKey, serverNowMs);
}
