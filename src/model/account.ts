/**
 * Accounts: what the user configured, split into non-secret metadata (kept in `globalState`)
 * and the secret (kept only in VS Code SecretStorage).
 */
import type { Product, Vendor } from './task';

/** Mainland `*.tencentcloudapi.com` or international `*.intl.tencentcloudapi.com`. */
export type TencentSite = 'mainland' | 'intl';

interface AccountBase {
  /** Opaque, stable id generated when the account is added (used in tree ids and secret keys). */
  readonly id: string;
  readonly label: string;
  /**
   * Base URL that replaces the vendor's host (the sandbox, a private deployment), e.g.
   * `http://127.0.0.1:8123`. Tencent requests to it are signed for its host name, with the vendor's
   * service in the credential scope.
   */
  readonly endpoint?: string;
}

export interface TencentAccount extends AccountBase {
  readonly vendor: 'tencent';
  readonly site: TencentSite;
  /** Default region for every product of this account (e.g. `ap-singapore`). */
  readonly region: string;
  /** Per-product region when it differs from `region` (TRTC relay and recording list different regions). */
  readonly productRegions?: Partial<Record<Product, string>>;
  /** TRTC SdkAppId; recording and relay products are enabled when set. */
  readonly trtcSdkAppId?: number;
  /** GME BizId (application id); GME is enabled when set. */
  readonly gmeBizId?: number;
  /** CSS is enabled when true; the optional filters narrow DescribeRecordTask. */
  readonly cssEnabled?: boolean;
  readonly cssDomain?: string;
  readonly cssApp?: string;
  /** VOD SubAppId, required by VOD accounts opened since 2023-12-25; sent with DescribeMediaInfos when set. */
  readonly vodSubAppId?: number;
}

export interface ZegoAccount extends AccountBase {
  readonly vendor: 'zego';
  /** ZEGO AppId (uint32). */
  readonly appId: number;
}

export type Account = TencentAccount | ZegoAccount;

export interface TencentSecret {
  readonly vendor: 'tencent';
  readonly secretId: string;
  readonly secretKey: string;
  /** STS temporary token, sent as `X-TC-Token` when present. */
  readonly token?: string;
}

export interface ZegoSecret {
  readonly vendor: 'zego';
  readonly serverSecret: string;
}

export type AccountSecret = TencentSecret | ZegoSecret;

export function accountVendor(account: Account): Vendor {
  return account.vendor;
}

/** The products an account is configured for, in display order. */
export function accountProducts(account: Account): Product[] {
  if (account.vendor === 'zego') return ['zego-recording'];
  const products: Product[] = [];
  if (account.trtcSdkAppId !== undefined) products.push('trtc-recording', 'trtc-relay');
  if (account.gmeBizId !== undefined) products.push('gme');
  if (account.cssEnabled) products.push('css');
  return products;
}
