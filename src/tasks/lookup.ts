/** Which accounts and products could own a pasted task id (Look Up Task by ID…). Pure. */
import { accountProducts, type Account } from '../model/account';
import { traitsOf } from '../model/productTraits';
import type { Product } from '../model/task';

export interface LookupCandidate {
  readonly accountId: string;
  readonly product: Product;
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
