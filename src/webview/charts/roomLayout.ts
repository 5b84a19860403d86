/**
 * The room chart's layout: every task of a room as a bar on one time axis, in lanes so bars never
 * overlap, and at each zoom what can be told apart. Bars narrower than a few pixels, or closer than
 * a gap, merge into one cluster mark that counts its tasks and their statuses; marks (storage files,
 * status changes, callbacks) that would fall on the same pixel are drawn once. So the work and the
 * number of elements per frame follow the panel's width, not the number of tasks.
 * Pure (no DOM): the room page calls it on every zoom and pan; unit tests call it directly.
 */
import type { TaskStatus } from '../../model/task';
import { ROOM_STATUSES } from '../roomProtocol';
import type { TimeWindow } from './timeScale';

/** One task as a bar, as tests and small callers give it; `barColumns` turns a list of them into columns. */
export interface BarInput {
  readonly start: number;
  /** The end as drawn (a running task ends at now). */
  readonly end: number;
  readonly status: TaskStatus;
  /** Times of the marks on this bar, by kind. */
  readonly files: readonly number[];
  readonly changes: readonly number[];
  readonly callbacks: readonly number[];
}

/** One kind of mark, by task: task i's are `at[from[i]]` up to `at[from[i + 1] - 1]`, in their order. */
export interface MarkTimes {
  readonly from: ArrayLike<number>;
  readonly at: ArrayLike<number>;
}

/**
 * The bars column by column: a big room is held as a few arrays (typed where they are numbers), not
 * as an object per task, since allocating and collecting those is most of a big room's first frame.
 */
export interface BarColumns {
  readonly length: number;
  readonly start: ArrayLike<number>;
  /** The end as drawn (a running task ends at now). */
  readonly end: ArrayLike<number>;
  /** Indexes into `ROOM_STATUSES`. */
  readonly status: ArrayLike<number>;
  readonly file: MarkTimes;
  readonly change: MarkTimes;
  readonly callback: MarkTimes;
}

function markTimes(lists: readonly (readonly number[])[]): MarkTimes {
  const from = new Int32Array(lists.length + 1);
  const at: number[] = [];
  lists.forEach((times, i) => {
    at.push(...times);
    from[i + 1] = at.length;
  });
  return { from, at };
}

const UNKNOWN = ROOM_STATUSES.indexOf('unknown');

/** A list of bars as columns. */
export function barColumns(bars: readonly BarInput[]): BarColumns {
  return {
    length: bars.length,
    start: Float64Array.from(bars, (b) => b.start),
    end: Float64Array.from(bars, (b) => b.end),
    status: Uint8Array.from(bars, (b) => (ROOM_STATUSES.includes(b.status) ? ROOM_STATUSES.indexOf(b.status) : UNKNOWN)),
    file: markTimes(bars.map((b) => b.files)),
    change: markTimes(bars.map((b) => b.changes)),
    callback: markTimes(bars.map((b) => b.callbacks)),
  };
}
export type MarkKind = 'file' | 'change' | 'callback';

/** Tasks in lanes: the fewest lanes in which no two bars overlap (greedy interval partitioning). */
export interface RoomModel {
  readonly bars: BarColumns;
  /** Task indexes by start (equal starts in their given order). */
  readonly order: ArrayLike<number>;
  /** Task indexes of each lane, by start time. */
  readonly lanes: readonly (readonly number[])[];
  /** The lane of each task. */
  readonly laneOf: readonly number[];
  /** The earliest start and the latest end of all bars (an empty room: an empty window). */
  readonly extent: TimeWindow;
}

export interface LayoutView extends TimeWindow {
  readonly widthPx: number;
}

export interface LayoutOptions {
  /** A bar narrower than this is drawn this wide, and merges with a neighbour closer than `gapPx`. */
  readonly minBarPx: number;
  /** Bars closer than this cannot be told apart. */
  readonly gapPx: number;
  /** More lanes than this are drawn several to a row (their bars then merge where they overlap). */
  readonly maxRows: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = { minBarPx: 3, gapPx: 2, maxRows: 48 };

export interface BarItem {
  readonly kind: 'bar';
  readonly task: number;
  readonly x0: number;
  readonly x1: number;
}

export interface ClusterItem {
  readonly kind: 'cluster';
  /** The merged tasks, by start time. */
  readonly tasks: readonly number[];
  readonly x0: number;
  readonly x1: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly counts: Readonly<Partial<Record<TaskStatus, number>>>;
  /** The status most of its tasks have (ties: the more urgent, see STATUS_ORDER). */
  readonly status: TaskStatus;
}

export type RowItem = BarItem | ClusterItem;

export interface MarkItem {
  readonly kind: MarkKind;
  readonly x: number;
  readonly task: number;
  /** Which of the task's marks of this kind. */
  readonly index: number;
}

export interface LayoutRow {
  readonly items: readonly RowItem[];
  readonly marks: readonly MarkItem[];
}

export interface RoomLayout {
  readonly rows: readonly LayoutRow[];
  readonly lanesPerRow: number;
  /** Elements to draw: items plus marks. */
  readonly drawn: number;
}

/** Statuses by how much they need attention: a cluster with as many failed as ended tasks shows failed. */
export const STATUS_ORDER: readonly TaskStatus[] = ['failed', 'running', 'stopping', 'paused', 'starting', 'unknown', 'ended'];

/** A binary min-heap of (key, lane) pairs, in typed arrays of a fixed capacity (no allocation per push). */
class MinHeap {
  private readonly keys: Float64Array;
  private readonly lanes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.lanes = new Int32Array(capacity);
  }

  peekKey(): number {
    return this.keys[0]!;
  }

  push(key: number, lane: number): void {
    const keys = this.keys;
    const lanes = this.lanes;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      lanes[i] = lanes[parent]!;
      i = parent;
    }
    keys[i] = key;
    lanes[i] = lane;
  }

  pop(): number {
    const keys = this.keys;
    const lanes = this.lanes;
    const top = lanes[0]!;
    const size = --this.size;
    if (size === 0) return top;
    // Sift the last pair down from the root, moving children up instead of swapping.
    const key = keys[size]!;
    const lane = lanes[size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      lanes[i] = lanes[child]!;
      i = child;
    }
    keys[i] = key;
    lanes[i] = lane;
    return top;
  }
}

/**
 * Lays the bars out in lanes; bars may come as columns (the room page) or as a list (tests). Bars are
 * taken by start (equal starts in their given order), each in the topmost lane free by then.
 */
export function prepareRoom(input: BarColumns | readonly BarInput[]): RoomModel {
  const bars = 'start' in input ? input : barColumns(input);
  const n = bars.length;
  const starts = bars.start;
  const ends = bars.end;
  // The page's tasks come by start already, so a room is sorted only when they do not.
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) ordered = starts[i - 1]! <= starts[i]!;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!ordered) order.sort((a, b) => starts[a]! - starts[b]! || a - b);
  const busy = new MinHeap(n); // by the end of the lane's last bar
  const free = new MinHeap(n); // by lane number: the topmost free lane is reused first
  const lanes: number[][] = [];
  const laneOf = new Array<number>(n);
  let start = Infinity;
  let end = -Infinity;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const barStart = starts[i]!;
    const barEnd = ends[i]!;
    while (busy.size > 0 && busy.peekKey() <= barStart) {
      const lane = busy.pop();
      free.push(lane, lane);
    }
    let lane: number;
    if (free.size > 0) {
      lane = free.pop();
    } else {
      lane = lanes.length;
      lanes.push([]);
    }
    busy.push(barEnd, lane);
    lanes[lane]!.push(i);
    laneOf[i] = lane;
    if (barStart < start) start = barStart;
    if (barEnd > end) end = barEnd;
  }
  return { bars, order, lanes, laneOf, extent: n === 0 ? { startMs: 0, endMs: 0 } : { startMs: start, endMs: end } };
}

/** The row a lane is drawn in. */
export function rowOfLane(lane: number, lanesPerRow: number): number {
  return Math.floor(lane / lanesPerRow);
}

export function lanesPerRowFor(model: RoomModel, options: LayoutOptions = DEFAULT_LAYOUT): number {
  return Math.max(1, Math.ceil(model.lanes.length / Math.max(1, options.maxRows)));
}

/**
 * A row's tasks by start, with how far the row reaches by each of them (the latest end so far, so it
 * only grows and can be searched): the tasks reaching into a view are found without merging the
 * row's lanes again on every zoom and pan.
 */
interface RowIndex {
  readonly tasks: Int32Array;
  readonly reach: Float64Array;
}

const rowIndexes = new WeakMap<RoomModel, { readonly lanesPerRow: number; readonly rows: readonly RowIndex[] }>();

/** The rows of `model` at `lanesPerRow`, made once per model (one pass over the tasks by start). */
function rowIndex(model: RoomModel, lanesPerRow: number): readonly RowIndex[] {
  const cached = rowIndexes.get(model);
  if (cached && cached.lanesPerRow === lanesPerRow) return cached.rows;
  const { lanes, laneOf, order } = model;
  const end = model.bars.end;
  const rowCount = Math.ceil(lanes.length / lanesPerRow);
  const sizes = new Int32Array(rowCount);
  for (let l = 0; l < lanes.length; l++) sizes[Math.floor(l / lanesPerRow)] += lanes[l]!.length;
  const rows: RowIndex[] = Array.from(sizes, (size) => ({ tasks: new Int32Array(size), reach: new Float64Array(size) }));
  const filled = new Int32Array(rowCount);
  for (let k = 0; k < order.length; k++) {
    const task = order[k]!;
    const r = Math.floor(laneOf[task]! / lanesPerRow);
    const row = rows[r]!;
    const j = filled[r]!++;
    row.tasks[j] = task;
    const e = end[task]!;
    row.reach[j] = j > 0 && row.reach[j - 1]! > e ? row.reach[j - 1]! : e;
  }
  rowIndexes.set(model, { lanesPerRow, rows });
  return rows;
}

/** The tasks of a row that reach into the view, by start time. */
function visibleTasks(model: RoomModel, row: RowIndex, view: TimeWindow): number[] {
  const { start, end } = model.bars;
  const { tasks, reach } = row;
  let lo = 0;
  let hi = tasks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reach[mid]! < view.startMs) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let j = lo; j < tasks.length; j++) {
    const task = tasks[j]!;
    if (start[task]! > view.endMs) break;
    if (end[task]! >= view.startMs) out.push(task);
  }
  return out;
}

/** The status most of a cluster's tasks have (ties: the more urgent, see STATUS_ORDER). */
function dominant(counts: Partial<Record<TaskStatus, number>>): TaskStatus {
  let best: TaskStatus = 'unknown';
  let bestCount = 0;
  for (const status of STATUS_ORDER) {
    const n = counts[status] ?? 0;
    if (n > bestCount) {
      best = status;
      bestCount = n;
    }
  }
  return best;
}

/**
 * What the row shows of the view. One pass over the tasks in view, with the pending bar or cluster
 * kept as numbers (its first task in `visible`, how many, its pixels): a cluster is an object once,
 * however many tasks it merges, so a dense room allocates per element drawn, not per task.
 */
export function layoutRoom(model: RoomModel, view: LayoutView, options: LayoutOptions = DEFAULT_LAYOUT): RoomLayout {
  const lanesPerRow = lanesPerRowFor(model, options);
  const { start, end, status } = model.bars;
  const { minBarPx, gapPx } = options;
  const viewStart = view.startMs;
  const viewEnd = view.endMs;
  const widthPx = view.widthPx;
  const span = viewEnd - viewStart;
  const scale = span > 0 ? widthPx / span : 0;
  const toX = (ms: number): number => {
    const x = (ms - viewStart) * scale;
    return x < -1 ? -1 : x > widthPx + 1 ? widthPx + 1 : x;
  };
  const statusCounts = new Int32Array(ROOM_STATUSES.length);
  const rows: LayoutRow[] = [];
  let drawn = 0;
  for (const row of rowIndex(model, lanesPerRow)) {
    const visible = visibleTasks(model, row, view);
    const items: RowItem[] = [];
    const marks: MarkItem[] = [];
    const taken: Record<MarkKind, Set<number>> = { file: new Set(), change: new Set(), callback: new Set() };
    const addMarks = (kind: MarkKind, times: MarkTimes, task: number): void => {
      const from = times.from[task]!;
      const to = times.from[task + 1]!;
      for (let k = from; k < to; k++) {
        const ms = times.at[k]!;
        if (ms < viewStart || ms > viewEnd) continue;
        const x = toX(ms);
        const px = Math.round(x);
        if (taken[kind].has(px)) continue;
        taken[kind].add(px);
        marks.push({ kind, x, task, index: k - from });
      }
    };
    // The pending item: visible[pFrom .. pFrom + pCount - 1], from pX0 to pX1.
    let pFrom = 0;
    let pCount = 0;
    let pX0 = 0;
    let pX1 = 0;
    const flush = (): void => {
      if (pCount === 0) return;
      const x1 = Math.max(pX1, pX0 + minBarPx);
      if (pCount === 1) {
        const task = visible[pFrom]!;
        items.push({ kind: 'bar', task, x0: pX0, x1 });
        addMarks('file', model.bars.file, task);
        addMarks('change', model.bars.change, task);
        addMarks('callback', model.bars.callback, task);
        return;
      }
      statusCounts.fill(0);
      let startMs = Infinity;
      let endMs = -Infinity;
      for (let k = pFrom; k < pFrom + pCount; k++) {
        const task = visible[k]!;
        statusCounts[status[task]!]!++;
        if (start[task]! < startMs) startMs = start[task]!;
        if (end[task]! > endMs) endMs = end[task]!;
      }
      const counts: Partial<Record<TaskStatus, number>> = {};
      statusCounts.forEach((count, code) => {
        if (count > 0) counts[ROOM_STATUSES[code]!] = count;
      });
      items.push({ kind: 'cluster', tasks: visible.slice(pFrom, pFrom + pCount), x0: pX0, x1, startMs, endMs, counts, status: dominant(counts) });
    };
    for (let k = 0; k < visible.length; k++) {
      const task = visible[k]!;
      const x0 = toX(start[task]!);
      const x1 = toX(end[task]!);
      if (pCount > 0) {
        const narrow = x1 - x0 < minBarPx;
        const pendingNarrow = pCount > 1 || pX1 - pX0 < minBarPx;
        const drawnEnd = Math.max(pX1, pX0 + minBarPx);
        const overlaps = x0 < pX1 - 0.5;
        const touches = x0 < drawnEnd + gapPx;
        if (overlaps || (touches && (narrow || pendingNarrow))) {
          if (x1 > pX1) pX1 = x1;
          pCount++;
          continue;
        }
      }
      flush();
      pFrom = k;
      pCount = 1;
      pX0 = x0;
      pX1 = x1;
    }
    flush();
    drawn += items.length + marks.length;
    rows.push({ items, marks });
  }
  return { rows, lanesPerRow, drawn };
}

/** The window that shows every task, with a little room at both ends (an empty room: the last hour). */
export function fitWindow(model: RoomModel, now: number): TimeWindow {
  if (model.bars.length === 0) return { startMs: now - 3_600_000, endMs: now };
  const span = Math.max(60_000, model.extent.endMs - model.extent.startMs);
  const pad = span * 0.02;
  return { startMs: model.extent.startMs - pad, endMs: model.extent.endMs + pad };
}

/** Narrowest window a zoom reaches (a second), and the widest (ten years). */
export const MIN_SPAN_MS = 1_000;
export const MAX_SPAN_MS = 10 * 365 * 86_400_000;

/** `window` zoomed by `factor` (< 1 zooms in) around the fraction `at` (0..1) of it. */
export function zoomWindow(window: TimeWindow, factor: number, at = 0.5): TimeWindow {
  const span = window.endMs - window.startMs;
  const next = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, span * factor));
  const pivot = window.startMs + span * at;
  return { startMs: pivot - (pivot - window.startMs) * (next / span), endMs: pivot + (window.endMs - pivot) * (next / span) };
}

/** `window` moved by `fraction` of its width (negative: earlier). */
export function panWindow(window: TimeWindow, fraction: number): TimeWindow {
  const shift = (window.endMs - window.startMs) * fraction;
  return { startMs: window.startMs + shift, endMs: window.endMs + shift };
}
