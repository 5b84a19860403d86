/** Which accounts and products could own a pasted task id (Look Up Task by ID…). Pure. */
import { accountProducts, type Account } from '../model/account';
import type { Product } from '../model/task';

export interface LookupCandidate {
  readonly accountId: string;
  readonly product: Product;
}

/** ZEGO task ids are 16-character strings; GME ids are u64 decimals; TRTC and CSS ids are long opaque strings. */
export function lookupCandidates(accounts: readonly Account[], taskId: string): LookupCandidate[] {
  const id = taskId.trim();
  const digits = /^\d+$/.test(id);
  const out: LookupCandidate[] = [];
  for (const account of accounts) {
    for (const product of accountProducts(account)) {
      // GME answers per room, never per task id: a GME id is only found in the ledger.
      if (product === 'gme') continue;
      if (product === 'zego-recording' && id.length !== 16) continue;
      if (product !== 'zego-recording' && digits) continue;
      out.push({ accountId: account.id, product });
    }
  }
  return out;
}

/** Whether an id looks like GME's (a u64 in decimal), which only a pinned room can find. */
export function looksLikeGmeTaskId(taskId: string): boolean {
  return /^\d{1,20}$/.test(taskId.trim());
}
