/**
 * The view filter (text, statuses, time range) and which ledger entries a product shows. Pure.
 */
import type { LedgerEntry } from '../model/ledgerEntry';
import type { Product, Task, TaskStatus } from '../model/task';
import { entryStartMs } from '../model/ledgerEntry';
import { traitsOf } from '../model/productTraits';
import { statusLabel } from '../display/labels';
import type { Localizer } from '../display/localize';

export interface TaskFilter {
  /** Case-insensitive substring of the task id, room or stream, vendor status, or a file name. */
  readonly text?: string;
  /** Shown statuses; unset or empty shows every status. */
  readonly statuses?: readonly TaskStatus[];
  /** Only tasks that began in the last this many hours; for CSS also the listing window. */
  readonly hours?: number;
}

export const NO_FILTER: TaskFilter = {};

export function isFiltering(filter: TaskFilter): boolean {
  return Boolean(filter.text) || (filter.statuses?.length ?? 0) > 0 || filter.hours !== undefined;
}

// Between the fields of a task's search text: no filter text holds it (see `matchesText`), so no
// match spans two fields, and lower-casing the joined text lower-cases each field as it would alone
// (a final sigma stays final before it).
const FIELD_BREAK = '\u0000';

/**
 * A task's searched fields (id, room or stream, vendor status, app, file names), lower-cased and
 * joined. Snapshots are immutable and replaced when they change, so one computation per snapshot
 * serves every redraw: at 100,000 entries the filter no longer lower-cases 500,000 strings a read.
 */
const searchTexts = new WeakMap<Task, string>();

function searchText(task: Task): string {
  let text = searchTexts.get(task);
  if (text === undefined) {
    text = [task.taskId, task.room, task.rawStatus, task.appId, ...task.files.map((f) => f.fileName)].join(FIELD_BREAK).toLowerCase();
    searchTexts.set(task, text);
  }
  return text;
}

function matchesText(task: Task, text: string): boolean {
  const needle = text.toLowerCase();
  // A NUL in the filter text can only match across fields: nothing shows for it, as nothing would field by field.
  return !needle.includes(FIELD_BREAK) && searchText(task).includes(needle);
}

export function matchesFilter(entry: LedgerEntry, filter: TaskFilter, now: number): boolean {
  if (filter.statuses && filter.statuses.length > 0 && !filter.statuses.includes(entry.task.status)) return false;
  if (filter.hours !== undefined && entryStartMs(entry) < now - filter.hours * 3_600_000) return false;
  return !filter.text || matchesText(entry.task, filter.text);
}

/** How many hours back a CSS listing looks: the filter's range, else the setting. */
export function listingHours(filter: TaskFilter, defaultHours: number): number {
  return filter.hours ?? defaultHours;
}

/**
 * Whether a product shows a ledger entry. CSS shows the time range it lists (plus what is still
 * running or pinned); the other products show everything remembered, because their vendor cannot
 * list the past (TRTC, GME) or forgets it after 3 days (ZEGO). The filter applies on top.
 */
export function isShown(entry: LedgerEntry, filter: TaskFilter, defaultHours: number, now: number): boolean {
  if (!matchesFilter(entry, filter, now)) return false;
  if (traitsOf(entry.product).window !== 'filterRange' || entry.pinned || entry.task.status === 'running') return true;
  return entryStartMs(entry) >= now - listingHours(filter, defaultHours) * 3_600_000;
}

/** Whether `isShown` holds for every entry of the product under this filter (no entry needs looking at). */
export function showsEverything(product: Product, filter: TaskFilter): boolean {
  return !isFiltering(filter) && traitsOf(product).window !== 'filterRange';
}

/** The view description: `“abc” · running, ended · last 6 h`. */
export function describeFilter(filter: TaskFilter, l10n: Localizer): string {
  const parts: string[] = [];
  if (filter.text) parts.push(`“${filter.text}”`);
  if (filter.statuses && filter.statuses.length > 0) parts.push(filter.statuses.map((s) => statusLabel(s, l10n)).join(', '));
  if (filter.hours !== undefined) parts.push(l10n.t('last {0} h', filter.hours));
  return parts.join(' · ');
}

/** Reads a stored filter back; anything malformed becomes no filter rather than a broken view. */
export function readFilter(value: unknown): TaskFilter {
  if (typeof value !== 'object' || value === null) return NO_FILTER;
  const v = value as Record<string, unknown>;
  const known: ReadonlySet<string> = new Set(['starting', 'running', 'paused', 'stopping', 'ended', 'failed', 'unknown']);
  const text = typeof v.text === 'string' && v.text.trim() ? v.text.trim() : undefined;
  const statuses = Array.isArray(v.statuses) ? (v.statuses.filter((s) => typeof s === 'string' && known.has(s)) as TaskStatus[]) : undefined;
  const hours = typeof v.hours === 'number' && Number.isFinite(v.hours) && v.hours > 0 ? v.hours : undefined;
  return { text, statuses: statuses && statuses.length > 0 ? statuses : undefined, hours };
}
