/**
 * The ledger on disk: a journal (`ledger.jsonl`, one JSON record per line) in the extension's global
 * storage folder. A save appends only what changed, in one `O_APPEND` write, so its cost follows the
 * change and two windows appending to the same file both land; a save killed mid-write leaves at
 * most a torn last line, which the next load skips. When the journal has grown to about twice what
 * it holds it is compacted: rewritten whole into a temporary file, in chunks that yield to the event
 * loop, then renamed over (a crash never leaves half a file). Loads read in chunks too, so 100,000
 * entries never block the extension host for long. Another window's appends are picked up by
 * watching the folder. Node `fs` only, so it is tested under plain mocha.
 */
import { watch, type FSWatcher } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Emitter } from '../model/events';
import { parseLedger, type LedgerDocument } from '../model/ledger';
import { JOURNAL_HEADER, journalLine, readJournalLine, type JournalRecord } from '../model/ledgerJournal';
import type { Logger } from '../model/logger';

export const LEDGER_FILE_NAME = 'ledger.jsonl';
/** The single JSON document earlier versions wrote; read once, then replaced by the journal. */
export const LEGACY_FILE_NAME = 'ledger.json';

/** A save waits this long for more changes (a listing of hundreds of tasks becomes one write). */
export const SAVE_DEBOUNCE_MS = 1_000;
/** And saves at most this often, so polling cannot write more than 6 times a minute. */
export const MIN_SAVE_INTERVAL_MS = 10_000;
/** Lines parsed (or written) between two turns of the event loop. */
const LINES_PER_TURN = 1_000;
const READ_CHUNK_BYTES = 1 << 20;
/** Another window's compaction renames the file while we append; its catch-up looks again this late. */
const LATE_APPEND_MS = 1_000;
/** Fallback for file systems where `fs.watch` misses events. */
const POLL_FOR_CHANGES_MS = 5_000;

export interface LedgerLoad {
  readonly doc: LedgerDocument;
  /** Set when the file could not be read whole: where the original was copied before it is rewritten. */
  readonly backupPath?: string;
  readonly problems: readonly string[];
}

/** What a read of the journal found. */
export interface JournalRead {
  readonly records: readonly JournalRecord[];
  /** Lines that were not records (a foreign edit, a bad disk), not counting a torn last line. */
  readonly unreadable: number;
  /** The last line was incomplete (a save killed mid-write); it is ignored. */
  readonly torn: boolean;
}

export interface LedgerFileOptions {
  readonly logger: Logger;
  readonly debounceMs?: number;
  readonly minIntervalMs?: number;
  readonly now?: () => number;
}

/** What the ledger hands the file: the records changed since the last call, and everything. */
export interface JournalWriter {
  /** Records changed since the last call; the ledger forgets them once handed over. */
  drain(): JournalRecord[];
  /** Every record that rebuilds the ledger (compaction). */
  records(): Iterable<JournalRecord>;
  /** How many records `records()` yields, to know when the journal is worth compacting. */
  recordCount(): number;
}

export interface ForeignRecords {
  readonly records: readonly JournalRecord[];
  readonly carried: boolean;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class LedgerFile {
  readonly path: string;
  private readonly logger: Logger;
  private readonly debounceMs: number;
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private writer: JournalWriter | undefined;
  private writing: Promise<void> = Promise.resolve();
  private lastWriteAt = -Infinity;
  /** Lines in the journal now (for the compaction rule). */
  private lines = 0;
  /** How far this window has read the journal, and which file that was (a compaction replaces it). */
  private readOffset = 0;
  private readIno: number | undefined;
  private watcher: FSWatcher | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private catchingUp: Promise<void> | undefined;
  private disposed = false;
  private readonly wrote = new Emitter<{ readonly bytes: number; readonly compacted: boolean }>();
  private readonly foreign = new Emitter<ForeignRecords>();
  /** Fires after each write lands, with the bytes written. */
  readonly onDidWrite = this.wrote.event;
  /**
   * Fires with records another window appended (they may repeat what this one wrote: merge them).
   * `carried`: they reached the file this compaction replaced, so the ledger must write them again.
   */
  readonly onDidReadForeign = this.foreign.event;

  constructor(
    private readonly dir: string,
    options: LedgerFileOptions,
  ) {
    this.path = path.join(dir, LEDGER_FILE_NAME);
    this.logger = options.logger;
    this.debounceMs = options.debounceMs ?? SAVE_DEBOUNCE_MS;
    this.minIntervalMs = options.minIntervalMs ?? MIN_SAVE_INTERVAL_MS;
    this.now = options.now ?? Date.now;
  }

  /**
   * Reads the journal (or the legacy document) in chunks. A missing file is an empty ledger; an
   * unreadable part is backed up first and reported in `problems`; a torn last line is skipped.
   * `needsCompaction` is set when the file should be rewritten (legacy, damaged or grown).
   */
  async load(): Promise<JournalRead & { readonly backupPath?: string; readonly problems: readonly string[]; readonly needsCompaction: boolean }> {
    const read = await this.readFrom(0, true).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
      return undefined;
    });
    if (!read) return this.loadLegacy();
    const problems = read.unreadable > 0 ? [`${read.unreadable} journal lines were unreadable`] : [];
    let backupPath: string | undefined;
    if (problems.length > 0) {
      backupPath = path.join(this.dir, `ledger.corrupt-${this.now()}.jsonl`);
      await fs.copyFile(this.path, backupPath);
      this.logger.warn(`[ledger] unreadable parts backed up to ${backupPath}: ${problems.join('; ')}`);
    }
    if (read.torn) this.logger.info('[ledger] the last save was cut short; its unfinished line is ignored');
    this.lines = read.records.length;
    return { ...read, backupPath, problems, needsCompaction: problems.length > 0 || read.torn };
  }

  /** Asks for a save soon; `writer.drain()` is called when it happens, so the latest state lands. */
  scheduleSave(writer: JournalWriter): void {
    this.writer = writer;
    if (this.timer || this.disposed) return;
    const delay = Math.max(this.debounceMs, this.lastWriteAt + this.minIntervalMs - this.now());
    const timer = setTimeout(() => {
      // A write under way when this was scheduled moves lastWriteAt when it lands: pace from then,
      // or a change made during a write would be saved right after it.
      void this.writing.then(() => {
        if (this.timer !== timer) return; // flushed meanwhile
        this.timer = undefined;
        if (!this.disposed && this.lastWriteAt + this.minIntervalMs > this.now()) this.scheduleSave(this.writer ?? writer);
        else void this.flush();
      });
    }, delay);
    this.timer = timer;
  }

  /** Writes what is pending now (deactivation, tests). Writes never overlap. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const writer = this.writer;
    if (!writer) return this.writing;
    this.writing = this.writing
      .then(() => this.append(writer))
      .catch((err: unknown) => this.logger.error(`[ledger] could not save ${this.path}: ${(err as Error).message}`));
    return this.writing;
  }

  /** Rewrites the journal whole from `writer.records()` (after a legacy or damaged load, or growth). */
  compact(writer: JournalWriter): Promise<void> {
    this.writer = writer;
    this.writing = this.writing
      .then(() => this.rewrite(writer))
      .catch((err: unknown) => this.logger.error(`[ledger] could not compact ${this.path}: ${(err as Error).message}`));
    return this.writing;
  }

  /** Starts picking up other windows' appends and compactions. */
  watch(): void {
    if (this.watcher || this.disposed) return;
    try {
      this.watcher = watch(this.dir, (_event, name) => {
        if (name === null || name === LEDGER_FILE_NAME) this.scheduleCatchUp();
      });
      this.watcher.on('error', (err) => this.logger.warn(`[ledger] watching ${this.dir} failed: ${err.message}`));
    } catch (err) {
      this.logger.warn(`[ledger] cannot watch ${this.dir}; polling it instead: ${(err as Error).message}`);
    }
    this.pollTimer = setInterval(() => this.scheduleCatchUp(), POLL_FOR_CHANGES_MS);
    this.pollTimer.unref();
  }

  /** Reads what other windows appended since the last read, now. */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.readForeign().finally(() => (this.catchingUp = undefined));
    return this.catchingUp;
  }

  dispose(): void {
    this.disposed = true;
    this.watcher?.close();
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.wrote.dispose();
    this.foreign.dispose();
  }

  private scheduleCatchUp(): void {
    if (!this.disposed) void this.catchUp();
  }

  private async readForeign(): Promise<void> {
    let stat;
    try {
      stat = await fs.stat(this.path);
    } catch {
      return; // not written yet, or being replaced: the next event reads it
    }
    const replaced = this.readIno !== undefined && stat.ino !== this.readIno;
    if (!replaced && stat.size === this.readOffset) return;
    if (replaced || stat.size < this.readOffset) this.readOffset = 0;
    const read = await this.readFrom(this.readOffset, false);
    if (replaced) this.lines = read.records.length;
    if (read.records.length > 0 && !this.disposed) this.foreign.fire({ records: read.records, carried: false });
  }

  /**
   * Reads whole lines from `offset` to the end, a chunk at a time, yielding between batches. At load
   * (`final`) an unfinished last line is torn; while watching it is kept until its end arrives.
   */
  private async readFrom(offset: number, final: boolean): Promise<JournalRead> {
    const handle = await fs.open(this.path, 'r');
    const records: JournalRecord[] = [];
    let unreadable = 0;
    let torn = false;
    try {
      const { ino } = await handle.stat();
      this.readIno = ino;
      const buffer = Buffer.alloc(READ_CHUNK_BYTES);
      let position = offset;
      let rest = '';
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) break;
        position += bytesRead;
        const text = rest + buffer.toString('utf8', 0, bytesRead);
        const lines = text.split('\n');
        rest = lines.pop() ?? '';
        for (let i = 0; i < lines.length; i += LINES_PER_TURN) {
          for (const line of lines.slice(i, i + LINES_PER_TURN)) {
            if (line === '') continue;
            const record = readJournalLine(line);
            if (record === 'header') continue;
            if (record) records.push(record);
            else unreadable++;
          }
          await turn();
        }
      }
      if (final && rest !== '') {
        const record = readJournalLine(rest);
        if (record && record !== 'header') records.push(record);
        else torn = true;
        rest = '';
      }
      // An unfinished line is read again, whole, once its end has arrived.
      this.readOffset = position - Buffer.byteLength(rest);
    } finally {
      await handle.close();
    }
    return { records, unreadable, torn };
  }

  /** The journal is missing: read the document earlier versions wrote, if any, to migrate it. */
  private async loadLegacy(): Promise<JournalRead & { readonly backupPath?: string; readonly problems: readonly string[]; readonly needsCompaction: boolean }> {
    const legacy = path.join(this.dir, LEGACY_FILE_NAME);
    let text: string;
    try {
      text = await fs.readFile(legacy, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], unreadable: 0, torn: false, problems: [], needsCompaction: false };
      throw err;
    }
    const parsed = parseLedger(text);
    let backupPath: string | undefined;
    if (parsed.problems.length > 0) {
      backupPath = path.join(this.dir, `ledger.corrupt-${this.now()}.json`);
      await fs.copyFile(legacy, backupPath);
      this.logger.warn(`[ledger] unreadable parts backed up to ${backupPath}: ${parsed.problems.join('; ')}`);
    }
    const records: JournalRecord[] = [...parsed.doc.tasks.map((entry) => ({ entry })), ...parsed.doc.rooms.map((room) => ({ room }))];
    return { records, unreadable: 0, torn: false, backupPath, problems: parsed.problems, needsCompaction: true };
  }

  private async append(writer: JournalWriter): Promise<void> {
    const records = writer.drain();
    if (records.length === 0) return;
    await fs.mkdir(this.dir, { recursive: true });
    const text = records.map(journalLine).join('');
    // One write with O_APPEND: concurrent appenders never interleave inside a line.
    const bytes = Buffer.byteLength(text);
    const handle = await fs.open(this.path, 'a');
    try {
      await handle.write(text);
      // What we wrote is in memory already: when nobody appended since our last read, it counts as read.
      const { size, ino } = await handle.stat();
      if (this.readIno === undefined) this.readIno = ino;
      if (ino === this.readIno && size === this.readOffset + bytes) this.readOffset = size;
    } finally {
      await handle.close();
    }
    this.lastWriteAt = this.now();
    this.lines += records.length;
    this.wrote.fire({ bytes, compacted: false });
    if (this.lines > 2 * writer.recordCount() + LINES_PER_TURN) void this.compact(writer);
  }

  private async rewrite(writer: JournalWriter): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    // Whatever other windows appended up to now is merged before the old file is replaced.
    await this.readForeign();
    writer.drain(); // records() below includes it
    const tmp = `${this.path}.${process.pid}.${this.now()}.tmp`;
    const handle = await fs.open(tmp, 'w');
    let bytes = 0;
    let lines = 0;
    try {
      let batch: string[] = [JOURNAL_HEADER + '\n'];
      for (const record of writer.records()) {
        batch.push(journalLine(record));
        lines++;
        if (batch.length >= LINES_PER_TURN) {
          const text = batch.join('');
          bytes += Buffer.byteLength(text);
          await handle.write(text);
          batch = [];
          await turn();
        }
      }
      const text = batch.join('');
      bytes += Buffer.byteLength(text);
      await handle.write(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const old = await fs.open(this.path, 'r').catch(() => undefined);
    const oldOffset = this.readOffset;
    await fs.rename(tmp, this.path);
    await fs.rm(path.join(this.dir, LEGACY_FILE_NAME), { force: true });
    const { ino } = await fs.stat(this.path);
    this.readIno = ino;
    this.readOffset = bytes;
    this.lines = lines;
    this.lastWriteAt = this.now();
    this.wrote.fire({ bytes, compacted: true });
    // An append another window made to the old file just before the rename: carry it over.
    if (old) void this.carryLateAppends(old, oldOffset, writer);
  }

  private async carryLateAppends(old: fs.FileHandle, offset: number, writer: JournalWriter): Promise<void> {
    try {
      for (const wait of [0, LATE_APPEND_MS]) {
        if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
        const { size } = await old.stat();
        if (size <= offset) continue;
        const buffer = Buffer.alloc(size - offset);
        await old.read(buffer, 0, buffer.length, offset);
        offset = size;
        const records = buffer
          .toString('utf8')
          .split('\n')
          .map(readJournalLine)
          .filter((r): r is JournalRecord => r !== undefined && r !== 'header');
        if (records.length === 0 || this.disposed) continue;
        this.foreign.fire({ records, carried: true });
        this.scheduleSave(writer);
      }
    } finally {
      await old.close();
    }
  }
}
