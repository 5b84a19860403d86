/**
 * Reading accounts and secrets back from storage, where anything may have been left by an older
 * version or another tool: invalid records are skipped, never trusted. Pure.
 */
import type { Account, AccountSecret, TencentAccount, TencentSite, ZegoAccount } from '../model/account';
import { PRODUCTS, type Product } from '../model/task';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const optString = (v: unknown): v is string | undefined => v === undefined || typeof v === 'string';

/** A uint32 as the vendors define AppId, SdkAppId and BizId. */
export function isUint32(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
}

function readTencent(v: Json, base: { id: string; label: string; endpoint?: string }): TencentAccount | undefined {
  const site = v.site as TencentSite;
  if ((site !== 'mainland' && site !== 'intl') || !nonEmpty(v.region)) return undefined;
  if (!(v.trtcSdkAppId === undefined || isUint32(v.trtcSdkAppId)) || !(v.gmeBizId === undefined || isUint32(v.gmeBizId))) return undefined;
  if (!(v.cssEnabled === undefined || typeof v.cssEnabled === 'boolean') || !optString(v.cssDomain) || !optString(v.cssApp)) return undefined;
  if (!(v.vodSubAppId === undefined || isUint32(v.vodSubAppId))) return undefined;
  let productRegions: Partial<Record<Product, string>> | undefined;
  if (v.productRegions !== undefined) {
    if (!isObject(v.productRegions)) return undefined;
    productRegions = {};
    for (const [product, region] of Object.entries(v.productRegions)) {
      if (!(PRODUCTS as readonly string[]).includes(product) || !nonEmpty(region)) return undefined;
      productRegions[product as Product] = region;
    }
  }
  return {
    ...base,
    vendor: 'tencent',
    site,
    region: v.region,
    productRegions,
    trtcSdkAppId: v.trtcSdkAppId,
    gmeBizId: v.gmeBizId,
    cssEnabled: v.cssEnabled,
    cssDomain: v.cssDomain || undefined,
    cssApp: v.cssApp || undefined,
    ...(v.vodSubAppId !== undefined ? { vodSubAppId: v.vodSubAppId } : {}),
  };
}

export function readAccount(v: unknown): Account | undefined {
  if (!isObject(v) || !nonEmpty(v.id) || !nonEmpty(v.label) || !optString(v.endpoint)) return undefined;
  const base = { id: v.id, label: v.label, endpoint: v.endpoint || undefined };
  if (v.vendor === 'tencent') return readTencent(v, base);
  if (v.vendor === 'zego' && isUint32(v.appId)) return { ...base, vendor: 'zego', appId: v.appId } satisfies ZegoAccount;
  return undefined;
}

export function readAccounts(v: unknown): Account[] {
  return Array.isArray(v) ? v.map(readAccount).filter((a): a is Account => a !== undefined) : [];
}

export function encodeSecret(secret: AccountSecret): string {
  return JSON.stringify(secret);
}

export function decodeSecret(text: string | undefined): AccountSecret | undefined {
  if (!text) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(v)) return undefined;
  if (v.vendor === 'tencent' && nonEmpty(v.secretId) && nonEmpty(v.secretKey) && optString(v.token)) {
    return { vendor: 'tencent', secretId: v.secretId, secretKey: v.secretKey, token: v.token || undefined };
  }
  if (v.vendor === 'zego' && nonEmpty(v.serverSecret)) return { vendor: 'zego', serverSecret: v.serverSecret };
  return undefined;
}

/** The strings in a secret that must never be logged. */
export function secretValues(secret: AccountSecret): string[] {
  return secret.vendor === 'tencent' ? [secret.secretId, secret.secretKey, secret.token ?? ''] : [secret.serverSecret];
}
