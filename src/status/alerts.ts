/**
 * Long-running alerts in VS Code: evaluates `longRunning.ts` on every ledger change, on a timer (a
 * task crosses its threshold with time alone) and on a settings change; hands the warning list to the
 * status bar and notifies once per crossing with Stop (the Stop Task command, with its confirmation),
 * Open Details and Snooze. Snoozes and opened tasks are kept in workspace state.
 */
import * as vscode from 'vscode';
import { CommandIds } from '../ids/commands';
import { messageText } from '../display/vendorText';
import type { Disposable } from '../model/events';
import type { Logger } from '../model/logger';
import { taskKeyString, type TaskKey } from '../model/task';
import type { TaskStore } from '../model/taskStore';
import { affectsAny, currentSettings } from '../settings';
import { ALERT_SETTING_KEYS } from '../settings/values';
import { longRunningMessage } from './alertText';
import { alertKey, parseAlertMemory, snoozeTask, stepAlerts, type AlertMemory, type LongRunningTask } from './longRunning';

const MEMORY_KEY = 'mediaTasks.alerts';
/** Thresholds are hours; a minute's lateness is fine and keeps the timer cheap. */
const TICK_MS = 30_000;

export interface LongRunningAlertsDeps {
  readonly store: TaskStore;
  readonly logger: Logger;
  readonly memento: vscode.Memento;
  /** Tasks whose details panel is open now: opening one makes the task watched. */
  readonly openKeys: () => TaskKey[];
  /** Gets the tasks to warn of after every evaluation (`TaskStatusBar.setLongRunning`). */
  readonly onWarning: (tasks: readonly LongRunningTask[]) => void;
  readonly readOnly: () => boolean;
  readonly now?: () => number;
  /** Shows one alert and resolves to the chosen action; VS Code's warning notification unless given. */
  readonly show?: (message: string, ...actions: string[]) => Thenable<string | undefined>;
}

export class LongRunningAlerts implements Disposable {
  private memory: AlertMemory;
  private alerted: ReadonlySet<string> = new Set();
  private started = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly subscriptions: Disposable[] = [];
  private readonly now: () => number;
  private readonly show: (message: string, ...actions: string[]) => Thenable<string | undefined>;

  constructor(private readonly deps: LongRunningAlertsDeps) {
    this.memory = parseAlertMemory(deps.memento.get<unknown>(MEMORY_KEY));
    this.now = deps.now ?? Date.now;
    this.show = deps.show ?? ((message, ...actions) => vscode.window.showWarningMessage(message, ...actions));
  }

  /** Call once the ledger is loaded: before that every task would look ended and its memory be dropped. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.subscriptions.push(
      this.deps.store.onDidChange(() => this.evaluate()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsAny(event, ALERT_SETTING_KEYS)) this.evaluate();
      }),
    );
    this.timer = setInterval(() => this.evaluate(), TICK_MS);
    this.evaluate();
  }

  evaluate(): void {
    if (!this.started) return;
    const settings = currentSettings().alerts;
    const step = stepAlerts({
      memory: this.memory,
      alerted: this.alerted,
      active: this.deps.store.running(),
      openNow: this.deps.openKeys().map(taskKeyString),
      policy: settings,
      now: this.now(),
    });
    this.alerted = step.alerted;
    this.remember(step.memory);
    this.deps.onWarning(step.warning);
    for (const task of step.notify) {
      this.notify(task).catch((error: unknown) => this.deps.logger.warn(`[alerts] notification failed: ${String(error)}`));
    }
  }

  private async notify(task: LongRunningTask): Promise<void> {
    const { entry } = task;
    const key: TaskKey = { accountId: entry.accountId, product: entry.product, taskId: entry.taskId };
    const l10n = vscode.l10n;
    this.deps.logger.info(
      `[alerts] ${taskKeyString(key)} has run ${Math.round(task.runningMs / 60_000)} min (${task.stage === 'limit' ? 'vendor limit' : 'threshold'} ${Math.round(task.thresholdMs / 60_000)} min)`,
    );
    const message = longRunningMessage(task, l10n, vscode.env.language, messageText);
    const stop = l10n.t('Stop Task');
    const open = l10n.t('Open Details');
    const snooze = l10n.t('Snooze');
    const actions = this.deps.readOnly() ? [open, snooze] : [stop, open, snooze];
    const choice = await this.show(message, ...actions);
    if (choice === stop) await vscode.commands.executeCommand(CommandIds.stopTask, key);
    else if (choice === open) await vscode.commands.executeCommand(CommandIds.openTaskDetails, key);
    else if (choice === snooze) {
      this.remember(snoozeTask(this.memory, alertKey(task), this.now(), currentSettings().alerts.snoozeHours * 3_600_000));
      this.evaluate();
    }
  }

  /** Writes only on a change: evaluations run on every poll. */
  private remember(memory: AlertMemory): void {
    const changed = JSON.stringify(memory) !== JSON.stringify(this.memory);
    this.memory = memory;
    if (changed)
      void Promise.resolve(this.deps.memento.update(MEMORY_KEY, memory)).catch((error: unknown) =>
        this.deps.logger.warn(`[alerts] could not keep snoozes: ${String(error)}`),
      );
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
