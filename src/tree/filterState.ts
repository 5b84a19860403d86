/** The view filter, remembered per workspace (`workspaceState`), with a change event. */
import type * as vscode from 'vscode';
import { Emitter } from '../model/events';
import { NO_FILTER, readFilter, type TaskFilter } from './filter';

const FILTER_KEY = 'mediaTasks.filter';

export class FilterState {
  private readonly changed = new Emitter<TaskFilter>();
  readonly onDidChange = this.changed.event;
  private current: TaskFilter;

  constructor(private readonly memento: vscode.Memento) {
    this.current = readFilter(memento.get<unknown>(FILTER_KEY));
  }

  get(): TaskFilter {
    return this.current;
  }

  async set(filter: TaskFilter): Promise<void> {
    this.current = readFilter(filter);
    await this.memento.update(FILTER_KEY, this.current);
    this.changed.fire(this.current);
  }

  clear(): Promise<void> {
    return this.set(NO_FILTER);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
