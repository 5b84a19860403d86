/**
 * The ledger on disk: one JSON file in the extension's global storage folder, written atomically
 * (temporary file + rename, so a crash never leaves half a file) and debounced (a listing of
 * hundreds of tasks becomes one write). Node `fs` only, so it is tested under plain mocha.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Emitter } from '../model/events';
import { EMPTY_LEDGER, parseLedger, serializeLedger, type LedgerDocument } from '../model/ledger';
import type { Logger } from '../model/logger';

export const LEDGER_FILE_NAME = 'ledger.json';

export interface LedgerLoad {
  readonly doc: LedgerDocument;
  /** Set when the file could not be read whole: where the original was copied before it is overwritten. */
  readonly backupPath?: string;
  readonly problems: readonly string[];
}

export interface LedgerFileOptions {
  readonly logger: Logger;
  readonly debounceMs?: number;
  readonly now?: () => number;
}

export class LedgerFile {
  readonly path: string;
  private readonly logger: Logger;
  private readonly debounceMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private pending: (() => LedgerDocument) | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly wrote = new Emitter<{ readonly bytes: number }>();
  /** Fires after each write lands, with the bytes written (the bench counts saves with it). */
  readonly onDidWrite = this.wrote.event;

  constructor(
    private readonly dir: string,
    options: LedgerFileOptions,
  ) {
    this.path = path.join(dir, LEDGER_FILE_NAME);
    this.logger = options.logger;
    this.debounceMs = options.debounceMs ?? 500;
    this.now = options.now ?? Date.now;
  }

  /** Reads the ledger; a missing file is an empty ledger, an unreadable one is backed up first. */
  async load(): Promise<LedgerLoad> {
    let text: string;
    try {
      text = await fs.readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { doc: EMPTY_LEDGER, problems: [] };
      throw err;
    }
    const parsed = parseLedger(text);
    if (parsed.problems.length === 0) return parsed;
    const backupPath = path.join(this.dir, `ledger.corrupt-${this.now()}.json`);
    await fs.copyFile(this.path, backupPath);
    this.logger.warn(`[ledger] unreadable parts backed up to ${backupPath}: ${parsed.problems.join('; ')}`);
    return { ...parsed, backupPath };
  }

  /** Asks for a write soon; `snapshot` is called when the write happens, so the latest state lands. */
  scheduleSave(snapshot: () => LedgerDocument): void {
    this.pending = snapshot;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.debounceMs);
  }

  /** Writes what is pending now (deactivation, tests). Writes never overlap. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const snapshot = this.pending;
    this.pending = undefined;
    if (!snapshot) return this.writing;
    this.writing = this.writing
      .then(() => this.write(serializeLedger(snapshot())))
      .catch((err: unknown) => this.logger.error(`[ledger] could not save ${this.path}: ${(err as Error).message}`));
    return this.writing;
  }

  private async write(text: string): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const tmp = `${this.path}.${process.pid}.${this.now()}.tmp`;
    await fs.writeFile(tmp, text, 'utf8');
    await fs.rename(tmp, this.path);
    this.wrote.fire({ bytes: Buffer.byteLength(text) });
  }
}
