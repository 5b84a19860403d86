/**
 * Builds what the room panel shows from the ledger: each task of the room as times and statuses,
 * and the page's words. Pure, like `document.ts`: the panel calls it on open and on every change.
 */
import { entryStartMs, type LedgerEntry } from '../model/ledgerEntry';
import { isTerminal, PRODUCTS, type Product, type TaskStatus } from '../model/task';
import { productLabel, roomLabel, statusLabel } from '../display/labels';
import { visibleString } from '../display/text';
import { formatLocalTime } from '../display/time';
import type { Localizer, TimeContext } from '../display/localize';
import { ROOM_STATUSES, type RoomDocument, type RoomLabels, type RoomPanelState, type RoomTaskColumns } from './roomProtocol';

export interface RoomContext {
  readonly time: TimeContext;
  readonly l10n: Localizer;
}

export function roomTaskRef(entry: Pick<LedgerEntry, 'product' | 'taskId'>): string {
  return `${entry.product}/${entry.taskId}`;
}

const STATUS_INDEX = new Map(ROOM_STATUSES.map((s, i) => [s, i]));
const PRODUCT_INDEX = new Map(PRODUCTS.map((p, i) => [p, i]));

/**
 * When this extension saw an ended task end (its first terminal status), for a vendor that reports no
 * end time; a task first seen already ended ended before it was first seen.
 */
function seenEnding(entry: LedgerEntry): number {
  return entry.history.find((h) => isTerminal(h.status))?.at ?? entry.firstSeen;
}

/** Shown as text: the display module's escaping, skipped for the printable ASCII most ids are (a big room has tens of thousands). */
function shown(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : visibleString(value);
}

/** Entries in the order the chart wants them: by start, then by ref. */
export function byRoomOrder(a: LedgerEntry, b: LedgerEntry): number {
  return (
    entryStartMs(a) - entryStartMs(b) ||
    (a.product < b.product ? -1 : a.product > b.product ? 1 : 0) ||
    (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0)
  );
}

/**
 * The tasks as columns. Strings the vendor sent are shown as text, hidden characters made visible;
 * the ref keeps the exact id, since it names the task back to the host.
 */
export function roomTaskColumns(entries: readonly LedgerEntry[]): RoomTaskColumns {
  const c = {
    ref: [] as string[],
    taskId: [] as string[],
    product: [] as number[],
    status: [] as number[],
    rawStatus: [] as string[],
    start: [] as number[],
    end: [] as (number | null)[],
    scheduledEnd: [] as (number | null)[],
    fileTask: [] as number[],
    fileAt: [] as number[],
    fileName: [] as string[],
    changeTask: [] as number[],
    changeAt: [] as number[],
    changeStatus: [] as number[],
    callbackTask: [] as number[],
    callbackAt: [] as number[],
    callbackLabel: [] as string[],
  };
  entries.forEach((entry, i) => {
    const task = entry.task;
    const start = entryStartMs(entry);
    const terminal = isTerminal(task.status);
    c.ref.push(roomTaskRef(entry));
    c.taskId.push(shown(task.taskId));
    c.product.push(PRODUCT_INDEX.get(task.product)!);
    c.status.push(STATUS_INDEX.get(task.status)!);
    c.rawStatus.push(shown(task.rawStatus));
    c.start.push(start);
    c.end.push(terminal ? Math.max(start, task.endedAt ?? seenEnding(entry)) : null);
    c.scheduledEnd.push(!terminal && task.endedAt !== undefined ? task.endedAt : null);
    for (const file of task.files) {
      if (file.beginTimeMs === undefined) continue;
      c.fileTask.push(i);
      c.fileAt.push(file.beginTimeMs);
      c.fileName.push(shown(file.fileName));
    }
    for (const change of entry.history.slice(1)) {
      c.changeTask.push(i);
      c.changeAt.push(change.at);
      c.changeStatus.push(STATUS_INDEX.get(change.status)!);
    }
  });
  return c;
}

/** The room in one sentence, for the header and screen readers. */
export function roomSummary(entries: readonly LedgerEntry[], ctx: RoomContext): string {
  const { l10n } = ctx;
  if (entries.length === 0) return l10n.t('No task of this room is in the task ledger.');
  let start = Infinity;
  let end = -Infinity;
  const counts = new Map<TaskStatus, number>();
  for (const entry of entries) {
    const s = entryStartMs(entry);
    start = Math.min(start, s);
    end = Math.max(end, s, isTerminal(entry.task.status) ? (entry.task.endedAt ?? seenEnding(entry)) : ctx.time.now);
    counts.set(entry.task.status, (counts.get(entry.task.status) ?? 0) + 1);
  }
  const byStatus = ROOM_STATUSES.filter((s) => counts.has(s)).map((s) => l10n.t('{0} {1}', counts.get(s)!, statusLabel(s, l10n)));
  return l10n.t('{0} tasks from {1} to {2}: {3}.', entries.length, formatLocalTime(start, ctx.time), formatLocalTime(end, ctx.time), byStatus.join(', '));
}

function labels(l10n: Localizer): RoomLabels {
  return {
    zoomIn: l10n.t('Zoom in'),
    zoomOut: l10n.t('Zoom out'),
    fit: l10n.t('Show all'),
    chart: l10n.t('Tasks of the room over time'),
    keys: l10n.t(
      'Left and Right arrows move between tasks, Up and Down between rows; Enter opens a task or zooms into a group; + and - zoom, Shift with the arrows pans, 0 shows all. Drag to pan, Ctrl with the mouse wheel to zoom.',
    ),
    empty: l10n.t('No task of this room is in the task ledger.'),
    utc: l10n.t('UTC'),
    local: l10n.t('local'),
    started: l10n.t('Started'),
    ended: l10n.t('Ended'),
    running: l10n.t('still running'),
    scheduledEnd: l10n.t('Scheduled to end'),
    duration: l10n.t('Duration'),
    files: l10n.t('Storage files'),
    file: l10n.t('Storage file {0} began'),
    change: l10n.t('Became {0}'),
    callback: l10n.t('Callback {0}'),
    legendFile: l10n.t('storage file began'),
    legendChange: l10n.t('status change'),
    legendCallback: l10n.t('callback'),
    taskOf: l10n.t('Task {0} ({1})'),
    cluster: l10n.t('{0} tasks too close to tell apart at this zoom'),
    clusterHint: l10n.t('Click or press Enter to zoom in.'),
    openHint: l10n.t('Click or press Enter to open its details.'),
    tableSummary: l10n.t('Tasks in view, as a table ({0})'),
    tableMore: l10n.t('The first {0} of {1} tasks in view are listed; zoom in to list the others.'),
    columns: [l10n.t('Task ID'), l10n.t('Product'), l10n.t('Status'), l10n.t('Started'), l10n.t('Ended'), l10n.t('Duration'), l10n.t('Storage files')],
    rowsPerLane: l10n.t('{0} overlapping tasks share each row at this size.'),
  };
}

export function roomHeading(state: Pick<RoomPanelState, 'product' | 'room'>, l10n: Localizer): string {
  return l10n.t('{0} {1}', roomLabel(state.product, l10n), state.room === '' ? l10n.t('(no room label)') : visibleString(state.room));
}

export function roomDocument(state: RoomPanelState, entries: readonly LedgerEntry[], ctx: RoomContext): RoomDocument {
  const { l10n } = ctx;
  const sorted = [...entries].sort(byRoomOrder);
  return {
    heading: roomHeading(state, l10n),
    locale: ctx.time.locale,
    ...(ctx.time.timeZone ? { timeZone: ctx.time.timeZone } : {}),
    now: ctx.time.now,
    tasks: roomTaskColumns(sorted),
    summary: roomSummary(sorted, ctx),
    labels: labels(l10n),
    statusLabels: Object.fromEntries(ROOM_STATUSES.map((s) => [s, statusLabel(s, l10n)])) as Record<TaskStatus, string>,
    productLabels: Object.fromEntries(PRODUCTS.map((p) => [p, productLabel(p, l10n)])) as Record<Product, string>,
  };
}
