/**
 * The room chart's layout: every task of a room as a bar on one time axis, in lanes so bars never
 * overlap, and at each zoom what can be told apart. Bars narrower than a few pixels, or closer than
 * a gap, merge into one cluster mark that counts its tasks and their statuses; marks (storage files,
 * status changes, callbacks) that would fall on the same pixel are drawn once. So the work and the
 * number of elements per frame follow the panel's width, not the number of tasks.
 * Pure (no DOM): the room page calls it on every zoom and pan; unit tests call it directly.
 */
import type { TaskStatus } from '../../model/task';
import type { TimeWindow } from './timeScale';

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

export type MarkKind = 'file' | 'change' | 'callback';

/** Tasks in lanes: the fewest lanes in which no two bars overlap (greedy interval partitioning). */
export interface RoomModel {
  readonly bars: readonly BarInput[];
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

/** A binary min-heap of (key, lane) pairs. */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly lanes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  peekKey(): number {
    return this.keys[0]!;
  }

  push(key: number, lane: number): void {
    this.keys.push(key);
    this.lanes.push(lane);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= this.keys[i]!) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): number {
    const lane = this.lanes[0]!;
    const lastKey = this.keys.pop()!;
    const lastLane = this.lanes.pop()!;
    if (this.keys.length === 0) return lane;
    this.keys[0] = lastKey;
    this.lanes[0] = lastLane;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < this.keys.length && this.keys[l]! < this.keys[min]!) min = l;
      if (r < this.keys.length && this.keys[r]! < this.keys[min]!) min = r;
      if (min === i) return lane;
      this.swap(i, min);
      i = min;
    }
  }

  // Temporaries, not destructuring: this runs a million times for a big room, often before the JIT warms up.
  private swap(a: number, b: number): void {
    const key = this.keys[a]!;
    this.keys[a] = this.keys[b]!;
    this.keys[b] = key;
    const lane = this.lanes[a]!;
    this.lanes[a] = this.lanes[b]!;
    this.lanes[b] = lane;
  }
}

export function prepareRoom(bars: readonly BarInput[]): RoomModel {
  const order = bars.map((_, i) => i).sort((a, b) => bars[a]!.start - bars[b]!.start || bars[a]!.end - bars[b]!.end);
  const busy = new MinHeap(); // by the end of the lane's last bar
  const free = new MinHeap(); // by lane number: the topmost free lane is reused first
  const lanes: number[][] = [];
  const laneOf = new Array<number>(bars.length);
  let start = Infinity;
  let end = -Infinity;
  for (const i of order) {
    const bar = bars[i]!;
    while (busy.size > 0 && busy.peekKey() <= bar.start) {
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
    busy.push(bar.end, lane);
    lanes[lane]!.push(i);
    laneOf[i] = lane;
    start = Math.min(start, bar.start);
    end = Math.max(end, bar.end);
  }
  return { bars, lanes, laneOf, extent: bars.length === 0 ? { startMs: 0, endMs: 0 } : { startMs: start, endMs: end } };
}

/** The row a lane is drawn in. */
export function rowOfLane(lane: number, lanesPerRow: number): number {
  return Math.floor(lane / lanesPerRow);
}

export function lanesPerRowFor(model: RoomModel, options: LayoutOptions = DEFAULT_LAYOUT): number {
  return Math.max(1, Math.ceil(model.lanes.length / Math.max(1, options.maxRows)));
}

/** The first index in a lane (bars by start, never overlapping, so ends ascend too) ending at or after `ms`. */
function firstEndingAfter(model: RoomModel, lane: readonly number[], ms: number): number {
  let lo = 0;
  let hi = lane.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (model.bars[lane[mid]!]!.end < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tasks of a row that reach into the view, by start time. */
function visibleTasks(model: RoomModel, laneIds: readonly number[], view: TimeWindow): number[] {
  const out: number[] = [];
  for (const l of laneIds) {
    const lane = model.lanes[l]!;
    for (let i = firstEndingAfter(model, lane, view.startMs); i < lane.length; i++) {
      const task = lane[i]!;
      if (model.bars[task]!.start > view.endMs) break;
      out.push(task);
    }
  }
  if (laneIds.length > 1) out.sort((a, b) => model.bars[a]!.start - model.bars[b]!.start);
  return out;
}

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

interface Pending {
  x0: number;
  x1: number;
  tasks: number[];
}

export function layoutRoom(model: RoomModel, view: LayoutView, options: LayoutOptions = DEFAULT_LAYOUT): RoomLayout {
  const lanesPerRow = lanesPerRowFor(model, options);
  const span = view.endMs - view.startMs;
  const scale = span > 0 ? view.widthPx / span : 0;
  const toX = (ms: number): number => Math.min(view.widthPx + 1, Math.max(-1, (ms - view.startMs) * scale));
  const rows: LayoutRow[] = [];
  let drawn = 0;
  for (let first = 0; first < model.lanes.length; first += lanesPerRow) {
    const laneIds = Array.from({ length: Math.min(lanesPerRow, model.lanes.length - first) }, (_, i) => first + i);
    const items: RowItem[] = [];
    const marks: MarkItem[] = [];
    const taken: Record<MarkKind, Set<number>> = { file: new Set(), change: new Set(), callback: new Set() };
    const flush = (p: Pending | undefined): void => {
      if (!p) return;
      if (p.tasks.length === 1) {
        const task = p.tasks[0]!;
        const x1 = Math.max(p.x1, p.x0 + options.minBarPx);
        items.push({ kind: 'bar', task, x0: p.x0, x1 });
        const bar = model.bars[task]!;
        const add = (kind: MarkKind, times: readonly number[]): void => {
          times.forEach((ms, index) => {
            if (ms < view.startMs || ms > view.endMs) return;
            const x = toX(ms);
            const px = Math.round(x);
            if (taken[kind].has(px)) return;
            taken[kind].add(px);
            marks.push({ kind, x, task, index });
          });
        };
        add('file', bar.files);
        add('change', bar.changes);
        add('callback', bar.callbacks);
        return;
      }
      const counts: Partial<Record<TaskStatus, number>> = {};
      let startMs = Infinity;
      let endMs = -Infinity;
      for (const task of p.tasks) {
        const bar = model.bars[task]!;
        counts[bar.status] = (counts[bar.status] ?? 0) + 1;
        startMs = Math.min(startMs, bar.start);
        endMs = Math.max(endMs, bar.end);
      }
      items.push({ kind: 'cluster', tasks: p.tasks, x0: p.x0, x1: Math.max(p.x1, p.x0 + options.minBarPx), startMs, endMs, counts, status: dominant(counts) });
    };
    let pending: Pending | undefined;
    for (const task of visibleTasks(model, laneIds, view)) {
      const bar = model.bars[task]!;
      const x0 = toX(bar.start);
      const x1 = toX(bar.end);
      const narrow = x1 - x0 < options.minBarPx;
      if (pending) {
        const pendingNarrow = pending.tasks.length > 1 || pending.x1 - pending.x0 < options.minBarPx;
        const drawnEnd = Math.max(pending.x1, pending.x0 + options.minBarPx);
        const overlaps = x0 < pending.x1 - 0.5;
        const touches = x0 < drawnEnd + options.gapPx;
        if (overlaps || (touches && (narrow || pendingNarrow))) {
          pending.x1 = Math.max(pending.x1, x1);
          pending.tasks.push(task);
          continue;
        }
      }
      flush(pending);
      pending = { x0, x1, tasks: [task] };
    }
    flush(pending);
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
