/** Which ledger entries, accounts and products a paste could name (Go to Task…). Pure. */
import { accountProducts, type Account } from '../model/account';
import { byNewest, type LedgerEntry } from '../model/ledgerEntry';
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

/** What a paste names that the ledger can answer (the fields of a `PastedReference`). */
export interface LedgerQuery {
  readonly taskId?: string;
  readonly requestId?: string;
  /** Room id or stream name. */
  readonly room?: string;
  readonly product?: Product;
  /** A bare id, which may be a room or stream id as well as a TaskId. */
  readonly bare: boolean;
  /** The accounts configured now: the ledger can still hold entries of one removed in another window. */
  readonly accountIds: ReadonlySet<string>;
}

/** What the ledger knows about a paste before any vendor is asked. */
export interface LedgerMatches {
  /** Entries the paste names by TaskId (or the one snapshot with its RequestId): one opens, several are picked from. */
  readonly known: readonly LedgerEntry[];
  /** When nothing is known by id: the newest task of the room or stream the paste names. */
  readonly newestInRoom?: LedgerEntry;
}

/**
 * One pass over the ledger. A TaskId's entries are narrowed to the product the paste names when
 * any of them is of it (the same id can exist under two accounts, or two products); a RequestId
 * finds the snapshot that carried it. Failing both, the room or stream the paste names (a bare id
 * counts as one) gives its newest task of that product.
 */
export function ledgerMatches(entries: Iterable<LedgerEntry>, query: LedgerQuery): LedgerMatches {
  const ofProduct = (e: LedgerEntry): boolean => query.product === undefined || e.product === query.product;
  const room = query.taskId === undefined ? query.room : query.bare ? query.taskId : undefined;
  const sameId: LedgerEntry[] = [];
  let byRequest: LedgerEntry | undefined;
  let newestInRoom: LedgerEntry | undefined;
  for (const e of entries) {
    if (!query.accountIds.has(e.accountId)) continue;
    if (query.taskId !== undefined && e.taskId === query.taskId) sameId.push(e);
    if (query.taskId === undefined && query.requestId !== undefined && byRequest === undefined && e.task.requestId === query.requestId) byRequest = e;
    if (room !== undefined && e.task.room === room && ofProduct(e) && (!newestInRoom || byNewest(e, newestInRoom) < 0)) newestInRoom = e;
  }
  const known = sameId.some(ofProduct) ? sameId.filter(ofProduct) : byRequest ? [byRequest] : sameId;
  return known.length > 0 ? { known } : { known, ...(newestInRoom ? { newestInRoom } : {}) };
}
