/**
 * Long-running alerts, the decisions only: which running tasks are past their product's threshold,
 * which of them the user is told about now (once per crossing), and snoozes. Pure, with the time
 * passed in, so every rule is unit-tested with a fake clock; `alerts.ts` shows the notification.
 */
import { entryStartMs, type LedgerEntry } from '../model/ledgerEntry';
import { taskKeyString, type Product } from '../model/task';
import type { MediaTasksSettings } from '../settings/values';

/**
 * Hours per product (0 = off), the vendor limits the user's start calls set, and the scope: `watched`
 * alerts only for tasks the user pinned (Track Task…, Go to Task) or opened the details of, `all` for
 * every running task.
 */
export type AlertPolicy = Pick<MediaTasksSettings['alerts'], 'hours' | 'limitHours' | 'scope'>;

/**
 * What the vendor does at its limit: ZEGO ends the recording (`MaxRecordTime`); TRTC stops answering
 * queries and stop requests for it (`ResourceExpiredHour`), so it can no longer be stopped from here.
 */
export const VENDOR_LIMITS: Readonly<Partial<Record<Product, 'maxRecordTime' | 'resourceExpiry'>>> = {
  'zego-recording': 'maxRecordTime',
  'trtc-recording': 'resourceExpiry',
};

export interface LongRunningTask {
  readonly entry: LedgerEntry;
  /** How long it has run, ms (from the vendor's start, else from when the extension first saw it). */
  readonly runningMs: number;
  /**
   * `threshold`: past the user's alert hours. `limit`: close to the vendor's own limit (a separate,
   * later alert: a snooze of the threshold alert does not hide it).
   */
  readonly stage: 'threshold' | 'limit';
  /** The user's threshold, or at the `limit` stage the vendor limit itself, ms. */
  readonly thresholdMs: number;
}

/**
 * What survives a reload (workspace state): snoozes, and the tasks whose details the user opened
 * (they stay watched after the panel is closed). Which tasks were already alerted is not kept: after
 * a reload a task still past its threshold and not snoozed is said once more.
 */
export interface AlertMemory {
  /** Task key string → when its snooze ends, Unix epoch ms. */
  readonly snoozedUntil: Readonly<Record<string, number>>;
  /** Key strings of tasks the user opened the details of while they were active. */
  readonly opened: readonly string[];
}

export const emptyAlertMemory: AlertMemory = { snoozedUntil: {}, opened: [] };

const HOUR_MS = 3_600_000;

/** How long before a vendor limit it alerts: an hour, or a quarter of a limit shorter than 4 h. */
export function limitLeadMs(limitMs: number): number {
  return Math.min(HOUR_MS, limitMs / 4);
}

/** The key an alert is remembered by (said, snoozed): the task's, with `#limit` for the vendor-limit stage. */
export function alertKey(task: Pick<LongRunningTask, 'entry' | 'stage'>): string {
  const key = taskKeyString(task.entry);
  return task.stage === 'limit' ? `${key}#limit` : key;
}

const LIMIT_SUFFIX = /#limit$/;

/** Running tasks past their threshold or close to their vendor limit (one item each), longest-running first. */
export function longRunningTasks(active: readonly LedgerEntry[], policy: AlertPolicy, opened: ReadonlySet<string>, now: number): LongRunningTask[] {
  const out: LongRunningTask[] = [];
  for (const entry of active) {
    if (entry.task.status !== 'running') continue;
    if (policy.scope === 'watched' && !entry.pinned && !opened.has(taskKeyString(entry))) continue;
    const runningMs = now - entryStartMs(entry);
    const limitMs = (policy.limitHours[entry.task.product] ?? 0) * HOUR_MS;
    const thresholdMs = policy.hours[entry.task.product] * HOUR_MS;
    if (limitMs > 0 && runningMs >= limitMs - limitLeadMs(limitMs)) out.push({ entry, runningMs, stage: 'limit', thresholdMs: limitMs });
    else if (thresholdMs > 0 && runningMs >= thresholdMs) out.push({ entry, runningMs, stage: 'threshold', thresholdMs });
  }
  return out.sort((a, b) => b.runningMs - a.runningMs);
}

export interface AlertStep {
  readonly memory: AlertMemory;
  /** Key strings already said for the crossing they are in; pass back to the next step. */
  readonly alerted: ReadonlySet<string>;
  /** Past the threshold and not snoozed: the status bar warns of these. */
  readonly warning: readonly LongRunningTask[];
  /** Those of `warning` to notify now: crossed since the last step, or their snooze ran out. */
  readonly notify: readonly LongRunningTask[];
}

/**
 * One evaluation. `openNow` are the tasks whose details are open now (remembered while active);
 * `active` the ledger's non-terminal tasks. A task alerts once when it crosses; it alerts again only
 * after it was below (threshold raised, restarted) or its snooze ended.
 */
export function stepAlerts(input: {
  readonly memory: AlertMemory;
  readonly alerted: ReadonlySet<string>;
  readonly active: readonly LedgerEntry[];
  readonly openNow: readonly string[];
  readonly policy: AlertPolicy;
  readonly now: number;
}): AlertStep {
  const { now } = input;
  const activeKeys = new Set(input.active.map((entry) => taskKeyString(entry)));
  // Ended tasks are forgotten: a task id is not reused, and the memory stays as small as what runs.
  const opened = [...new Set([...input.memory.opened, ...input.openNow])].filter((key) => activeKeys.has(key));
  const snoozedUntil = Object.fromEntries(
    Object.entries(input.memory.snoozedUntil).filter(([key, until]) => until > now && activeKeys.has(key.replace(LIMIT_SUFFIX, ''))),
  );
  const over = longRunningTasks(input.active, input.policy, new Set(opened), now);
  const warning = over.filter((task) => !(alertKey(task) in snoozedUntil));
  const notify = warning.filter((task) => !input.alerted.has(alertKey(task)));
  return { memory: { snoozedUntil, opened }, alerted: new Set(warning.map(alertKey)), warning, notify };
}

/** Quiet for `periodMs` from `now`; when it ends and the task still runs too long, it alerts again. */
export function snoozeTask(memory: AlertMemory, key: string, now: number, periodMs: number): AlertMemory {
  return { ...memory, snoozedUntil: { ...memory.snoozedUntil, [key]: now + periodMs } };
}

/** Reads stored memory back, dropping anything malformed (workspace state is JSON a user could edit). */
export function parseAlertMemory(value: unknown): AlertMemory {
  if (typeof value !== 'object' || value === null) return emptyAlertMemory;
  const { snoozedUntil, opened } = value as Record<string, unknown>;
  const snoozes =
    typeof snoozedUntil === 'object' && snoozedUntil !== null
      ? Object.fromEntries(Object.entries(snoozedUntil).filter((pair): pair is [string, number] => typeof pair[1] === 'number' && Number.isFinite(pair[1])))
      : {};
  return { snoozedUntil: snoozes, opened: Array.isArray(opened) ? opened.filter((key): key is string => typeof key === 'string') : [] };
}
