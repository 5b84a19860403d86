/**
 * The task ledger's pure logic: how an observation changes an entry, and the on-disk document.
 * No I/O and no `vscode` here, so every rule runs under plain mocha.
 */
import type { CallbackRecord, CallbackSource } from './callback';
import { FILE_STATES, mergeFiles } from './files';
import type { LedgerEntry, StatusTransition } from './ledgerEntry';
import { PRODUCTS, isTerminal, type ExtraValue, type Product, type StorageFile, type Task, type TaskKey, type TaskStatus } from './task';

/** Longest status history kept per task; older transitions are dropped (the first one is kept). */
export const MAX_HISTORY = 50;

/** A room the user pinned (GME answers per room, so the ledger must remember which rooms to ask about). */
export interface PinnedRoom {
  readonly accountId: string;
  readonly product: Product;
  readonly room: string;
  readonly addedAt: number;
}

export interface LedgerDocument {
  readonly version: 1;
  readonly tasks: readonly LedgerEntry[];
  readonly rooms: readonly PinnedRoom[];
}

export const EMPTY_LEDGER: LedgerDocument = { version: 1, tasks: [], rooms: [] };

function appendTransition(history: readonly StatusTransition[], next: StatusTransition): readonly StatusTransition[] {
  const last = history[history.length - 1];
  if (last && last.status === next.status && last.rawStatus === next.rawStatus) return history;
  const all = [...history, next];
  // Keep the first sighting: it says what the task looked like when the extension met it.
  return all.length > MAX_HISTORY ? [all[0], ...all.slice(all.length - MAX_HISTORY + 1)] : all;
}

/**
 * Records a fresh snapshot. A task seen for the first time starts its history; later snapshots
 * add a transition only when the status changed. `pin` only ever adds a pin (listings never unpin).
 */
export function observe(prev: LedgerEntry | undefined, task: Task, now: number, pin = false): LedgerEntry {
  const transition: StatusTransition = { status: task.status, rawStatus: task.rawStatus, at: task.observedAt || now };
  // A task whose files disappeared from the answer (TRTC stops listing them once uploaded) keeps the last list;
  // files other reports added (file APIs, callbacks) stay, updated by name.
  const files = mergeFiles(prev?.task.files ?? [], task.files);
  return {
    accountId: task.accountId,
    product: task.product,
    taskId: task.taskId,
    task: { ...task, files, room: task.room || prev?.task.room || '' },
    firstSeen: prev?.firstSeen ?? now,
    lastSeen: now,
    history: appendTransition(prev?.history ?? [], transition),
    pinned: (prev?.pinned ?? false) || pin,
  };
}

/** The refresh failed: keep the last snapshot, remember why. */
export function withError(prev: LedgerEntry, message: string): LedgerEntry {
  return { ...prev, lastError: message };
}

/**
 * The vendor no longer reports the task (TRTC answers "ended"/"not found", GME's room shows another
 * task or none): it ended. The snapshot stays; only the status moves to `ended`.
 */
export function markEnded(prev: LedgerEntry, rawStatus: string, now: number): LedgerEntry {
  if (isTerminal(prev.task.status)) return { ...prev, lastSeen: now, lastError: undefined };
  const task: Task = { ...prev.task, status: 'ended', rawStatus, endedAt: prev.task.endedAt ?? now, observedAt: now };
  return {
    ...prev,
    task,
    lastSeen: now,
    lastError: undefined,
    history: appendTransition(prev.history, { status: 'ended', rawStatus, at: now }),
  };
}

/** A task the user named before the vendor answered for it (Track Task…): status unknown until refreshed. */
export function placeholderTask(key: TaskKey, vendor: Task['vendor'], appId: string, room: string, now: number): Task {
  return { ...key, vendor, appId, room, status: 'unknown', rawStatus: '', observedAt: now, files: [], extras: {} };
}

export function serializeLedger(doc: LedgerDocument): string {
  return JSON.stringify(doc);
}

export interface ParsedLedger {
  readonly doc: LedgerDocument;
  /** Why some or all of the file could not be read; empty when it was read whole. */
  readonly problems: readonly string[];
}

const STATUSES: ReadonlySet<string> = new Set<TaskStatus>(['starting', 'running', 'paused', 'stopping', 'ended', 'failed', 'unknown']);
const PRODUCT_SET: ReadonlySet<string> = new Set(PRODUCTS);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optNum = (v: unknown): v is number | undefined => v === undefined || isNum(v);

function isExtra(v: unknown): v is ExtraValue {
  return v === null || isStr(v) || isNum(v) || typeof v === 'boolean' || (Array.isArray(v) && v.every(isStr));
}

const FILE_STATE_SET: ReadonlySet<string> = new Set(FILE_STATES);
const optStr = (v: unknown): v is string | undefined => v === undefined || isStr(v);

function readFile(v: unknown): StorageFile | undefined {
  if (!isObject(v) || !isStr(v.userId) || !isStr(v.fileName) || !isStr(v.trackType) || !optNum(v.beginTimeMs)) return undefined;
  const file: StorageFile = {
    userId: v.userId,
    fileName: v.fileName,
    trackType: v.trackType,
    ...(v.beginTimeMs !== undefined ? { beginTimeMs: v.beginTimeMs } : {}),
  };
  // The optional facts other reports added; an unreadable one is dropped, the file kept.
  const extra: Record<string, unknown> = {};
  for (const name of ['endTimeMs', 'sizeBytes', 'durationMs', 'expiresAtMs'] as const) if (isNum(v[name])) extra[name] = v[name];
  for (const name of ['rawState', 'url', 'vodFileId', 'format', 'reportedBy'] as const) if (optStr(v[name]) && v[name] !== undefined) extra[name] = v[name];
  if (isStr(v.state) && FILE_STATE_SET.has(v.state)) extra.state = v.state;
  return { ...file, ...extra };
}

function readTask(v: unknown): Task | undefined {
  if (!isObject(v)) return undefined;
  const { accountId, product, taskId, vendor, appId, room, status, rawStatus, observedAt, files, extras } = v;
  if (!isStr(accountId) || !isStr(product) || !PRODUCT_SET.has(product) || !isStr(taskId)) return undefined;
  if ((vendor !== 'tencent' && vendor !== 'zego') || !isStr(appId) || !isStr(room)) return undefined;
  if (!isStr(status) || !STATUSES.has(status) || !isStr(rawStatus) || !isNum(observedAt)) return undefined;
  if (!optNum(v.startedAt) || !optNum(v.endedAt) || !(v.requestId === undefined || isStr(v.requestId))) return undefined;
  if (!Array.isArray(files) || !isObject(extras)) return undefined;
  const readFiles = files.map(readFile);
  if (readFiles.some((f) => f === undefined)) return undefined;
  const readExtras: Record<string, ExtraValue> = {};
  for (const [name, value] of Object.entries(extras)) {
    if (!isExtra(value)) return undefined;
    readExtras[name] = value;
  }
  return {
    accountId,
    product: product as Product,
    taskId,
    vendor,
    appId,
    room,
    status: status as TaskStatus,
    rawStatus,
    startedAt: v.startedAt,
    endedAt: v.endedAt,
    observedAt,
    files: readFiles as StorageFile[],
    extras: readExtras,
    requestId: v.requestId,
  };
}

function readTransition(v: unknown): StatusTransition | undefined {
  if (!isObject(v) || !isStr(v.status) || !STATUSES.has(v.status) || !isStr(v.rawStatus) || !isNum(v.at)) return undefined;
  return { status: v.status as TaskStatus, rawStatus: v.rawStatus, at: v.at };
}

export function readEntry(v: unknown): LedgerEntry | undefined {
  if (!isObject(v) || !isNum(v.firstSeen) || !isNum(v.lastSeen) || typeof v.pinned !== 'boolean' || !Array.isArray(v.history)) return undefined;
  const task = readTask(v.task);
  if (!task) return undefined;
  const history = v.history.map(readTransition);
  if (history.some((h) => h === undefined)) return undefined;
  if (!(v.lastError === undefined || isStr(v.lastError))) return undefined;
  return {
    accountId: task.accountId,
    product: task.product,
    taskId: task.taskId,
    task,
    firstSeen: v.firstSeen,
    lastSeen: v.lastSeen,
    history: history as StatusTransition[],
    pinned: v.pinned,
    lastError: v.lastError,
    ...(Array.isArray(v.callbacks) ? { callbacks: v.callbacks.map(readCallbackRecord).filter((c): c is CallbackRecord => c !== undefined) } : {}),
  };
}

const SOURCES: ReadonlySet<string> = new Set(['paste', 'receiver']);

/** A recorded callback; one that cannot be read is dropped, the entry kept. */
function readCallbackRecord(v: unknown): CallbackRecord | undefined {
  if (!isObject(v) || (v.vendor !== 'tencent' && v.vendor !== 'zego') || !isStr(v.eventType) || !isNum(v.at) || !isNum(v.receivedAt)) return undefined;
  if (!isStr(v.source) || !SOURCES.has(v.source) || typeof v.applied !== 'boolean' || !Array.isArray(v.files) || !v.files.every(isStr) || !isObject(v.facts))
    return undefined;
  if (!optNum(v.sequence) || !(v.status === undefined || (isStr(v.status) && STATUSES.has(v.status)))) return undefined;
  const facts: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(v.facts)) if (isStr(value) || isNum(value)) facts[name] = value;
  return {
    vendor: v.vendor,
    eventType: v.eventType,
    at: v.at,
    receivedAt: v.receivedAt,
    source: v.source as CallbackSource,
    ...(v.sequence !== undefined ? { sequence: v.sequence } : {}),
    ...(v.status !== undefined ? { status: v.status as TaskStatus } : {}),
    applied: v.applied,
    files: v.files as string[],
    facts,
  };
}

export function readRoom(v: unknown): PinnedRoom | undefined {
  if (!isObject(v) || !isStr(v.accountId) || !isStr(v.product) || !PRODUCT_SET.has(v.product) || !isStr(v.room) || !isNum(v.addedAt)) return undefined;
  return { accountId: v.accountId, product: v.product as Product, room: v.room, addedAt: v.addedAt };
}

/**
 * Reads a ledger file. Never throws: what cannot be read is reported in `problems` (the caller
 * backs the file up and warns) and what can be read is kept.
 */
export function parseLedger(text: string): ParsedLedger {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { doc: EMPTY_LEDGER, problems: [`not JSON (${(err as Error).message})`] };
  }
  if (!isObject(raw) || raw.version !== 1 || !Array.isArray(raw.tasks) || !Array.isArray(raw.rooms)) {
    return { doc: EMPTY_LEDGER, problems: ['not a version 1 ledger document'] };
  }
  const tasks = raw.tasks.map(readEntry).filter((e): e is LedgerEntry => e !== undefined);
  const rooms = raw.rooms.map(readRoom).filter((r): r is PinnedRoom => r !== undefined);
  const problems: string[] = [];
  if (tasks.length < raw.tasks.length) problems.push(`${raw.tasks.length - tasks.length} task entries were unreadable`);
  if (rooms.length < raw.rooms.length) problems.push(`${raw.rooms.length - rooms.length} pinned rooms were unreadable`);
  return { doc: { version: 1, tasks, rooms }, problems };
}
