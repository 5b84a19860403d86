/**
 * Tencent Cloud API 3.0 client: POST JSON, TC3-HMAC-SHA256 over `content-type;host` (as every
 * official SDK signs), `Response.Error` → `MediaApiError`.
 *
 * Endpoint override: the request goes to the override's base URL and the credential scope keeps the
 * real service (`gme`, `trtc`, `live`). Which host is signed depends on what answers there:
 * - `endpoint` (the sandbox, a private deployment with its own API domain): the server checks the
 *   signature against the host it is reached at, so the signed `host` is the override's host name
 *   without port, exactly like the official Node SDK, and the `Host` header carries the port;
 * - `vendor` (a forwarding gateway that hands the request on to Tencent Cloud with the vendor's Host):
 *   Tencent Cloud checks its own host, so `host` is signed, and the `Host` header sent, as the vendor's
 *   (`trtc.tencentcloudapi.com`), while the connection goes to the override.
 */
import type { TencentAccount, TencentSecret } from '../../model/account';
import { object, optionalString, string, type RawObject } from '../shared/fields';
import { stringifyJsonLossless } from '../shared/json';
import { signedCall, type SignedCallDeps } from '../shared/signedCall';
import { checkedRegion, tencentHost, type TencentAction } from './actions';
import { tencentApiError } from './errors';
import { tc3Sign } from './sign';

const CONTENT_TYPE = 'application/json';

export interface TencentAnswer<T> {
  readonly value: T;
  readonly requestId?: string;
}

/** Which host an endpoint override's requests are signed for (see above). */
export type SignedHost = 'endpoint' | 'vendor';

export class TencentClient {
  constructor(
    private readonly account: TencentAccount,
    private readonly secret: TencentSecret,
    private readonly deps: SignedCallDeps,
    private readonly signedHost: SignedHost = 'endpoint',
  ) {}

  /** How far the clock of the endpoint `action` goes to is ahead of ours, as its `Date` headers taught us. */
  clockOffsetMs(action: TencentAction): number {
    return this.deps.clockOffsets.offset(this.url(action).host);
  }

  private url(action: TencentAction): URL {
    const url = new URL(this.account.endpoint ?? `https://${tencentHost(action.service, this.account.site)}`);
    url.pathname = '/';
    return url;
  }

  /**
   * Calls `action` with `params` (JSON body) and hands the `Response` object to `read`. The region
   * is checked first, so an unsupported region never reaches the network.
   */
  call<T>(
    action: TencentAction,
    params: Readonly<Record<string, unknown>>,
    read: (response: RawObject) => T,
    signal?: AbortSignal,
    options: { readonly write?: boolean } = {},
  ): Promise<TencentAnswer<T>> {
    const region = checkedRegion(this.account, action);
    const url = this.url(action);
    const vendorHost = tencentHost(action.service, this.account.site);
    const forVendor = this.account.endpoint !== undefined && this.signedHost === 'vendor';
    const signed = { host: forVendor ? vendorHost : url.hostname, header: forVendor ? vendorHost : url.host };
    // A bigint parameter (GME TaskId) goes out as a bare integer, digit-exact; the signature covers these bytes.
    const body = stringifyJsonLossless(params);
    return signedCall<TencentAnswer<T>>(
      this.deps,
      {
        vendor: 'tencent',
        action: action.name,
        host: url.host,
        sign: (serverNowMs) => {
          const timestampSec = Math.floor(serverNowMs / 1000);
          const signature = tc3Sign({
            method: 'POST',
            canonicalQuery: '',
            headers: [
              ['content-type', CONTENT_TYPE],
              ['host', signed.host],
            ],
            payload: body,
            service: action.service,
            timestampSec,
            secretId: this.secret.secretId,
            secretKey: this.secret.secretKey,
          });
          const headers: Record<string, string> = {
            'Content-Type': CONTENT_TYPE,
            Host: signed.header,
            'X-TC-Action': action.name,
            'X-TC-Version': action.version,
            'X-TC-Timestamp': String(timestampSec),
            Authorization: signature.authorization,
          };
          if (region !== undefined) headers['X-TC-Region'] = region;
          if (this.secret.token) headers['X-TC-Token'] = this.secret.token;
          return { url: url.href, headers, body };
        },
        interpret: (answer) => {
          const response = object(object(answer.body, 'body').Response, 'Response');
          const requestId = optionalString(response.RequestId, 'Response.RequestId');
          if (response.Error !== undefined) {
            const error = object(response.Error, 'Response.Error');
            throw tencentApiError(
              action.name,
              string(error.Code, 'Response.Error.Code'),
              string(error.Message ?? '', 'Response.Error.Message'),
              requestId,
              answer.status,
            );
          }
          // RequestId is server text that reaches the ledger and exports; an echoing server must not plant a signature there.
          const safeId = requestId === undefined ? undefined : this.deps.redact(requestId);
          return { value: { value: read(response), requestId: safeId }, requestId: safeId };
        },
        write: options.write,
      },
      signal,
    );
  }
}
