import * as assert from 'node:assert/strict';
import type { TaskStatus } from '../../../../src/model/task';
import {
  barColumns,
  DEFAULT_LAYOUT,
  fitWindow,
  layoutRoom,
  MIN_SPAN_MS,
  panWindow,
  prepareRoom,
  zoomWindow,
  type BarInput,
  type ClusterItem,
} from '../../../../src/webview/charts/roomLayout';

const M = 60_000;
const T0 = Date.UTC(2024, 4, 1, 0, 0, 0);

function bar(startMin: number, endMin: number, status: TaskStatus = 'ended', marks: Partial<Pick<BarInput, 'files' | 'changes' | 'callbacks'>> = {}): BarInput {
  return { start: T0 + startMin * M, end: T0 + endMin * M, status, files: [], changes: [], callbacks: [], ...marks };
}

/** A deterministic pseudo-random sequence (mulberry32), so the big-room tests are repeatable. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bigRoom(n: number, seed = 7): BarInput[] {
  const next = random(seed);
  const statuses: TaskStatus[] = ['ended', 'ended', 'ended', 'failed', 'running'];
  return Array.from({ length: n }, () => {
    const start = next() * 30 * 24 * 60;
    return bar(start, start + 1 + next() * 120, statuses[Math.floor(next() * statuses.length)]!, { files: [T0 + (start + 0.5) * M] });
  });
}

describe('room chart layout', () => {
  it('puts overlapping tasks in separate lanes and reuses a lane once it is free', () => {
    const model = prepareRoom([bar(0, 10), bar(5, 15), bar(10, 20), bar(12, 13), bar(30, 40)]);
    assert.deepEqual(model.laneOf, [0, 1, 0, 2, 0]);
    assert.equal(model.lanes.length, 3, 'three tasks overlap at 12:00-12:30, so three lanes');
    assert.deepEqual(model.extent, { startMs: T0, endMs: T0 + 40 * M });
    for (const lane of model.lanes) {
      for (let i = 1; i < lane.length; i++) assert.ok(model.bars.start[lane[i]!]! >= model.bars.end[lane[i - 1]!]!, 'no overlap in a lane');
    }
  });

  it('draws one bar per task when they can be told apart, at their times', () => {
    const model = prepareRoom([bar(0, 10, 'ended'), bar(20, 30, 'running')]);
    const layout = layoutRoom(model, { startMs: T0, endMs: T0 + 40 * M, widthPx: 400 });
    assert.equal(layout.rows.length, 1);
    assert.deepEqual(layout.rows[0]!.items, [
      { kind: 'bar', task: 0, x0: 0, x1: 100 },
      { kind: 'bar', task: 1, x0: 200, x1: 300 },
    ]);
  });

  it('keeps back-to-back tasks apart while both are wide enough to see', () => {
    const model = prepareRoom([bar(0, 10), bar(10, 20), bar(20, 30)]);
    const kinds = layoutRoom(model, { startMs: T0, endMs: T0 + 30 * M, widthPx: 300 }).rows[0]!.items.map((i) => i.kind);
    assert.deepEqual(kinds, ['bar', 'bar', 'bar']);
  });

  it('merges tasks too narrow or too close to tell apart into a cluster that counts them', () => {
    const model = prepareRoom([bar(0, 1, 'ended'), bar(2, 3, 'failed'), bar(4, 5, 'failed'), bar(600, 700, 'running')]);
    // 12 hours over 720 px: a minute is one pixel.
    const layout = layoutRoom(model, { startMs: T0, endMs: T0 + 720 * M, widthPx: 720 });
    const [cluster, wide] = layout.rows[0]!.items;
    assert.equal(cluster!.kind, 'cluster');
    const c = cluster as ClusterItem;
    assert.deepEqual(c.tasks, [0, 1, 2]);
    assert.deepEqual(c.counts, { ended: 1, failed: 2 });
    assert.equal(c.status, 'failed');
    assert.deepEqual([c.startMs, c.endMs], [T0, T0 + 5 * M]);
    assert.deepEqual(wide, { kind: 'bar', task: 3, x0: 600, x1: 700 });
    // Zoomed into the first six minutes, the three are bars again.
    const zoomed = layoutRoom(model, { startMs: T0, endMs: T0 + 6 * M, widthPx: 720 });
    assert.deepEqual(
      zoomed.rows[0]!.items.map((i) => i.kind),
      ['bar', 'bar', 'bar'],
    );
  });

  it('gives a lone short task a bar of the minimum width, never a cluster', () => {
    const model = prepareRoom([bar(0, 0.01), bar(300, 300.01)]);
    const items = layoutRoom(model, { startMs: T0, endMs: T0 + 600 * M, widthPx: 600 }).rows[0]!.items;
    assert.deepEqual(
      items.map((i) => [i.kind, i.x1 - i.x0]),
      [
        ['bar', DEFAULT_LAYOUT.minBarPx],
        ['bar', DEFAULT_LAYOUT.minBarPx],
      ],
    );
  });

  it('draws only what reaches into the view', () => {
    const model = prepareRoom([bar(0, 10), bar(20, 30), bar(40, 50), bar(60, 70)]);
    const items = layoutRoom(model, { startMs: T0 + 25 * M, endMs: T0 + 45 * M, widthPx: 200 }).rows[0]!.items;
    assert.deepEqual(
      items.map((i) => (i.kind === 'bar' ? i.task : -1)),
      [1, 2],
    );
    assert.equal(items[0]!.x0, -1, 'a bar starting before the view is clipped just outside it');
  });

  it('marks storage files, status changes and callbacks on their bar, once per pixel', () => {
    const model = prepareRoom([
      bar(0, 60, 'running', { files: [T0 + 10 * M, T0 + 10 * M + 100, T0 + 30 * M], changes: [T0 + 5 * M], callbacks: [T0 + 50 * M] }),
    ]);
    const row = layoutRoom(model, { startMs: T0, endMs: T0 + 60 * M, widthPx: 600 }).rows[0]!;
    assert.deepEqual(
      row.marks.map((m) => [m.kind, m.x, m.index]),
      [
        ['file', 100, 0],
        ['file', 300, 2],
        ['change', 50, 0],
        ['callback', 500, 0],
      ],
    );
  });

  it('puts several lanes to a row when there are more lanes than rows', () => {
    const many = Array.from({ length: 100 }, (_, i) => bar(i * 0.1, 60 + i * 0.1));
    const model = prepareRoom(many);
    assert.equal(model.lanes.length, 100);
    const layout = layoutRoom(model, { startMs: T0, endMs: T0 + 120 * M, widthPx: 600 }, { ...DEFAULT_LAYOUT, maxRows: 10 });
    assert.equal(layout.lanesPerRow, 10);
    assert.equal(layout.rows.length, 10);
    // Ten overlapping bars in a row cannot be told apart: one cluster of ten per row.
    assert.ok(layout.rows.every((r) => r.items.length === 1 && r.items[0]!.kind === 'cluster' && r.items[0]!.tasks.length === 10));
  });

  it('finds the tasks of a row of several lanes that reach into a zoomed view, a long one started before it too', () => {
    // Lane 0: a task from 0 to 600 minutes; lanes 1 and 2: short ones early on; one row holds all three lanes.
    const model = prepareRoom([bar(0, 600, 'running'), bar(1, 5), bar(2, 6), bar(7, 9), bar(8, 10)]);
    assert.equal(model.lanes.length, 3);
    const options = { ...DEFAULT_LAYOUT, maxRows: 1 };
    const late = layoutRoom(model, { startMs: T0 + 300 * M, endMs: T0 + 400 * M, widthPx: 100 }, options);
    assert.deepEqual(late.rows[0]!.items, [{ kind: 'bar', task: 0, x0: -1, x1: 101 }]);
    const early = layoutRoom(model, { startMs: T0 + 6.5 * M, endMs: T0 + 20 * M, widthPx: 100 }, options);
    const shown = early.rows[0]!.items.flatMap((i) => (i.kind === 'bar' ? [i.task] : i.tasks));
    assert.deepEqual([...shown].sort(), [0, 3, 4], 'the long task and the two short ones in view, not those that ended before it');
  });

  it('lays out the same room the same way from columns, sorted by start or not', () => {
    const bars = bigRoom(500, 3);
    const sorted = [...bars].sort((a, b) => a.start - b.start);
    const view = { startMs: T0, endMs: T0 + 30 * 24 * 60 * M, widthPx: 800 };
    const fromColumns = prepareRoom(barColumns(sorted));
    const fromList = prepareRoom(sorted);
    assert.deepEqual(layoutRoom(fromColumns, view), layoutRoom(fromList, view));
    // Unsorted input is taken by start: the same lanes for the same bars.
    const shuffled = prepareRoom(bars);
    const laneOfBar = (model: ReturnType<typeof prepareRoom>, list: BarInput[]) => new Map(list.map((b, i) => [b, model.laneOf[i]]));
    const a = laneOfBar(fromList, sorted);
    const b = laneOfBar(shuffled, bars);
    assert.ok(
      bars.every((bar) => a.get(bar) === b.get(bar)),
      'each bar in the same lane',
    );
  });

  it('keeps a 10,000-task room to what the width can show, and accounts for every task', () => {
    const bars = bigRoom(10_000);
    const model = prepareRoom(bars);
    const view = { ...fitWindow(model, T0), widthPx: 1000 };
    const layout = layoutRoom(model, view);
    const rows = layout.rows.length;
    assert.ok(layout.drawn <= rows * (1000 / DEFAULT_LAYOUT.gapPx) * 2, `${layout.drawn} elements for ${rows} rows`);
    assert.ok(layout.drawn < 5_000, `${layout.drawn} elements drawn for 10,000 tasks`);
    const shown = layout.rows.flatMap((r) => r.items.flatMap((i) => (i.kind === 'bar' ? [i.task] : i.tasks)));
    assert.equal(shown.length, 10_000, 'every task is in a bar or a cluster');
    assert.equal(new Set(shown).size, 10_000, 'and in only one');
    // Zoomed to one hour, tasks are bars again.
    const hour = layoutRoom(model, { startMs: T0 + 15 * 24 * 60 * M, endMs: T0 + 15 * 24 * 60 * M + 60 * M, widthPx: 1000 });
    const items = hour.rows.flatMap((r) => r.items);
    assert.ok(items.length > 0 && items.every((i) => i.kind === 'bar'), 'an hour of this room is all bars');
  });

  it('zooms around a point and pans by a fraction of the width, within limits', () => {
    const w = { startMs: 0, endMs: 1000 * M };
    assert.deepEqual(zoomWindow(w, 0.5), { startMs: 250 * M, endMs: 750 * M });
    assert.deepEqual(zoomWindow(w, 0.5, 0), { startMs: 0, endMs: 500 * M }, 'the point under the cursor stays put');
    assert.equal(zoomWindow({ startMs: 0, endMs: 2000 }, 0.001).endMs - zoomWindow({ startMs: 0, endMs: 2000 }, 0.001).startMs, MIN_SPAN_MS);
    assert.deepEqual(panWindow(w, -0.1), { startMs: -100 * M, endMs: 900 * M });
    assert.deepEqual(fitWindow(prepareRoom([]), T0), { startMs: T0 - 60 * M, endMs: T0 });
  });
});
