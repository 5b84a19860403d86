/**
 * One poller across VS Code windows: a lease file in the extension's global storage folder. The
 * window holding it polls; the others read its results from the shared ledger. The holder renews
 * it every few seconds; another window takes it over when the holder released it (its window
 * closed), stopped renewing, or its process is gone. Windows that do not hold the lease publish
 * the tasks they show, so the holder polls those too. Node `fs` only, so it runs under plain mocha.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { Emitter } from '../model/events';
import type { Logger } from '../model/logger';
import type { TaskKey } from '../model/task';

export const LEASE_FILE_NAME = 'poller.lease';
const WATCHING_PREFIX = 'watching-';
/** How often the holder renews and the others look. */
export const RENEW_MS = 3_000;
/** A lease not renewed for this long is the holder's window gone (crashed, hung, asleep). */
export const STALE_MS = 10_000;
/** After taking the lease, a second read confirms no other window took it at the same moment. */
const CONFIRM_MS = 150;

interface LeaseRecord {
  readonly owner: string;
  readonly pid: number;
  readonly renewedAt: number;
}

interface WatchingRecord {
  readonly at: number;
  readonly keys: readonly TaskKey[];
}

export interface PollLeaseOptions {
  readonly dir: string;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Whether a process is running (another window's extension host). */
  readonly isAlive?: (pid: number) => boolean;
  readonly renewMs?: number;
  readonly staleMs?: number;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const isKey = (v: unknown): v is TaskKey =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as TaskKey).accountId === 'string' &&
  typeof (v as TaskKey).product === 'string' &&
  typeof (v as TaskKey).taskId === 'string';

export class PollLease {
  /** This window's id (a fresh one per extension host). */
  readonly owner = randomUUID();
  private readonly file: string;
  private readonly now: () => number;
  private readonly isAlive: (pid: number) => boolean;
  private readonly renewMs: number;
  private readonly staleMs: number;
  private holding = false;
  private timer: NodeJS.Timeout | undefined;
  private watcher: FSWatcher | undefined;
  private checking: Promise<void> | undefined;
  private disposed = false;
  private readonly changed = new Emitter<boolean>();
  /** Fires with `true` when this window starts polling for all, `false` when it stops. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: PollLeaseOptions) {
    this.file = path.join(options.dir, LEASE_FILE_NAME);
    this.now = options.now ?? Date.now;
    this.isAlive = options.isAlive ?? processAlive;
    this.renewMs = options.renewMs ?? RENEW_MS;
    this.staleMs = options.staleMs ?? STALE_MS;
  }

  get held(): boolean {
    return this.holding;
  }

  /** Tries to take the lease now, then keeps renewing it or watching for it to come free. */
  async start(): Promise<void> {
    await fs.mkdir(this.options.dir, { recursive: true });
    try {
      this.watcher = watch(this.options.dir, (_event, name) => {
        if (name === LEASE_FILE_NAME && !this.holding) void this.check();
      });
      this.watcher.on('error', () => undefined);
    } catch {
      // Polling below still finds a free lease, a little later.
    }
    this.timer = setInterval(() => void this.check(), this.renewMs);
    this.timer.unref();
    await this.check();
  }

  /** Renews the lease if held, takes it if free; never throws. */
  check(): Promise<void> {
    this.checking ??= this.checkOnce()
      .catch((err: unknown) => this.options.logger.warn(`[lease] ${(err as Error).message}`))
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** What the other windows show (their published keys), for the holder to poll too. */
  async othersWatched(): Promise<TaskKey[]> {
    const keys: TaskKey[] = [];
    let names: string[];
    try {
      names = await fs.readdir(this.options.dir);
    } catch {
      return keys;
    }
    for (const name of names) {
      if (!name.startsWith(WATCHING_PREFIX) || name === this.watchingFile()) continue;
      try {
        const record = JSON.parse(await fs.readFile(path.join(this.options.dir, name), 'utf8')) as WatchingRecord;
        if (typeof record.at === 'number' && this.now() - record.at <= this.staleMs && Array.isArray(record.keys)) keys.push(...record.keys.filter(isKey));
        else if (this.now() - record.at > 10 * this.staleMs) await fs.rm(path.join(this.options.dir, name), { force: true });
      } catch {
        // Being written, or not ours: skipped this round.
      }
    }
    return keys;
  }

  /** Publishes what this window shows (when it does not hold the lease), refreshed with each renewal. */
  async publishWatched(keys: readonly TaskKey[]): Promise<void> {
    const target = path.join(this.options.dir, this.watchingFile());
    if (keys.length === 0) {
      await fs.rm(target, { force: true });
      return;
    }
    const record: WatchingRecord = { at: this.now(), keys: keys.map(({ accountId, product, taskId }) => ({ accountId, product, taskId })) };
    await this.writeAtomically(target, JSON.stringify(record));
  }

  /** Gives the lease up (the window closes) so another window takes over at once. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearInterval(this.timer);
    this.watcher?.close();
    await this.checking;
    await fs.rm(path.join(this.options.dir, this.watchingFile()), { force: true }).catch(() => undefined);
    if (this.holding) {
      const current = await this.read();
      if (current?.owner === this.owner) await fs.rm(this.file, { force: true }).catch(() => undefined);
      this.set(false);
    }
    this.changed.dispose();
  }

  private watchingFile(): string {
    return `${WATCHING_PREFIX}${this.owner}.json`;
  }

  private async checkOnce(): Promise<void> {
    if (this.disposed) return;
    const current = await this.read();
    if (this.holding) {
      if (current && current.owner !== this.owner) {
        this.options.logger.info('[lease] another window took over polling');
        this.set(false);
        return;
      }
      await this.write();
      return;
    }
    const free = !current || this.now() - current.renewedAt > this.staleMs || (current.pid !== process.pid && !this.isAlive(current.pid));
    if (!free) return;
    await this.write();
    await new Promise((resolve) => setTimeout(resolve, CONFIRM_MS));
    if (this.disposed) return;
    const confirmed = await this.read();
    if (confirmed?.owner === this.owner) {
      this.options.logger.info(`[lease] this window polls for all windows${current ? ' (took over)' : ''}`);
      this.set(true);
    }
  }

  private set(holding: boolean): void {
    if (this.holding === holding) return;
    this.holding = holding;
    if (!this.disposed) this.changed.fire(holding);
  }

  private async read(): Promise<LeaseRecord | undefined> {
    try {
      const raw = JSON.parse(await fs.readFile(this.file, 'utf8')) as Partial<LeaseRecord>;
      return typeof raw.owner === 'string' && typeof raw.pid === 'number' && typeof raw.renewedAt === 'number' ? (raw as LeaseRecord) : undefined;
    } catch {
      return undefined;
    }
  }

  private write(): Promise<void> {
    const record: LeaseRecord = { owner: this.owner, pid: process.pid, renewedAt: this.now() };
    return this.writeAtomically(this.file, JSON.stringify(record));
  }

  private async writeAtomically(target: string, text: string): Promise<void> {
    const tmp = `${target}.${this.owner}.tmp`;
    await fs.writeFile(tmp, text, 'utf8');
    await fs.rename(tmp, target);
  }
}
