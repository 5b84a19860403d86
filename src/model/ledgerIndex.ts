/**
 * The ledger indexed the way its readers ask: by account, product and room (the tree's levels),
 * plus the non-terminal entries (status bar, poller) and the pinned ones (poller). Kept up to date
 * entry by entry, so a reader costs what it reads, never a copy of the whole ledger. Pure.
 */
import { entryStartMs, type LedgerEntry } from './ledgerEntry';
import { isTerminal, taskKeyString, type Product, type TaskKey } from './task';

/** One room (or stream) of an account's product, as the index knows it. */
export interface IndexedRoom {
  readonly room: string;
  /** Entries recorded in it, keyed by `taskKeyString`. */
  readonly entries: ReadonlyMap<string, LedgerEntry>;
}

/** One room of an account's product in brief: what a room row is sorted and grouped by. */
export interface RoomSummary {
  readonly room: string;
  /** The newest start among its entries (ms). */
  readonly newestStartMs: number;
  readonly size: number;
}

/** Where an entry sits in the tree: what a change to it invalidates. */
export interface LedgerScope {
  readonly accountId: string;
  readonly product: Product;
  readonly room: string;
}

const scopeKey = (accountId: string, product: Product): string => `${accountId}\u0000${product}`;
const roomKey = (entry: LedgerEntry): string => `${scopeKey(entry.accountId, entry.product)}\u0000${entry.task.room}`;

/** Shared by every index, so two indexes never report the same revision. */
let lastRevision = 0;

export class LedgerIndex {
  private readonly byKey = new Map<string, LedgerEntry>();
  /** account+product → room → key → entry. */
  private readonly scopes = new Map<string, Map<string, Map<string, LedgerEntry>>>();
  private readonly active = new Map<string, LedgerEntry>();
  private readonly pins = new Map<string, LedgerEntry>();
  /**
   * Each room's newest start, kept as entries arrive; dropped when a removal or an earlier start
   * may have lowered it, and found again by the next reader (removals are rare, arrivals are not).
   */
  private readonly newest = new Map<string, number>();
  /** Each room's revision: the index's revision at the room's last change (a reader re-reads only changed rooms). */
  private readonly roomChanges = new Map<string, number>();
  private changes = ++lastRevision;

  /** Changes with every set and delete: what a reader caches is still right while it stays the same. */
  get revision(): number {
    return this.changes;
  }

  get size(): number {
    return this.byKey.size;
  }

  get(key: TaskKey | string): LedgerEntry | undefined {
    return this.byKey.get(typeof key === 'string' ? key : taskKeyString(key));
  }

  values(): IterableIterator<LedgerEntry> {
    return this.byKey.values();
  }

  /**
   * Puts `entry` in place of the one under its key. Returns the scopes the change touched: its
   * room, and its old room when the entry moved.
   */
  set(entry: LedgerEntry): LedgerScope[] {
    const key = taskKeyString(entry);
    const prev = this.byKey.get(key);
    const touched: LedgerScope[] = [];
    this.changes = ++lastRevision;
    if (prev && prev.task.room !== entry.task.room) touched.push(...this.unlink(key, prev));
    this.byKey.set(key, entry);
    let rooms = this.scopes.get(scopeKey(entry.accountId, entry.product));
    if (!rooms) this.scopes.set(scopeKey(entry.accountId, entry.product), (rooms = new Map()));
    let room = rooms.get(entry.task.room);
    if (!room) rooms.set(entry.task.room, (room = new Map()));
    room.set(key, entry);
    this.roomChanges.set(roomKey(entry), this.changes);
    this.noteStart(entry, prev && prev.task.room === entry.task.room ? prev : undefined, room.size);
    if (isTerminal(entry.task.status)) this.active.delete(key);
    else this.active.set(key, entry);
    if (entry.pinned) this.pins.set(key, entry);
    else this.pins.delete(key);
    touched.push({ accountId: entry.accountId, product: entry.product, room: entry.task.room });
    return touched;
  }

  /** Removes the entry under `key`; returns the scope it left, if it was there. */
  delete(key: TaskKey): LedgerScope[] {
    const id = taskKeyString(key);
    const prev = this.byKey.get(id);
    if (!prev) return [];
    this.changes = ++lastRevision;
    this.byKey.delete(id);
    return this.unlink(id, prev);
  }

  /** Entries of one account, optionally of one product, without copying the others. */
  entriesOf(accountId: string, product?: Product): LedgerEntry[] {
    // Pushed into one array, not yielded: a generator cost several times more per entry at 100,000.
    const out: LedgerEntry[] = [];
    const add = (rooms: ReadonlyMap<string, ReadonlyMap<string, LedgerEntry>>): void => {
      for (const room of rooms.values()) for (const entry of room.values()) out.push(entry);
    };
    if (product !== undefined) {
      const rooms = this.scopes.get(scopeKey(accountId, product));
      if (rooms) add(rooms);
      return out;
    }
    for (const [scope, rooms] of this.scopes) if (scope.startsWith(`${accountId}\u0000`)) add(rooms);
    return out;
  }

  /** The rooms of an account's product that hold at least one entry. */
  rooms(accountId: string, product: Product): IndexedRoom[] {
    const rooms = this.scopes.get(scopeKey(accountId, product));
    return rooms ? [...rooms].map(([room, entries]) => ({ room, entries })) : [];
  }

  /**
   * Changes with every change to the room's entries, and differs between any two states of any room
   * of any index: a reader's cache of one room is right while it stays the same.
   */
  roomRevision(accountId: string, product: Product, room: string): number | undefined {
    return this.roomChanges.get(`${scopeKey(accountId, product)}\u0000${room}`);
  }

  /** Entries recorded in one room of an account's product. */
  roomEntries(accountId: string, product: Product, room: string): LedgerEntry[] {
    const entries = this.scopes.get(scopeKey(accountId, product))?.get(room);
    return entries ? [...entries.values()] : [];
  }

  /** Every room of an account's product in brief, without a pass over its entries. */
  roomSummaries(accountId: string, product: Product): RoomSummary[] {
    const key = scopeKey(accountId, product);
    const out: RoomSummary[] = [];
    for (const [room, entries] of this.scopes.get(key) ?? []) {
      let newestStartMs = this.newest.get(`${key}\u0000${room}`);
      if (newestStartMs === undefined) {
        newestStartMs = Number.NEGATIVE_INFINITY;
        for (const entry of entries.values()) newestStartMs = Math.max(newestStartMs, entryStartMs(entry));
        this.newest.set(`${key}\u0000${room}`, newestStartMs);
      }
      out.push({ room, newestStartMs, size: entries.size });
    }
    return out;
  }

  /** How many entries an account's product holds. */
  countOf(accountId: string, product: Product): number {
    let n = 0;
    for (const room of this.scopes.get(scopeKey(accountId, product))?.values() ?? []) n += room.size;
    return n;
  }

  /** Entries whose last known status is not terminal. */
  running(): LedgerEntry[] {
    return [...this.active.values()];
  }

  pinned(): LedgerEntry[] {
    return [...this.pins.values()];
  }

  /** Keeps the room's newest start with `entry` in it (`replaced`: the entry it took the place of there). */
  private noteStart(entry: LedgerEntry, replaced: LedgerEntry | undefined, roomSize: number): void {
    const key = roomKey(entry);
    const start = entryStartMs(entry);
    const known = this.newest.get(key);
    if (replaced && entryStartMs(replaced) === known && start < known) this.newest.delete(key);
    else if (known !== undefined) this.newest.set(key, Math.max(known, start));
    else if (roomSize === 1) this.newest.set(key, start);
  }

  private unlink(id: string, prev: LedgerEntry): LedgerScope[] {
    const rooms = this.scopes.get(scopeKey(prev.accountId, prev.product));
    const room = rooms?.get(prev.task.room);
    room?.delete(id);
    this.roomChanges.set(roomKey(prev), this.changes);
    if (!room || room.size === 0 || this.newest.get(roomKey(prev)) === entryStartMs(prev)) this.newest.delete(roomKey(prev));
    if (room && room.size === 0) {
      rooms!.delete(prev.task.room);
      this.roomChanges.delete(roomKey(prev));
    }
    if (rooms && rooms.size === 0) this.scopes.delete(scopeKey(prev.accountId, prev.product));
    this.active.delete(id);
    this.pins.delete(id);
    return [{ accountId: prev.accountId, product: prev.product, room: prev.task.room }];
  }
}
