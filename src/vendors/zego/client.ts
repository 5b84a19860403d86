/**
 * ZEGO server API client: the common parameters (Action, AppId, SignatureNonce, Timestamp in
 * seconds, Signature, SignatureVersion 2.0) go in the query string, business parameters in a JSON
 * body; `Code != 0` → `MediaApiError`.
 */
import type { ZegoAccount, ZegoSecret } from '../../model/account';
import { idString, number, object, optionalString, type RawObject } from '../shared/fields';
import { signedCall, type SignedCallDeps } from '../shared/signedCall';
import { zegoApiError } from './errors';
import { zegoCommonParams, zegoNonce } from './sign';

export const ZEGO_CLOUD_RECORD_BASE = 'https://cloudrecord-api.zego.im';

export interface ZegoAnswer<T> {
  readonly value: T;
  readonly requestId?: string;
}

export class ZegoClient {
  constructor(
    private readonly account: ZegoAccount,
    private readonly secret: ZegoSecret,
    private readonly deps: SignedCallDeps,
    private readonly nonce: () => string = zegoNonce,
  ) {}

  /** How far this endpoint's clock is ahead of ours, as far as its `Date` headers taught us. */
  clockOffsetMs(): number {
    return this.deps.clockOffsets.offset(new URL(this.account.endpoint ?? ZEGO_CLOUD_RECORD_BASE).host);
  }

  /** Calls `action` with a JSON body and hands `Data` (an empty object when absent) to `read`. */
  call<T>(
    action: string,
    params: Readonly<Record<string, unknown>>,
    read: (data: RawObject) => T,
    signal?: AbortSignal,
    options: { readonly write?: boolean } = {},
  ): Promise<ZegoAnswer<T>> {
    const base = new URL(this.account.endpoint ?? ZEGO_CLOUD_RECORD_BASE);
    const body = JSON.stringify(params);
    return signedCall<ZegoAnswer<T>>(
      this.deps,
      {
        vendor: 'zego',
        action,
        host: base.host,
        sign: (serverNowMs) => {
          const url = new URL('/', base);
          const common = zegoCommonParams(action, this.account.appId, this.secret.serverSecret, Math.floor(serverNowMs / 1000), this.nonce());
          for (const [key, value] of Object.entries(common)) url.searchParams.set(key, value);
          return { url: url.href, headers: { 'Content-Type': 'application/json' }, body };
        },
        interpret: (answer) => {
          const root = object(answer.body, 'body');
          const code = number(root.Code, 'Code');
          const requestId = root.RequestId === undefined ? undefined : idString(root.RequestId, 'RequestId');
          if (code !== 0) {
            throw zegoApiError(action, code, optionalString(root.Message, 'Message') ?? '', requestId, answer.status);
          }
          const data = root.Data === undefined || root.Data === null ? {} : object(root.Data, 'Data');
          // RequestId is server text that reaches the ledger and exports; an echoing server must not plant a signature there.
          const safeId = requestId === undefined ? undefined : this.deps.redact(requestId);
          return { value: { value: read(data), requestId: safeId }, requestId: safeId };
        },
        write: options.write,
      },
      signal,
    );
  }
}
