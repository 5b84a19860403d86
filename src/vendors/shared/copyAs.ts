/**
 * Any Tencent Cloud or ZEGO query the extension makes, as something to paste into a terminal: a tccli
 * command line, a curl command (bash) that computes the signature itself from environment variables
 * with openssl, or a Node SDK snippet. No secret is ever written: keys are `$TENCENTCLOUD_SECRET_ID`,
 * `$TENCENTCLOUD_SECRET_KEY` (and `$TENCENTCLOUD_SESSION_TOKEN` when set) or `$ZEGO_SERVER_SECRET`.
 * The JSON body is written losslessly, so a GME u64 keeps every digit. TC3 as documented at
 * https://www.tencentcloud.com/document/api/213/33224; ZEGO's signature at
 * https://www.zegocloud.com/docs/cloud-recording-server/describe-tasks (md5 of AppId, nonce, secret, timestamp).
 */
import { stringifyJsonLossless } from './json';

export interface TencentQuery {
  readonly vendor: 'tencent';
  readonly service: string;
  readonly action: string;
  readonly version: string;
  readonly region?: string;
  /** Base URL the request goes to (`https://trtc.intl.tencentcloudapi.com`, or an endpoint override). */
  readonly baseUrl: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** What the extension asks beyond this one request (the pages after it), as a comment: one line of our own text, never a vendor string. */
  readonly note?: string;
}

export interface ZegoQuery {
  readonly vendor: 'zego';
  readonly action: string;
  readonly appId: number;
  readonly baseUrl: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly note?: string;
}

export type CopyableQuery = TencentQuery | ZegoQuery;

export type CopyFormat = 'tccli' | 'curl' | 'node';

/** A word for bash: single-quoted, with `'` written as `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function hostOf(baseUrl: string): { host: string; hostname: string; origin: string } {
  const url = new URL(baseUrl);
  return { host: url.host, hostname: url.hostname, origin: url.origin };
}

/** The query's note as a comment line (`#` for bash, `//` for JS); none without a note. */
export function noteLines(query: CopyableQuery, marker: '#' | '//'): string[] {
  return query.note === undefined ? [] : [`${marker} ${query.note}`];
}

function tencentCurl(q: TencentQuery): string {
  const { hostname, origin } = hostOf(q.baseUrl);
  return [
    '#!/usr/bin/env bash',
    `# ${q.action} (${q.service} ${q.version}), signed here with TC3-HMAC-SHA256 from $TENCENTCLOUD_SECRET_ID and $TENCENTCLOUD_SECRET_KEY.`,
    ...noteLines(q, '#'),
    'set -euo pipefail',
    `endpoint=${shellQuote(origin)}`,
    `host=${shellQuote(hostname)}`,
    `service=${shellQuote(q.service)}`,
    `action=${shellQuote(q.action)}`,
    `version=${shellQuote(q.version)}`,
    `payload=${shellQuote(stringifyJsonLossless(q.params))}`,
    'timestamp=$(date +%s)',
    'day=$(date -u -d "@$timestamp" +%Y-%m-%d 2>/dev/null || date -u -r "$timestamp" +%Y-%m-%d)',
    "sha256() { openssl dgst -sha256 -hex | sed 's/^.* //'; }",
    'hmac() { openssl dgst -sha256 -mac HMAC -macopt "$1" | sed \'s/^.* //\'; }',
    'canonical=$(printf \'POST\\n/\\n\\ncontent-type:application/json\\nhost:%s\\n\\ncontent-type;host\\n%s\' "$host" "$(printf \'%s\' "$payload" | sha256)")',
    'scope="$day/$service/tc3_request"',
    'to_sign=$(printf \'TC3-HMAC-SHA256\\n%s\\n%s\\n%s\' "$timestamp" "$scope" "$(printf \'%s\' "$canonical" | sha256)")',
    'k_date=$(printf \'%s\' "$day" | hmac "key:TC3$TENCENTCLOUD_SECRET_KEY")',
    'k_service=$(printf \'%s\' "$service" | hmac "hexkey:$k_date")',
    'k_signing=$(printf \'tc3_request\' | hmac "hexkey:$k_service")',
    'signature=$(printf \'%s\' "$to_sign" | hmac "hexkey:$k_signing")',
    'extra=()',
    '[ -n "${TENCENTCLOUD_SESSION_TOKEN:-}" ] && extra+=(-H "X-TC-Token: $TENCENTCLOUD_SESSION_TOKEN")',
    ...(q.region ? [`extra+=(-H ${shellQuote(`X-TC-Region: ${q.region}`)})`] : []),
    'curl -sS -X POST "$endpoint/" \\',
    '  -H "Authorization: TC3-HMAC-SHA256 Credential=$TENCENTCLOUD_SECRET_ID/$scope, SignedHeaders=content-type;host, Signature=$signature" \\',
    "  -H 'Content-Type: application/json' \\",
    '  -H "X-TC-Action: $action" -H "X-TC-Version: $version" -H "X-TC-Timestamp: $timestamp" "${extra[@]}" \\',
    '  --data-raw "$payload"',
    '',
  ].join('\n');
}

/** `--Name value` pairs; objects and arrays as JSON, integers (bigints too) as their digits. */
function tccliArgs(params: Readonly<Record<string, unknown>>): string {
  return Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => `--${name} ${shellQuote(typeof v === 'string' ? v : stringifyJsonLossless(v))}`)
    .join(' ');
}

function tencentTccli(q: TencentQuery): string {
  const { host } = hostOf(q.baseUrl);
  const region = q.region ? ` --region ${shellQuote(q.region)}` : '';
  return [
    `# tccli reads the key from $TENCENTCLOUD_SECRET_ID and $TENCENTCLOUD_SECRET_KEY (and $TENCENTCLOUD_SESSION_TOKEN).`,
    ...noteLines(q, '#'),
    `tccli ${q.service} ${q.action} --version ${shellQuote(q.version)}${region} --endpoint ${shellQuote(host)} --cli-unfold-argument ${tccliArgs(q.params)}`,
    '',
  ].join('\n');
}

/** A JS literal for the params: bigints as `123n` (the SDK serializes them digit-exact), the rest as JSON. */
function jsLiteral(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return `[${value.map(jsLiteral).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{ ${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}: ${jsLiteral(v)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

function tencentNode(q: TencentQuery): string {
  const { host, origin } = hostOf(q.baseUrl);
  const protocol = origin.startsWith('http:') ? 'http://' : 'https://';
  return [
    '// npm install tencentcloud-sdk-nodejs-common',
    ...noteLines(q, '//'),
    "const { CommonClient } = require('tencentcloud-sdk-nodejs-common');",
    `const client = new CommonClient(${JSON.stringify(`${q.service}.tencentcloudapi.com`)}, ${JSON.stringify(q.version)}, {`,
    '  credential: { secretId: process.env.TENCENTCLOUD_SECRET_ID, secretKey: process.env.TENCENTCLOUD_SECRET_KEY, token: process.env.TENCENTCLOUD_SESSION_TOKEN },',
    ...(q.region ? [`  region: ${JSON.stringify(q.region)},`] : []),
    `  profile: { httpProfile: { protocol: ${JSON.stringify(protocol)}, endpoint: ${JSON.stringify(host)} } },`,
    '});',
    `client.request(${JSON.stringify(q.action)}, ${jsLiteral(q.params)}).then((r) => console.log(JSON.stringify(r, null, 2)), console.error);`,
    '',
  ].join('\n');
}

function zegoCurl(q: ZegoQuery): string {
  return [
    '#!/usr/bin/env bash',
    `# ZEGO ${q.action}, signed here (SignatureVersion 2.0) from $ZEGO_SERVER_SECRET.`,
    ...noteLines(q, '#'),
    'set -euo pipefail',
    `base=${shellQuote(new URL(q.baseUrl).origin)}`,
    `app_id=${shellQuote(String(q.appId))}`,
    `action=${shellQuote(q.action)}`,
    `payload=${shellQuote(stringifyJsonLossless(q.params))}`,
    'nonce=$(openssl rand -hex 8)',
    'timestamp=$(date +%s)',
    "signature=$(printf '%s' \"$app_id$nonce$ZEGO_SERVER_SECRET$timestamp\" | openssl dgst -md5 -hex | sed 's/^.* //')",
    'curl -sS -X POST "$base/?Action=$action&AppId=$app_id&SignatureNonce=$nonce&Timestamp=$timestamp&Signature=$signature&SignatureVersion=2.0" \\',
    '  -H \'Content-Type: application/json\' --data-raw "$payload"',
    '',
  ].join('\n');
}

function zegoNode(q: ZegoQuery): string {
  return [
    ...noteLines(q, '//'),
    "const crypto = require('node:crypto');",
    `const appId = ${q.appId};`,
    "const nonce = crypto.randomBytes(8).toString('hex');",
    'const timestamp = Math.floor(Date.now() / 1000);',
    "const signature = crypto.createHash('md5').update(`${appId}${nonce}${process.env.ZEGO_SERVER_SECRET}${timestamp}`).digest('hex');",
    `const query = new URLSearchParams({ Action: ${JSON.stringify(q.action)}, AppId: String(appId), SignatureNonce: nonce, Timestamp: String(timestamp), Signature: signature, SignatureVersion: '2.0' });`,
    `fetch(${JSON.stringify(`${new URL(q.baseUrl).origin}/?`)} + query, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: ${JSON.stringify(stringifyJsonLossless(q.params))} })`,
    '  .then((r) => r.text()).then(console.log, console.error);',
    '',
  ].join('\n');
}

/** The query as text in one format; ZEGO has no tccli, so its `tccli` is undefined. */
export function copyQueryAs(query: CopyableQuery, format: CopyFormat): string | undefined {
  if (query.vendor === 'zego') return format === 'curl' ? zegoCurl(query) : format === 'node' ? zegoNode(query) : undefined;
  return format === 'curl' ? tencentCurl(query) : format === 'tccli' ? tencentTccli(query) : tencentNode(query);
}
