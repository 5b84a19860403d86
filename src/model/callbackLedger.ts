/**
 * How a verified callback changes a ledger entry. Callbacks are lossy and may arrive late, twice
 * (vendor retries) or out of order, so: a repeat changes nothing; a status only moves forward
 * (starting → running/paused → stopping → ended/failed), never out of a terminal one, and for ZEGO
 * never against `sequence`; files merge without going back. Polling fills in what callbacks miss.
 * Pure, so every rule runs under plain mocha.
 */
import { MAX_CALLBACKS, type CallbackEvent, type CallbackRecord, type CallbackSource } from './callback';
import { mergeFiles } from './files';
import type { LedgerEntry, StatusTransition } from './ledgerEntry';
import { placeholderTask } from './ledger';
import { isTerminal, type TaskStatus } from './task';

const RANK: Readonly<Record<TaskStatus, number>> = { unknown: -1, starting: 0, running: 1, paused: 1, stopping: 2, ended: 3, failed: 3 };

/**
 * Whether two records are one vendor event (a retry, or the same callback received in two windows).
 * The files count: GME sends one event per user's file, so two users' files in the same second are
 * two events with the same type and time.
 */
function sameEvent(a: Pick<CallbackRecord, 'vendor' | 'eventType' | 'at' | 'sequence' | 'files'>, b: typeof a): boolean {
  return (
    a.vendor === b.vendor &&
    a.eventType === b.eventType &&
    a.at === b.at &&
    a.sequence === b.sequence &&
    a.files.length === b.files.length &&
    a.files.every((name, i) => name === b.files[i])
  );
}

/** Whether the event's status may replace the entry's. */
function takesStatus(prev: LedgerEntry, event: CallbackEvent): boolean {
  const status = event.status;
  if (status === undefined || status === prev.task.status) return false;
  if (isTerminal(prev.task.status)) return false;
  if (RANK[status] < RANK[prev.task.status]) return false;
  const callbacks = prev.callbacks ?? [];
  if (event.sequence !== undefined && callbacks.some((c) => c.sequence !== undefined && c.sequence > event.sequence!)) return false;
  // Pause and resume rank alike: the later event wins, by the vendor's time.
  const last = prev.history[prev.history.length - 1];
  if (RANK[status] === RANK[prev.task.status] && last !== undefined && event.at < last.at) return false;
  return true;
}

export interface CallbackOutcome {
  readonly entry: LedgerEntry;
  /** The event changed the entry's status. */
  readonly applied: boolean;
  /** The same event was already recorded (a vendor retry): nothing changed. */
  readonly duplicate: boolean;
}

export function recordCallback(prev: LedgerEntry | undefined, accountId: string, event: CallbackEvent, source: CallbackSource, now: number): CallbackOutcome {
  const key = { accountId, product: event.product, taskId: event.taskId };
  const base: LedgerEntry = prev ?? {
    ...key,
    task: placeholderTask(key, event.vendor, event.appId, event.room, now),
    firstSeen: now,
    lastSeen: now,
    history: [],
    pinned: false,
  };
  const files = event.files.map((f) => f.fileName);
  if ((base.callbacks ?? []).some((c) => sameEvent(c, { ...event, files }))) return { entry: base, applied: false, duplicate: true };
  const applied = takesStatus(base, event);
  let task = { ...base.task, files: mergeFiles(base.task.files, event.files) };
  if (!task.room && event.room) task = { ...task, room: event.room };
  if (!task.appId && event.appId) task = { ...task, appId: event.appId };
  if (task.startedAt === undefined && event.startedAt !== undefined) task = { ...task, startedAt: event.startedAt };
  let history: readonly StatusTransition[] = base.history;
  if (applied) {
    const rawStatus = `callback ${event.eventType}`;
    task = { ...task, status: event.status!, rawStatus, ...(event.endedAt !== undefined ? { endedAt: task.endedAt ?? event.endedAt } : {}) };
    history = [...history, { status: event.status!, rawStatus, at: event.at }];
  }
  const record: CallbackRecord = {
    vendor: event.vendor,
    eventType: event.eventType,
    at: event.at,
    receivedAt: now,
    source,
    ...(event.sequence !== undefined ? { sequence: event.sequence } : {}),
    ...(event.status !== undefined ? { status: event.status } : {}),
    applied,
    files,
    facts: event.facts,
  };
  const callbacks = [...(base.callbacks ?? []), record].slice(-MAX_CALLBACKS);
  return { entry: { ...base, task, history, callbacks, lastSeen: Math.max(base.lastSeen, now) }, applied, duplicate: false };
}

/** Two entries' callback records united (two windows received different ones), oldest first. */
export function unitedCallbacks(a: readonly CallbackRecord[] | undefined, b: readonly CallbackRecord[] | undefined): readonly CallbackRecord[] | undefined {
  if (!a?.length) return b;
  if (!b?.length) return a;
  const all = [...a];
  for (const r of b) if (!all.some((c) => sameEvent(c, r))) all.push(r);
  return all.sort((x, y) => x.receivedAt - y.receivedAt).slice(-MAX_CALLBACKS);
}
