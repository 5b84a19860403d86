/**
 * The `TaskStore` the UI shares: the ledger in memory (indexed by account, product and room),
 * persisted as a journal through `LedgerFile`, merged with what other windows write to it, and
 * refreshed through `TaskSource`s. No `vscode` import, so it runs under plain mocha and in the
 * extension alike.
 */
import type { CallbackEvent, CallbackSource } from '../model/callback';
import { recordCallback, type CallbackOutcome } from '../model/callbackLedger';
import { Emitter } from '../model/events';
import { isMediaApiError } from '../model/errors';
import { mergeFiles, mediaFiles, unresolvedVodFileIds } from '../model/files';
import type { LedgerEntry } from '../model/ledgerEntry';
import type { IndexedRoom, LedgerScope, RoomSummary } from '../model/ledgerIndex';
import { LedgerState, roomKeyString, type JournalRecord } from '../model/ledgerJournal';
import { markEnded, observe, placeholderTask, withError, type LedgerDocument, type PinnedRoom } from '../model/ledger';
import { expiredEntries, type RetentionPolicy } from '../model/retention';
import type { Logger } from '../model/logger';
import { PRODUCT_VENDOR, isTerminal, taskKeyString, type Product, type StorageFile, type Task, type TaskKey } from '../model/task';
import type { ListingSource, TaskSource } from '../model/taskSource';
import type { TaskStore } from '../model/taskStore';
import { asMediaApiError, notListed } from './apiErrors';
import type { ForeignRecords, JournalWriter, LedgerFile } from './ledgerFile';
import { RELIST_MARGIN_MS, knownTaskWindow, listingEndMs, listingStartMs } from './listingWindow';

/** Finds the source for an account's product; rejects with `MediaApiError` (e.g. missing credentials). */
export type SourceLookup = (accountId: string, product: Product) => Promise<TaskSource>;

const DAY_MS = 86_400_000;
/** How often retention runs after the load. */
const PRUNE_EVERY_MS = 3_600_000;
/** How long a forget or unpin is remembered, so a stale line from another window cannot bring it back. */
const TOMBSTONE_DAYS = 30;
/** Records applied between two turns of the event loop while loading. */
const RECORDS_PER_TURN = 2_000;

export interface TaskLedgerOptions {
  /** Retention, read each time it runs (a setting). Absent: keep everything. */
  readonly retention?: () => RetentionPolicy;
}

/** Whether two snapshots of a task differ in more than when they were taken (what is worth a write). */
function changedBeyondTime(prev: LedgerEntry | undefined, next: LedgerEntry): boolean {
  if (!prev) return true;
  if (prev.pinned !== next.pinned || prev.history.length !== next.history.length || prev.lastError !== next.lastError) return true;
  const { observedAt: _a, requestId: _b, ...before } = prev.task;
  const { observedAt: _c, requestId: _d, ...after } = next.task;
  return JSON.stringify(before) !== JSON.stringify(after);
}

export class TaskLedger implements TaskStore, JournalWriter {
  private readonly state = new LedgerState();
  /** What the next save writes, by record key (`t:` task, `r:` room). */
  private readonly pending = new Map<string, () => JournalRecord | undefined>();
  /** Entries re-observed with nothing new but the time: written along with the next save, not alone. */
  private readonly touched = new Set<string>();
  private readonly changed = new Emitter<readonly TaskKey[]>();
  private readonly scopes = new Emitter<readonly LedgerScope[]>();
  /** Changes announced so far (part of `revision`). */
  private emitted = 0;
  private pruneTimer: NodeJS.Timeout | undefined;
  private readonly fileSubscription;
  readonly onDidChange = this.changed.event;
  /** Fires with the rooms (account, product, room) whose entries changed, once each per change. */
  readonly onDidChangeRooms = this.scopes.event;

  constructor(
    private readonly file: LedgerFile,
    private readonly sourceFor: SourceLookup,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    private readonly options: TaskLedgerOptions = {},
  ) {
    this.fileSubscription = file.onDidReadForeign((foreign) => this.applyForeign(foreign));
  }

  /**
   * Reads the journal into memory in chunks (entries recorded before the load finished merge with
   * the file's), applies retention, then follows what other windows write.
   */
  async load(): Promise<LedgerDocument & { readonly backupPath?: string; readonly problems: readonly string[] }> {
    const loaded = await this.file.load();
    const keys: TaskKey[] = [];
    // The rooms to announce are gathered batch by batch too: at 100,000 entries, in one go, they blocked for 0.4 s.
    const scopes = new Map<string, LedgerScope>();
    for (let i = 0; i < loaded.records.length; i++) {
      const applied = this.state.apply(loaded.records[i]);
      if (applied.task && applied.changed) {
        keys.push(applied.task);
        this.addScope(scopes, applied.task);
      }
      if (i % RECORDS_PER_TURN === RECORDS_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    this.prune();
    this.pruneTimer = setInterval(() => this.prune(), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
    // A legacy, damaged or overgrown file is rewritten with what could be read, so a warning is not repeated.
    if (loaded.needsCompaction) void this.file.compact(this);
    this.file.watch();
    this.emit(keys, scopes);
    return { ...this.document(), backupPath: loaded.backupPath, problems: loaded.problems };
  }

  get(key: TaskKey): LedgerEntry | undefined {
    return this.state.index.get(key);
  }

  all(): readonly LedgerEntry[] {
    return [...this.state.index.values()];
  }

  running(): readonly LedgerEntry[] {
    return this.state.index.running();
  }

  pinned(): readonly LedgerEntry[] {
    return this.state.index.pinned();
  }

  /** Entries of one account, optionally of one product (read from the index, not the whole ledger). */
  entriesOf(accountId: string, product?: Product): LedgerEntry[] {
    return this.state.index.entriesOf(accountId, product);
  }

  /** The rooms of an account's product that hold entries, each with its entries. */
  rooms(accountId: string, product: Product): IndexedRoom[] {
    return this.state.index.rooms(accountId, product);
  }

  /**
   * Changes whenever an entry or a pinned room does (an entry's index revision, and each change
   * announced): a reader's cache keyed by it is never stale.
   */
  get revision(): string {
    return `${this.state.index.revision}:${this.emitted}`;
  }

  /** Every room of an account's product in brief (newest start, size), without a pass over its entries. */
  roomSummaries(accountId: string, product: Product): RoomSummary[] {
    return this.state.index.roomSummaries(accountId, product);
  }

  /** Entries recorded in one room of an account's product. */
  roomEntries(accountId: string, product: Product, room: string): LedgerEntry[] {
    return this.state.index.roomEntries(accountId, product, room);
  }

  /** Changes whenever one room's entries do (see `LedgerIndex.roomRevision`). */
  roomRevision(accountId: string, product: Product, room: string): number | undefined {
    return this.state.index.roomRevision(accountId, product, room);
  }

  /** How many entries an account's product holds. */
  countOf(accountId: string, product: Product): number {
    return this.state.index.countOf(accountId, product);
  }

  /** Records snapshots from a listing or a lookup; `pin` marks them as the user's own. */
  record(tasks: readonly Task[], pin = false): LedgerEntry[] {
    const now = this.now();
    const updated = tasks.map((task) => {
      const prev = this.get(task);
      const entry = observe(prev, task, now, pin);
      this.put(entry, changedBeyondTime(prev, entry));
      return entry;
    });
    this.commit(updated);
    return updated;
  }

  /**
   * Records a verified callback for `accountId`'s task: at once in memory, the tree and open panels
   * (`onDidChange`), then on disk. A repeat of a recorded event changes nothing; see `recordCallback`
   * for why a late or out-of-order one never moves the task backwards.
   */
  recordCallback(accountId: string, event: CallbackEvent, source: CallbackSource): CallbackOutcome {
    const prev = this.get({ accountId, product: event.product, taskId: event.taskId });
    const outcome = recordCallback(prev, accountId, event, source, this.now());
    if (!outcome.duplicate) this.setEntry(outcome.entry);
    return outcome;
  }

  /** Pins a task by id before the vendor has answered for it (Track Task…). */
  track(key: TaskKey, appId: string, room: string): LedgerEntry {
    const existing = this.get(key);
    if (existing) {
      const entry: LedgerEntry = { ...existing, pinned: true, task: room ? { ...existing.task, room } : existing.task };
      this.setEntry(entry);
      return entry;
    }
    const now = this.now();
    const task = placeholderTask(key, PRODUCT_VENDOR[key.product], appId, room, now);
    const entry: LedgerEntry = { ...key, task, firstSeen: now, lastSeen: now, history: [], pinned: true };
    this.setEntry(entry);
    return entry;
  }

  async refresh(key: TaskKey, signal?: AbortSignal): Promise<LedgerEntry> {
    const prev = this.get(key);
    const vendor = PRODUCT_VENDOR[key.product];
    try {
      const source = await this.sourceFor(key.accountId, key.product);
      let entry: LedgerEntry;
      switch (source.kind) {
        case 'byTaskId':
          entry = await this.refreshById(key, prev, source.describeTask(key.taskId, prev?.task.room ?? '', signal));
          break;
        case 'byRoom': {
          const room = prev?.task.room ?? '';
          await this.recordRoom(key.accountId, key.product, room, await source.describeRoom(room, signal));
          const found = this.get(key);
          if (!found) throw notListed(vendor, 'DescribeTaskInfo', key.taskId);
          entry = await this.withFiles(source, found, signal);
          break;
        }
        case 'listing':
          entry =
            prev && source.describeFiles ? await this.refreshByFileApi(key, prev, source, signal) : await this.refreshFromListing(key, prev, source, signal);
          break;
      }
      return await this.withMedia(source, entry, signal);
    } catch (err) {
      const error = asMediaApiError(err, vendor, 'refresh');
      this.logger.debug(`[ledger] refresh ${taskKeyString(key)} failed: ${error.summary()}`);
      if (prev && this.get(key) && error.kind !== 'cancelled') this.setEntry(withError(prev, error.summary()));
      throw error;
    }
  }

  /** Records GME's answer for a room: its current task, and that any other task seen there has ended. */
  async recordRoom(accountId: string, product: Product, room: string, current: Task | undefined): Promise<void> {
    const now = this.now();
    const ended: LedgerEntry[] = [];
    for (const entry of this.roomEntries(accountId, product, room)) {
      if (entry.taskId === current?.taskId || isTerminal(entry.task.status)) continue;
      const next = markEnded(entry, 'NotCurrent', now);
      this.put(next, true);
      ended.push(next);
    }
    if (current) this.record([current]);
    this.commit(ended);
  }

  /** Marks a task ended because its vendor stopped answering for it (TRTC `taskEnded`/`notFound`). */
  markGone(key: TaskKey, code: string): LedgerEntry | undefined {
    const prev = this.get(key);
    if (!prev) return undefined;
    const entry = markEnded(prev, code, this.now());
    this.setEntry(entry);
    return entry;
  }

  async forget(key: TaskKey): Promise<void> {
    const entry = this.get(key);
    if (!entry) return;
    this.forgetEntries([entry]);
  }

  pinnedRooms(accountId: string, product: Product): PinnedRoom[] {
    return [...this.state.rooms.values()].filter((r) => r.accountId === accountId && r.product === product);
  }

  pinRoom(accountId: string, product: Product, room: string): void {
    const pinned: PinnedRoom = { accountId, product, room, addedAt: this.now() };
    const id = roomKeyString(pinned);
    if (this.state.rooms.has(id)) return;
    this.state.unpinned.delete(id);
    this.state.rooms.set(id, pinned);
    this.pending.set(`r:${id}`, () => ({ room: pinned }));
    this.commit([], [{ accountId, product, room }]);
  }

  /** Unpins a room and forgets the tasks recorded in it (they are only reachable through the room). */
  unpinRoom(accountId: string, product: Product, room: string): void {
    const at = this.now();
    const scope = { accountId, product, room };
    this.state.unpin(scope, at);
    this.pending.set(`r:${roomKeyString(scope)}`, () => ({ unpin: scope, at }));
    this.forgetEntries(this.roomEntries(accountId, product, room), [scope]);
  }

  /** Forgets everything about an account (Remove Account). */
  removeAccount(accountId: string): void {
    const at = this.now();
    const scopes: LedgerScope[] = [];
    for (const room of [...this.state.rooms.values()]) {
      if (room.accountId !== accountId) continue;
      const scope = { accountId, product: room.product, room: room.room };
      this.state.unpin(scope, at);
      this.pending.set(`r:${roomKeyString(scope)}`, () => ({ unpin: scope, at }));
      scopes.push(scope);
    }
    this.forgetEntries(this.entriesOf(accountId), scopes);
  }

  /**
   * Retention: removes ended, unpinned entries past the policy (see `expiredEntries`), as forgets,
   * so another window's older copy cannot bring them back. Returns how many went.
   */
  prune(): number {
    const policy = this.options.retention?.();
    const now = this.now();
    this.state.dropTombstones(now - TOMBSTONE_DAYS * DAY_MS);
    if (!policy) return 0;
    const expired = expiredEntries(this.state.index.values(), this.state.index.size, policy, now);
    if (expired.length > 0) {
      this.logger.info(`[ledger] retention removed ${expired.length} ended, unpinned entries`);
      this.forgetEntries(expired);
    }
    return expired.length;
  }

  document(): LedgerDocument {
    return this.state.document();
  }

  /** Writes pending changes now (deactivation), re-observed times included. */
  flush(): Promise<void> {
    for (const id of this.touched) this.pending.set(`t:${id}`, this.entryRecord(id));
    this.touched.clear();
    this.file.scheduleSave(this);
    return this.file.flush();
  }

  dispose(): void {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    this.fileSubscription.dispose();
    this.file.dispose();
    this.changed.dispose();
    this.scopes.dispose();
  }

  // ---- JournalWriter: what the file asks for ----

  drain(): JournalRecord[] {
    // Re-observed entries ride along with a save that happens anyway.
    for (const id of this.touched) if (!this.pending.has(`t:${id}`)) this.pending.set(`t:${id}`, this.entryRecord(id));
    this.touched.clear();
    const records = [...this.pending.values()].map((record) => record()).filter((r): r is JournalRecord => r !== undefined);
    this.pending.clear();
    return records;
  }

  records(): Iterable<JournalRecord> {
    this.touched.clear();
    this.pending.clear();
    return this.state.records();
  }

  recordCount(): number {
    return this.state.index.size + this.state.rooms.size + this.state.forgotten.size + this.state.unpinned.size;
  }

  // ---- internals ----

  private async refreshById(key: TaskKey, prev: LedgerEntry | undefined, answer: Promise<Task>): Promise<LedgerEntry> {
    try {
      return this.recordRefreshed(prev, await answer);
    } catch (err) {
      // TRTC's per-task queries fail once the task ended: for a task we knew, that is its end.
      if (prev && isMediaApiError(err) && (err.kind === 'taskEnded' || err.kind === 'notFound')) {
        return this.markGone(key, err.code) ?? prev;
      }
      throw err;
    }
  }

  /**
   * Lists the task again: first a narrow window around what the ledger knows of it (a request or
   * two), then, if it was not there (its start was unknown, or it was stopped before its scheduled
   * end), everything from its start on.
   */
  private async refreshFromListing(key: TaskKey, prev: LedgerEntry | undefined, source: ListingSource, signal?: AbortSignal): Promise<LedgerEntry> {
    const now = this.now();
    const room = prev?.task.room || undefined;
    const narrow = prev && knownTaskWindow(source, prev.task, now);
    const statuses = prev && isTerminal(prev.task.status) ? ('ended' as const) : ('all' as const);
    const since = (prev?.task.startedAt ?? prev?.firstSeen ?? now) - RELIST_MARGIN_MS;
    const wide = {
      startMs: Math.max(listingStartMs(source, now, Number.POSITIVE_INFINITY), since),
      endMs: listingEndMs(source, now),
      room,
      statuses: 'all' as const,
    };
    for (const query of narrow ? [{ ...narrow, room, statuses }, wide] : [wide]) {
      for await (const page of source.list(query, signal)) {
        const match = page.find((t) => t.taskId === key.taskId);
        if (match) return this.recordRefreshed(prev, match);
      }
    }
    throw notListed(PRODUCT_VENDOR[key.product], source.product === 'css' ? 'DescribeRecordTask' : 'DescribeTasks', key.taskId);
  }

  /**
   * ZEGO: DescribeRecordStatus answers for one task, files included, so a known task is refreshed by
   * id; past its 3 days it answers "does not exist", and the listing is asked instead.
   */
  private async refreshByFileApi(key: TaskKey, prev: LedgerEntry, source: ListingSource, signal?: AbortSignal): Promise<LedgerEntry> {
    try {
      return this.recordRefreshed(prev, await source.describeFiles!(prev.task, signal));
    } catch (err) {
      if (isMediaApiError(err) && err.kind === 'notFound') return this.refreshFromListing(key, prev, source, signal);
      throw err;
    }
  }

  /** GME: the task's files from DescribeRecordInfo. A failure there keeps the files last seen and never fails the refresh. */
  private async withFiles(source: TaskSource, entry: LedgerEntry, signal?: AbortSignal): Promise<LedgerEntry> {
    if (!source.describeFiles) return entry;
    try {
      return this.recordRefreshed(entry, await source.describeFiles(entry.task, signal));
    } catch (err) {
      const error = asMediaApiError(err, PRODUCT_VENDOR[entry.product], 'files');
      if (error.kind === 'cancelled') throw error;
      this.logger.debug(`[ledger] files of ${taskKeyString(entry)}: ${error.summary()}`);
      return entry;
    }
  }

  /** Files that went to VOD get their URL, size and duration from DescribeMediaInfos, once. */
  private async withMedia(source: TaskSource, entry: LedgerEntry, signal?: AbortSignal): Promise<LedgerEntry> {
    const ids = unresolvedVodFileIds(entry.task.files);
    if (ids.length === 0 || !source.describeMedia) return entry;
    try {
      const answer = await source.describeMedia(ids, signal);
      return this.recordFiles(entry, mediaFiles(entry.task.files, answer.found));
    } catch (err) {
      const error = asMediaApiError(err, PRODUCT_VENDOR[entry.product], 'media');
      if (error.kind === 'cancelled') throw error;
      this.logger.debug(`[ledger] VOD media of ${taskKeyString(entry)}: ${error.summary()}`);
      return entry;
    }
  }

  /** Merges files into an entry without touching its status (file APIs and VOD do not speak for it). */
  private recordFiles(entry: LedgerEntry, files: readonly StorageFile[]): LedgerEntry {
    const current = this.get(entry);
    if (!current || files.length === 0) return current ?? entry;
    const updated: LedgerEntry = { ...current, task: { ...current.task, files: mergeFiles(current.task.files, files) } };
    this.setEntry(updated);
    return updated;
  }

  /**
   * Records a refreshed snapshot, unless the user forgot the task while the vendor was answering
   * (a poll in flight must not bring a forgotten task back).
   */
  private recordRefreshed(prev: LedgerEntry | undefined, task: Task): LedgerEntry {
    if (prev && !this.get(task)) return observe(prev, task, this.now());
    return this.record([task])[0];
  }

  private entryRecord(id: string): () => JournalRecord | undefined {
    return () => {
      const entry = this.state.index.get(id);
      return entry && { entry };
    };
  }

  /** Puts an entry in memory; `worthWriting` queues it for the next save, otherwise it only rides along. */
  private put(entry: LedgerEntry, worthWriting: boolean): void {
    const id = taskKeyString(entry);
    this.state.forgotten.delete(id);
    this.state.index.set(entry);
    if (worthWriting) {
      this.touched.delete(id);
      this.pending.set(`t:${id}`, this.entryRecord(id));
    } else if (!this.pending.has(`t:${id}`)) {
      this.touched.add(id);
    }
  }

  private setEntry(entry: LedgerEntry): void {
    this.put(entry, true);
    this.commit([entry]);
  }

  private forgetEntries(entries: readonly LedgerEntry[], rooms: readonly LedgerScope[] = []): void {
    const at = this.now();
    for (const entry of entries) {
      const key: TaskKey = { accountId: entry.accountId, product: entry.product, taskId: entry.taskId };
      const id = taskKeyString(key);
      this.state.index.delete(key);
      this.state.forgotten.set(id, { key, at });
      this.touched.delete(id);
      this.pending.set(`t:${id}`, () => ({ forget: key, at }));
    }
    this.commit(entries, rooms);
  }

  /** Saves soon and tells listeners; a batch of only re-observed entries is not worth a write. */
  private commit(entries: readonly LedgerEntry[], rooms: readonly LedgerScope[] = []): void {
    if (entries.length === 0 && rooms.length === 0) return;
    if (this.pending.size > 0) this.file.scheduleSave(this);
    this.fire(entries, rooms);
  }

  private fire(keys: readonly TaskKey[], rooms: readonly LedgerScope[] = []): void {
    const scopes = new Map<string, LedgerScope>();
    for (const scope of rooms) scopes.set(roomKeyString(scope), scope);
    for (const key of keys) this.addScope(scopes, key);
    this.emit(keys, scopes);
  }

  /** Adds the room a task's entry is in (the key's own, for a forgotten one that carries it) to `scopes`. */
  private addScope(scopes: Map<string, LedgerScope>, key: TaskKey): void {
    const entry = this.get(key) ?? (key as Partial<LedgerEntry>);
    const room = entry.task?.room;
    if (room !== undefined) scopes.set(roomKeyString({ ...key, room }), { accountId: key.accountId, product: key.product, room });
  }

  private emit(keys: readonly TaskKey[], scopes: ReadonlyMap<string, LedgerScope>): void {
    this.emitted++;
    this.changed.fire(keys);
    if (scopes.size > 0) this.scopes.fire([...scopes.values()]);
  }

  /** Another window's records: merged in; those carried over from a replaced file are written again. */
  private applyForeign({ records, carried }: ForeignRecords): void {
    const keys: TaskKey[] = [];
    const rooms: LedgerScope[] = [];
    for (const record of records) {
      const before = 'entry' in record ? this.get(record.entry) : 'forget' in record ? this.get(record.forget) : undefined;
      const applied = this.state.apply(record);
      if (!applied.changed) continue;
      if (applied.task) {
        // A forgotten entry's room comes from what it was before.
        keys.push(before ?? applied.task);
        if (carried) this.pending.set(`t:${taskKeyString(applied.task)}`, () => record);
      }
      if (applied.room) {
        rooms.push(applied.room);
        if (carried) this.pending.set(`r:${roomKeyString(applied.room)}`, () => record);
      }
    }
    if (keys.length === 0 && rooms.length === 0) return;
    if (carried) this.file.scheduleSave(this);
    this.fire(keys, rooms);
  }
}
