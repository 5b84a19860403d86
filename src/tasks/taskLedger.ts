/**
 * The `TaskStore` the UI shares: the ledger in memory, persisted through `LedgerFile`, refreshed
 * through `TaskSource`s. No `vscode` import, so it runs under plain mocha and in the extension alike.
 */
import { Emitter } from '../model/events';
import { isMediaApiError } from '../model/errors';
import { mergeFiles, mediaFiles, unresolvedVodFileIds } from '../model/files';
import type { LedgerEntry } from '../model/ledgerEntry';
import { markEnded, observe, placeholderTask, withError, type LedgerDocument, type PinnedRoom } from '../model/ledger';
import type { Logger } from '../model/logger';
import { PRODUCT_VENDOR, isTerminal, taskKeyString, type Product, type StorageFile, type Task, type TaskKey } from '../model/task';
import type { ListingSource, TaskSource } from '../model/taskSource';
import type { TaskStore } from '../model/taskStore';
import { asMediaApiError, notListed } from './apiErrors';
import type { LedgerFile, LedgerLoad } from './ledgerFile';
import { listingEndMs, listingStartMs } from './listingWindow';

/** Finds the source for an account's product; rejects with `MediaApiError` (e.g. missing credentials). */
export type SourceLookup = (accountId: string, product: Product) => Promise<TaskSource>;

/** How far before a listed task's start a re-listing looks, to be sure the window contains it. */
const RELIST_MARGIN_MS = 60_000;

const roomKey = (r: Pick<PinnedRoom, 'accountId' | 'product' | 'room'>): string => `${r.accountId}/${r.product}/${r.room}`;

export class TaskLedger implements TaskStore {
  private readonly entries = new Map<string, LedgerEntry>();
  private readonly rooms = new Map<string, PinnedRoom>();
  private readonly changed = new Emitter<readonly TaskKey[]>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly file: LedgerFile,
    private readonly sourceFor: SourceLookup,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads the file into memory; entries recorded before the load finished win over the file's. */
  async load(): Promise<LedgerLoad> {
    const loaded = await this.file.load();
    for (const entry of loaded.doc.tasks) {
      const key = taskKeyString(entry);
      if (!this.entries.has(key)) this.entries.set(key, entry);
    }
    for (const room of loaded.doc.rooms) this.rooms.set(roomKey(room), room);
    // A backed-up file is rewritten with what could be read, so the warning is not repeated.
    if (loaded.backupPath) this.save();
    this.changed.fire(loaded.doc.tasks);
    return loaded;
  }

  get(key: TaskKey): LedgerEntry | undefined {
    return this.entries.get(taskKeyString(key));
  }

  all(): readonly LedgerEntry[] {
    return [...this.entries.values()];
  }

  running(): readonly LedgerEntry[] {
    return this.all().filter((e) => !isTerminal(e.task.status));
  }

  /** Entries of one account, optionally of one product. */
  entriesOf(accountId: string, product?: Product): LedgerEntry[] {
    return this.all().filter((e) => e.accountId === accountId && (product === undefined || e.product === product));
  }

  /** Records snapshots from a listing or a lookup; `pin` marks them as the user's own. */
  record(tasks: readonly Task[], pin = false): LedgerEntry[] {
    const now = this.now();
    const updated = tasks.map((task) => {
      const entry = observe(this.get(task), task, now, pin);
      this.entries.set(taskKeyString(task), entry);
      return entry;
    });
    if (updated.length > 0) this.commit(updated);
    return updated;
  }

  /** Pins a task by id before the vendor has answered for it (Track Task…). */
  track(key: TaskKey, appId: string, room: string): LedgerEntry {
    const existing = this.get(key);
    if (existing) {
      const entry: LedgerEntry = { ...existing, pinned: true, task: room ? { ...existing.task, room } : existing.task };
      this.entries.set(taskKeyString(key), entry);
      this.commit([entry]);
      return entry;
    }
    const now = this.now();
    const task = placeholderTask(key, PRODUCT_VENDOR[key.product], appId, room, now);
    const entry: LedgerEntry = { ...key, task, firstSeen: now, lastSeen: now, history: [], pinned: true };
    this.entries.set(taskKeyString(key), entry);
    this.commit([entry]);
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
          entry = prev && source.describeFiles ? await this.refreshByFileApi(key, prev, source, signal) : await this.refreshFromListing(key, prev, source, signal);
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
    const changed: LedgerEntry[] = [];
    for (const entry of this.entriesOf(accountId, product)) {
      if (entry.task.room !== room || entry.taskId === current?.taskId || isTerminal(entry.task.status)) continue;
      const ended = markEnded(entry, 'NotCurrent', now);
      this.entries.set(taskKeyString(entry), ended);
      changed.push(ended);
    }
    if (current) changed.push(...this.record([current]));
    else if (changed.length > 0) this.commit(changed);
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
    if (this.entries.delete(taskKeyString(key))) this.commit([key]);
  }

  pinnedRooms(accountId: string, product: Product): PinnedRoom[] {
    return [...this.rooms.values()].filter((r) => r.accountId === accountId && r.product === product);
  }

  pinRoom(accountId: string, product: Product, room: string): void {
    const pinned: PinnedRoom = { accountId, product, room, addedAt: this.now() };
    if (this.rooms.has(roomKey(pinned))) return;
    this.rooms.set(roomKey(pinned), pinned);
    this.commit([]);
  }

  /** Unpins a room and forgets the tasks recorded in it (they are only reachable through the room). */
  unpinRoom(accountId: string, product: Product, room: string): void {
    this.rooms.delete(roomKey({ accountId, product, room }));
    const forgotten = this.entriesOf(accountId, product).filter((e) => e.task.room === room);
    for (const entry of forgotten) this.entries.delete(taskKeyString(entry));
    this.commit(forgotten);
  }

  /** Forgets everything about an account (Remove Account). */
  removeAccount(accountId: string): void {
    const forgotten = this.entriesOf(accountId);
    for (const entry of forgotten) this.entries.delete(taskKeyString(entry));
    for (const [key, room] of this.rooms) if (room.accountId === accountId) this.rooms.delete(key);
    this.commit(forgotten);
  }

  document(): LedgerDocument {
    return { version: 1, tasks: this.all(), rooms: [...this.rooms.values()] };
  }

  /** Writes pending changes now. */
  flush(): Promise<void> {
    return this.file.flush();
  }

  dispose(): void {
    this.changed.dispose();
  }

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

  private async refreshFromListing(key: TaskKey, prev: LedgerEntry | undefined, source: ListingSource, signal?: AbortSignal): Promise<LedgerEntry> {
    const now = this.now();
    const since = (prev?.task.startedAt ?? prev?.firstSeen ?? now) - RELIST_MARGIN_MS;
    const query = { startMs: Math.max(listingStartMs(source, now, Number.POSITIVE_INFINITY), since), endMs: listingEndMs(source, now), room: prev?.task.room || undefined, statuses: 'all' as const };
    for await (const page of source.list(query, signal)) {
      const match = page.find((t) => t.taskId === key.taskId);
      if (match) return this.recordRefreshed(prev, match);
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

  private setEntry(entry: LedgerEntry): void {
    this.entries.set(taskKeyString(entry), entry);
    this.commit([entry]);
  }

  private commit(keys: readonly TaskKey[]): void {
    this.save();
    this.changed.fire(keys);
  }

  private save(): void {
    this.file.scheduleSave(() => this.document());
  }
}
