/** Raw, hand-signed HTTP calls to a running sandbox: the tests see exactly the bytes on the wire. */
import { request } from 'node:http';
import { tc3Sign } from '../../../src/vendors/tencent/sign';
import { zegoCommonParams } from '../../../src/vendors/zego/sign';
import { startSandbox, type RunningSandbox, type TencentDemoApp, type ZegoDemoApp } from '../../../src/sandbox';

/** A fixed moment for the injected clock: 2026-01-15 12:00:00 UTC. */
export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

export function rawRequest(
  sb: RunningSandbox,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | Buffer = '',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // An explicit length: Node would otherwise send a DELETE body unframed.
    const framed = { 'Content-Length': String(Buffer.byteLength(body)), ...headers };
    const req = request(`${sb.url}${path}`, { method, headers: framed, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface TencentCall {
  readonly action: string;
  readonly version: string;
  readonly params?: Record<string, unknown>;
  readonly region?: string | null;
  readonly method?: 'GET' | 'POST' | string;
  readonly timestampSec?: number;
  /** Credential scope service; defaults to the action's product. */
  readonly service?: string;
  /** Host header sent and signed (port-less); defaults to `<service>.tencentcloudapi.com`. */
  readonly host?: string;
  /** Header names to sign (lower-case); defaults to the SDKs' `content-type` and `host`. */
  readonly sign?: readonly string[];
  /** The body to sign and send, verbatim (a u64 written as a bare integer). */
  readonly rawBody?: string;
  /** Replaces the body after signing (tampering). */
  readonly sentBody?: string;
  /** Overrides headers after signing. */
  readonly headerOverrides?: Record<string, string | undefined>;
  readonly secretKey?: string;
  readonly contentType?: string;
}

const SERVICE_OF: Record<string, string> = {
  DescribeTaskInfo: 'gme',
  DescribeCloudRecording: 'trtc',
  DescribeStreamIngest: 'trtc',
  DescribeRecordTask: 'live',
  DeleteCloudRecording: 'trtc',
  StopStreamIngest: 'trtc',
  StopRecordTask: 'live',
  StopRecord: 'gme',
};

export const VERSIONS = { gme: '2018-07-11', trtc: '2019-07-22', live: '2018-08-01' } as const;

export async function callTencent(sb: RunningSandbox, app: TencentDemoApp, call: TencentCall, nowMs: number): Promise<RawResponse> {
  const method = call.method ?? 'POST';
  const service = call.service ?? SERVICE_OF[call.action] ?? 'cvm';
  const host = call.host ?? `${service}.tencentcloudapi.com`;
  const timestampSec = call.timestampSec ?? Math.floor(nowMs / 1000);
  const isGet = method === 'GET';
  const query = isGet ? new URLSearchParams(Object.entries(call.params ?? {}).map(([k, v]): [string, string] => [k, String(v)])).toString() : '';
  const body = isGet ? '' : (call.rawBody ?? JSON.stringify(call.params ?? {}));
  const headers: Record<string, string> = {
    'Content-Type': call.contentType ?? (isGet ? 'application/x-www-form-urlencoded' : 'application/json'),
    Host: host,
    'X-TC-Action': call.action,
    'X-TC-Version': call.version,
    'X-TC-Timestamp': String(timestampSec),
  };
  if (app.token) headers['X-TC-Token'] = app.token;
  const region = call.region === undefined ? app.region : call.region;
  if (region !== null) headers['X-TC-Region'] = region;
  const signed = tc3Sign({
    method,
    canonicalQuery: query,
    headers: (call.sign ?? ['content-type', 'host']).map(
      (name) => [name, name === 'host' ? host : (headers[Object.keys(headers).find((k) => k.toLowerCase() === name) ?? name] ?? '')] as const,
    ),
    payload: body,
    service,
    timestampSec,
    secretId: app.secretId,
    secretKey: call.secretKey ?? app.secretKey,
  });
  headers.Authorization = signed.authorization;
  for (const [k, v] of Object.entries(call.headerOverrides ?? {})) {
    if (v === undefined) delete headers[k];
    else headers[k] = v;
  }
  return rawRequest(sb, method, query ? `/?${query}` : '/', headers, call.sentBody ?? body);
}

export interface TencentResponse {
  readonly RequestId: string;
  readonly Error?: { Code: string; Message: string };
  readonly [field: string]: unknown;
}

export function tencentJson(res: RawResponse): TencentResponse {
  return (JSON.parse(res.text) as { Response: TencentResponse }).Response;
}

/** The error code, or `'OK'`. */
export function tencentCode(res: RawResponse): string {
  return tencentJson(res).Error?.Code ?? 'OK';
}

export interface ZegoCall {
  readonly action?: string;
  readonly body?: unknown;
  readonly timestampSec?: number;
  readonly nonce?: string;
  readonly serverSecret?: string;
  /** Replaces (or with undefined removes) common query parameters after signing. */
  readonly queryOverrides?: Record<string, string | undefined>;
  readonly rawBody?: string | Buffer;
}

export function callZego(sb: RunningSandbox, app: Pick<ZegoDemoApp, 'appId' | 'serverSecret'>, call: ZegoCall, nowMs: number): Promise<RawResponse> {
  const common: Record<string, string | undefined> = {
    ...zegoCommonParams(
      call.action ?? 'DescribeTasks',
      app.appId,
      call.serverSecret ?? app.serverSecret,
      call.timestampSec ?? Math.floor(nowMs / 1000),
      call.nonce ?? '0123456789abcdef',
    ),
    ...call.queryOverrides,
  };
  const query = new URLSearchParams(Object.entries(common).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return rawRequest(sb, 'POST', `/?${query}`, { 'Content-Type': 'application/json' }, call.rawBody ?? JSON.stringify(call.body ?? {}));
}

export interface ZegoResponse {
  readonly Code: number;
  readonly Message: string;
  readonly RequestId: string;
  readonly Data?: {
    PageOffset: number;
    PageSize: number;
    TotalCount: number;
    TaskList: Array<{ RecordBeginTimestamp: number; TaskId: string; RoomId: string; Status: number }>;
  };
}

export function zegoJson(res: RawResponse): ZegoResponse {
  return JSON.parse(res.text) as ZegoResponse;
}

/** A sandbox on an injected clock that tests move by hand. */
export interface Clocked {
  readonly sb: RunningSandbox;
  now: number;
}

export async function clockedSandbox(seed = 7, start = T0): Promise<Clocked> {
  const holder: { sb?: RunningSandbox; now: number } = { now: start };
  holder.sb = await startSandbox({ seed, now: () => holder.now });
  return holder as Clocked;
}
