/**
 * A `TaskStore` kept in memory, for driving the poller and status bar in tests: entries are put in
 * directly, and `refresh` runs whatever the test sets (resolve later, reject, change the status).
 */
import { Emitter } from '../../../src/model/events';
import type { LedgerEntry } from '../../../src/model/ledgerEntry';
import { isTerminal, taskKeyString, type TaskKey } from '../../../src/model/task';
import type { TaskStore } from '../../../src/model/taskStore';

export type RefreshHandler = (key: TaskKey, store: MemoryStore) => Promise<LedgerEntry>;

export class MemoryStore implements TaskStore {
  private readonly entries = new Map<string, LedgerEntry>();
  private readonly changes = new Emitter<readonly TaskKey[]>();
  readonly refreshed: string[] = [];
  onRefresh: RefreshHandler = async (key) => {
    const entry = this.get(key);
    if (!entry) throw new Error(`not found: ${taskKeyString(key)}`);
    return entry;
  };

  readonly onDidChange = this.changes.event;

  put(...entries: LedgerEntry[]): void {
    for (const entry of entries) this.entries.set(taskKeyString(entry), entry);
    this.changes.fire(entries.map(({ accountId, product, taskId }) => ({ accountId, product, taskId })));
  }

  get(key: TaskKey): LedgerEntry | undefined {
    return this.entries.get(taskKeyString(key));
  }

  all(): readonly LedgerEntry[] {
    return [...this.entries.values()];
  }

  running(): readonly LedgerEntry[] {
    return this.all().filter((entry) => !isTerminal(entry.task.status));
  }

  pinned(): readonly LedgerEntry[] {
    return this.all().filter((entry) => entry.pinned);
  }

  refresh(key: TaskKey): Promise<LedgerEntry> {
    this.refreshed.push(taskKeyString(key));
    return this.onRefresh(key, this);
  }

  async forget(key: TaskKey): Promise<void> {
    this.entries.delete(taskKeyString(key));
    this.changes.fire([key]);
  }
}
