/** Which accounts and products could own a pasted task id (Go to Task…). Pure. */
import { accountProducts, type Account } from '../model/account';
import { traitsOf } from '../model/productTraits';
import type { Product } from '../model/task';

/** What, beyond the id's shape, made a candidate fit the paste: the product it named, its app id. */
export type LookupMatch = 'product' | 'appId';

export interface LookupCandidate {
  readonly accountId: string;
  readonly product: Product;
  /** Filled by `narrowedCandidates`: the hints this candidate matched (empty: the id's shape only). */
  readonly matched?: readonly LookupMatch[];
}

/** Which products an id could belong to, by the shape of each product's ids (`lookUpIds`). */
export function lookupCandidates(accounts: readonly Account[], taskId: string): LookupCandidate[] {
  const id = taskId.trim();
  const digits = /^\d+$/.test(id);
  const out: LookupCandidate[] = [];
  for (const account of accounts) {
    for (const product of accountProducts(account)) {
      if (idFits(traitsOf(product).lookUpIds, id, digits)) out.push({ accountId: account.id, product });
    }
  }
  return out;
}

/**
 * ZEGO task ids are 16-character strings; GME ids are u64 decimals and GME answers per room, never
 * per task id (only the ledger finds one); TRTC and CSS ids are long opaque strings.
 */
function idFits(rule: ReturnType<typeof traitsOf>['lookUpIds'], id: string, digits: boolean): boolean {
  switch (rule) {
    case 'never':
      return false;
    case 'sixteenChars':
      return id.length === 16;
    case 'nonNumeric':
      return !digits;
    case 'any':
      return true;
  }
}

/** Whether an id looks like GME's (a u64 in decimal), which only a pinned room can find. */
export function looksLikeGmeTaskId(taskId: string): boolean {
  return /^\d{1,20}$/.test(taskId.trim());
}

/** The app id an account has for `product` (SdkAppId, BizId, ZEGO AppId); CSS tasks name a push domain instead. */
function accountAppId(account: Account, product: Product): string | undefined {
  if (account.vendor === 'zego') return String(account.appId);
  if (product === 'trtc-recording' || product === 'trtc-relay') return account.trtcSdkAppId?.toString();
  if (product === 'gme') return account.gmeBizId?.toString();
  return undefined;
}

/**
 * The candidates for a pasted task id, narrowed by what else the paste named: its product (a tccli
 * action, a callback's shape) and its app id. A hint that would leave nothing is ignored, so a
 * paste from another account's logs still finds a task the id alone fits.
 */
export function narrowedCandidates(
  accounts: readonly Account[],
  taskId: string,
  hints: { readonly product?: Product; readonly appId?: string },
): LookupCandidate[] {
  let candidates = lookupCandidates(accounts, taskId);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const narrow = (keep: (c: LookupCandidate) => boolean): void => {
    const kept = candidates.filter(keep);
    if (kept.length > 0) candidates = kept;
  };
  const productFits = (c: LookupCandidate): boolean => hints.product !== undefined && c.product === hints.product;
  const appIdFits = (c: LookupCandidate): boolean => hints.appId !== undefined && accountAppId(byId.get(c.accountId)!, c.product) === hints.appId;
  if (hints.product !== undefined) narrow(productFits);
  if (hints.appId !== undefined) narrow(appIdFits);
  return candidates.map((c) => ({
    ...c,
    matched: [...(productFits(c) ? (['product'] as const) : []), ...(appIdFits(c) ? (['appId'] as const) : [])],
  }));
}
