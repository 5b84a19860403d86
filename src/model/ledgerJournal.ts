/**
 * The ledger on disk as a journal: one JSON record per line, appended as things change, folded
 * into the ledger on load. A later line never silently overwrites an earlier one: entries merge
 * (two windows may have observed the same task), forgets and unpins are tombstones with a time.
 * Pure: no I/O, no `vscode`.
 */
import { unitedCallbacks } from './callbackLedger';
import { mergeFiles } from './files';
import type { LedgerEntry, StatusTransition } from './ledgerEntry';
import { MAX_HISTORY, readEntry, readRoom, type LedgerDocument, type PinnedRoom } from './ledger';
import { LedgerIndex } from './ledgerIndex';
import { PRODUCTS, taskKeyString, type Product, type TaskKey } from './task';

/** The first line of a journal written whole (compacted). */
export const JOURNAL_HEADER = '{"journal":2}';

export type JournalRecord =
  | { readonly entry: LedgerEntry }
  | { readonly forget: TaskKey; readonly at: number }
  | { readonly room: PinnedRoom }
  | { readonly unpin: Omit<PinnedRoom, 'addedAt'>; readonly at: number };

export const roomKeyString = (r: Pick<PinnedRoom, 'accountId' | 'product' | 'room'>): string => `${r.accountId}/${r.product}/${r.room}`;

export function journalLine(record: JournalRecord): string {
  return `${JSON.stringify(record)}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const PRODUCT_SET: ReadonlySet<string> = new Set(PRODUCTS);

function readKey(v: unknown): TaskKey | undefined {
  if (!isObject(v) || typeof v.accountId !== 'string' || typeof v.product !== 'string' || !PRODUCT_SET.has(v.product) || typeof v.taskId !== 'string')
    return undefined;
  return { accountId: v.accountId, product: v.product as Product, taskId: v.taskId };
}

/** One line back into a record; `undefined` when it is not one (a torn last line, a foreign edit). */
export function readJournalLine(line: string): JournalRecord | 'header' | undefined {
  if (line === JOURNAL_HEADER) return 'header';
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(raw)) return undefined;
  const at = typeof raw.at === 'number' && Number.isFinite(raw.at) ? raw.at : undefined;
  if ('entry' in raw) {
    const entry = readEntry(raw.entry);
    return entry && { entry };
  }
  if ('forget' in raw) {
    const key = readKey(raw.forget);
    return key && at !== undefined ? { forget: key, at } : undefined;
  }
  if ('room' in raw) {
    const room = readRoom(raw.room);
    return room && { room };
  }
  if ('unpin' in raw) {
    const room = readRoom({ ...(isObject(raw.unpin) ? raw.unpin : {}), addedAt: 0 });
    return room && at !== undefined ? { unpin: { accountId: room.accountId, product: room.product, room: room.room }, at } : undefined;
  }
  return undefined;
}

const transitionId = (t: StatusTransition): string => `${t.at}\u0000${t.status}\u0000${t.rawStatus}`;

/** Both histories, in time order, each transition once, a repeated status collapsed, capped like `observe`. */
export function unitedHistory(a: readonly StatusTransition[], b: readonly StatusTransition[]): readonly StatusTransition[] {
  if (b.length === 0 || a === b) return a;
  if (a.length === 0) return b;
  const byId = new Map<string, StatusTransition>();
  for (const t of [...a, ...b]) byId.set(transitionId(t), t);
  const sorted = [...byId.values()].sort((x, y) => x.at - y.at);
  const out: StatusTransition[] = [];
  for (const t of sorted) {
    const last = out[out.length - 1];
    if (last && last.status === t.status && last.rawStatus === t.rawStatus) continue;
    out.push(t);
  }
  return out.length > MAX_HISTORY ? [out[0], ...out.slice(out.length - MAX_HISTORY + 1)] : out;
}

/**
 * Two observations of one task (two windows, or memory and disk): the newest snapshot wins, the
 * status histories are united, the first sighting is the earliest, a pin on either side stays.
 */
export function mergeEntries(a: LedgerEntry, b: LedgerEntry): LedgerEntry {
  const newer = b.lastSeen > a.lastSeen || (b.lastSeen === a.lastSeen && b.task.observedAt > a.task.observedAt) ? b : a;
  const older = newer === a ? b : a;
  return {
    ...newer,
    task: { ...newer.task, files: mergeFiles(older.task.files, newer.task.files) },
    firstSeen: Math.min(a.firstSeen, b.firstSeen),
    history: unitedHistory(older.history, newer.history),
    pinned: a.pinned || b.pinned,
    ...(a.callbacks || b.callbacks ? { callbacks: unitedCallbacks(older.callbacks, newer.callbacks) } : {}),
  };
}

/** Whether two entries say the same thing (so folding a line back in changes nothing). */
export function sameEntry(a: LedgerEntry, b: LedgerEntry): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** A change a record made: the task or room it touched (by key string), and whether anything changed. */
export interface Applied {
  readonly task?: TaskKey;
  readonly room?: Omit<PinnedRoom, 'addedAt'>;
  readonly changed: boolean;
}

/**
 * The ledger's state: entries (indexed), pinned rooms and the tombstones of forgets and unpins.
 * Journal lines fold into it in any order and from any number of writers: entries merge, a forget
 * removes what was last seen before it and keeps it out, an unpin likewise.
 */
export class LedgerState {
  readonly index = new LedgerIndex();
  readonly rooms = new Map<string, PinnedRoom>();
  /** When each key was forgotten; an entry last seen after that is a new sighting and comes back. */
  readonly forgotten = new Map<string, { readonly key: TaskKey; readonly at: number }>();
  readonly unpinned = new Map<string, { readonly room: Omit<PinnedRoom, 'addedAt'>; readonly at: number }>();

  apply(record: JournalRecord): Applied {
    if ('entry' in record) {
      const { entry } = record;
      const id = taskKeyString(entry);
      if ((this.forgotten.get(id)?.at ?? -Infinity) >= entry.lastSeen) return { task: entry, changed: false };
      const prev = this.index.get(id);
      const next = prev ? mergeEntries(prev, entry) : entry;
      if (prev && sameEntry(prev, next)) return { task: entry, changed: false };
      this.index.set(next);
      return { task: entry, changed: true };
    }
    if ('forget' in record) return { task: record.forget, changed: this.forget(record.forget, record.at) };
    if ('room' in record) {
      const id = roomKeyString(record.room);
      if ((this.unpinned.get(id)?.at ?? -Infinity) >= record.room.addedAt || this.rooms.has(id)) return { room: record.room, changed: false };
      this.rooms.set(id, record.room);
      return { room: record.room, changed: true };
    }
    return { room: record.unpin, changed: this.unpin(record.unpin, record.at) };
  }

  /** Forgets a task as of `at`; true when an entry went. */
  forget(key: TaskKey, at: number): boolean {
    const id = taskKeyString(key);
    if ((this.forgotten.get(id)?.at ?? -Infinity) < at)
      this.forgotten.set(id, { key: { accountId: key.accountId, product: key.product, taskId: key.taskId }, at });
    const prev = this.index.get(id);
    if (!prev || prev.lastSeen > at) return false;
    this.index.delete(prev);
    return true;
  }

  /** Unpins a room as of `at`; true when it was pinned. */
  unpin(room: Omit<PinnedRoom, 'addedAt'>, at: number): boolean {
    const id = roomKeyString(room);
    if ((this.unpinned.get(id)?.at ?? -Infinity) < at)
      this.unpinned.set(id, { room: { accountId: room.accountId, product: room.product, room: room.room }, at });
    const prev = this.rooms.get(id);
    if (!prev || prev.addedAt > at) return false;
    this.rooms.delete(id);
    return true;
  }

  /** Tombstones older than `before` can no longer meet a stale line (every window has caught up): drop them. */
  dropTombstones(before: number): void {
    for (const [id, t] of this.forgotten) if (t.at < before) this.forgotten.delete(id);
    for (const [id, t] of this.unpinned) if (t.at < before) this.unpinned.delete(id);
  }

  /** Every record needed to rebuild this state, for a compacted journal. */
  *records(): IterableIterator<JournalRecord> {
    for (const entry of this.index.values()) yield { entry };
    for (const room of this.rooms.values()) yield { room };
    for (const { key, at } of this.forgotten.values()) yield { forget: key, at };
    for (const { room, at } of this.unpinned.values()) yield { unpin: room, at };
  }

  document(): LedgerDocument {
    return { version: 1, tasks: [...this.index.values()], rooms: [...this.rooms.values()] };
  }
}
