// @ts-check
// The room panel's page script: every task of a room on one zoomable time axis. The host sends
// times and statuses; this script lays them out with the pure layout module at the current zoom
// (what cannot be told apart is merged), and draws SVG with createElementNS and textContent only.
import { el, fill, knownStatus, STATUSES, svgEl } from './dom.js';
import { markShape, swatch } from './marks.js';
import { fitWindow, layoutRoom, panWindow, prepareRoom, zoomWindow } from '../../src/webview/charts/roomLayout';
import { fraction, msAt, TickLabeler, timeTicks, zoneOffsetIn } from '../../src/webview/charts/timeScale';
import { formatDuration, formatLocalTime } from '../../src/display/time';
import { PRODUCTS } from '../../src/model/task';
import { ROOM_STATUSES } from '../../src/webview/roomProtocol';

/** @typedef {import('../../src/webview/roomProtocol').RoomHostMessage} RoomHostMessage */
/** @typedef {import('../../src/webview/roomProtocol').RoomWebviewMessage} RoomWebviewMessage */
/** @typedef {import('../../src/webview/roomProtocol').RoomDocument} RoomDocument */
/** @typedef {import('../../src/webview/roomProtocol').RoomPanelState} RoomPanelState */
/** @typedef {import('../../src/webview/roomProtocol').RoomTaskColumns} RoomTaskColumns */
/** @typedef {import('../../src/model/task').Product} Product */
/** @typedef {import('../../src/model/task').TaskStatus} TaskStatus */
/**
 * The room's tasks as this page keeps them: column by column, as the host sends them, with each kind
 * of mark grouped by task, plus the typed arrays the layout reads (it takes this as its BarColumns).
 * No object per task: allocating and collecting ten thousand of them was most of a big room's first
 * frame. `end` is the drawn end (now, for a running task); `c.end` the reported one. `running` lists
 * the tasks without an end. Task i's marks of a kind are `from[i]` up to `from[i + 1] - 1` of `at`
 * and `what`.
 * @typedef {{ at: readonly number[], from: Int32Array }} MarkTimes
 * @typedef {MarkTimes & { what: readonly string[] }} LabelledMarks
 * @typedef {MarkTimes & { what: readonly number[] }} StatusMarks
 * @typedef {{ c: RoomTaskColumns, length: number, start: Float64Array, end: Float64Array, status: Uint8Array,
 *   running: number[], file: LabelledMarks, change: StatusMarks, callback: LabelledMarks }} RoomTasks
 */
/** @typedef {{ -readonly [K in keyof RoomTaskColumns]: Array<RoomTaskColumns[K][number]> }} ColumnsBuilder */
/**
 * One task as the hover text and the table read it (made for the few they show, never for all).
 * @typedef {{ ref: string, taskId: string, product: Product, status: TaskStatus, rawStatus: string, start: number,
 *   end: number, endedAt: number | undefined, scheduledEnd: number | undefined, files: number }} RoomTask
 */
/** @typedef {import('../../src/webview/charts/roomLayout').RoomModel} RoomModel */
/** @typedef {import('../../src/webview/charts/roomLayout').RoomLayout} RoomLayout */
/** @typedef {import('../../src/webview/charts/roomLayout').RowItem} RowItem */
/** @typedef {import('../../src/webview/charts/roomLayout').MarkItem} MarkItem */
/** @typedef {import('../../src/webview/charts/timeScale').TimeWindow} TimeWindow */

/** @typedef {{ kind: 'item', item: RowItem, row: number } | { kind: 'mark', mark: MarkItem, row: number }} Target */

(function () {
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  const ROW_HEIGHT = 22;
  const MID = ROW_HEIGHT / 2;
  const AXIS_HEIGHT = 22;
  const TABLE_LIMIT = 200;
  const UNKNOWN = ROOM_STATUSES.indexOf('unknown');
  /** A visible page with running tasks redraws this often, so their bars grow with time. */
  const CLOCK_MS = 30_000;

  /** @type {RoomDocument | undefined} */
  let doc;
  /** @type {RoomTasks} */
  let tasks = decode(emptyColumns());
  /** @type {RoomModel | undefined} */
  let model;
  /** @type {RoomPanelState | undefined} */
  let identity;
  /** The zoom; undefined while the page shows the whole room (it then follows new tasks). */
  let view = /** @type {TimeWindow | undefined} */ (undefined);
  /** @type {RoomLayout | undefined} */
  let layout;
  /** The selected task (by ref) or cluster (by its window), kept across redraws. */
  let selected = /** @type {{ ref: string } | { window: TimeWindow } | undefined} */ (undefined);
  let selectedRow = 0;
  /** Host time minus page time, so "now" is the host's even when the clocks differ. */
  let clockSkew = 0;
  let drawQueued = false;
  /** @type {WeakMap<Element, Target>} */
  let targets = new WeakMap();
  /** What the legend names: the statuses present, and whether any task has each kind of mark. */
  let present = { statuses: new Set(), file: false, change: false, callback: false };
  let drawnWidth = 0;
  let scrollerWidth = 0;
  // The page gets ready while the host gathers the room: the skeleton is laid out and the axis's
  // date formatter is made (the first Intl formatter of a page is slow) before the data arrives.
  let labelerLocale = document.documentElement.lang || 'en';
  let labeler = new TickLabeler(labelerLocale);
  let zoneOffset = zoneOffsetIn(undefined);

  /** What the page saved before a reload, if it is a room identity with a sane zoom. */
  const saved = (() => {
    const state = /** @type {Partial<RoomPanelState> | undefined} */ (vscode.getState());
    if (!state || typeof state !== 'object' || state.kind !== 'room') return undefined;
    const v = state.view;
    const sane = v && Number.isFinite(v.startMs) && Number.isFinite(v.endMs) && v.endMs > v.startMs;
    return { accountId: state.accountId, room: state.room, view: sane ? { startMs: v.startMs, endMs: v.endMs } : undefined };
  })();
  if (saved && saved.view) view = saved.view;

  // The page's fixed parts, filled in on the first render.
  const heading = el('h1');
  const subtitle = el('span', 'subtitle');
  const zoomInButton = el('button');
  const zoomOutButton = el('button');
  const fitButton = el('button');
  const legend = el('ul', 'legend');
  const chart = el('div', 'room-chart');
  const axis = /** @type {SVGSVGElement} */ (/** @type {unknown} */ (svgEl('svg', 'room-axis', { height: AXIS_HEIGHT, 'aria-hidden': 'true' })));
  const scroller = el('div', 'room-scroll');
  const body = /** @type {SVGSVGElement} */ (/** @type {unknown} */ (svgEl('svg', 'room-body', { 'aria-hidden': 'true' })));
  const tooltip = el('div', 'tooltip');
  const help = el('p', 'help');
  const live = el('div', 'visually-hidden');
  const table = el('details', 'room-table');
  const tableSummary = el('summary');
  const tableBody = el('div');
  const empty = el('p', 'empty');

  /** @param {RoomWebviewMessage} message */
  function post(message) {
    vscode.postMessage(message);
  }

  function now() {
    return Date.now() + clockSkew;
  }

  function labels() {
    return /** @type {RoomDocument} */ (doc).labels;
  }

  function buildSkeleton() {
    const header = el('header');
    header.append(heading, subtitle);
    const actions = el('div', 'actions');
    for (const [button, action] of /** @type {const} */ ([
      [zoomInButton, () => zoomBy(0.5)],
      [zoomOutButton, () => zoomBy(2)],
      [fitButton, () => setView(undefined)],
    ])) {
      button.type = 'button';
      button.addEventListener('click', action);
      actions.append(button);
    }
    header.append(actions);
    chart.tabIndex = 0;
    chart.setAttribute('role', 'group');
    help.id = 'room-keys';
    chart.setAttribute('aria-describedby', 'room-keys');
    live.setAttribute('aria-live', 'polite');
    tooltip.setAttribute('role', 'tooltip');
    tooltip.hidden = true;
    scroller.append(body);
    chart.append(axis, scroller, tooltip);
    table.append(tableSummary, tableBody);
    table.addEventListener('toggle', () => drawTable());
    empty.hidden = true;
    root.replaceChildren(header, legend, empty, chart, help, live, table);
    wireInput();
    // The width is read when it changes, so drawing never forces a layout of its own.
    new ResizeObserver(() => {
      scrollerWidth = scroller.clientWidth;
      if (chartWidth() !== drawnWidth) queueDraw();
    }).observe(scroller);
    scrollerWidth = scroller.clientWidth;
  }

  /** The text labels that do not change with the data. */
  function applyLabels() {
    const l = labels();
    zoomInButton.textContent = l.zoomIn;
    zoomOutButton.textContent = l.zoomOut;
    fitButton.textContent = l.fit;
    help.textContent = l.keys;
    empty.textContent = l.empty;
    heading.replaceChildren(el('bdi', undefined, /** @type {RoomDocument} */ (doc).heading));
  }

  /** @returns {ColumnsBuilder} */
  function emptyColumns() {
    return {
      ref: [],
      taskId: [],
      product: [],
      status: [],
      rawStatus: [],
      start: [],
      end: [],
      scheduledEnd: [],
      fileTask: [],
      fileAt: [],
      fileName: [],
      changeTask: [],
      changeAt: [],
      changeStatus: [],
      callbackTask: [],
      callbackAt: [],
      callbackLabel: [],
    };
  }

  /** @param {unknown} value @param {number} length */
  function isIndex(value, length) {
    return Number.isInteger(value) && /** @type {number} */ (value) >= 0 && /** @type {number} */ (value) < length;
  }

  /**
   * One kind of mark grouped by task. The host sends them grouped already, so their arrays are used
   * as they are; otherwise (or with a task index out of range, which is dropped) they are regrouped.
   * @template T @param {readonly number[]} task @param {readonly number[]} at @param {readonly T[]} what @param {number} n
   * @returns {{ at: readonly number[], from: Int32Array, what: readonly T[] }}
   */
  function groupMarks(task, at, what, n) {
    const from = new Int32Array(n + 1);
    let grouped = true;
    let previous = 0;
    for (let j = 0; j < task.length; j++) {
      const t = task[j];
      if (!isIndex(t, n)) {
        grouped = false;
        continue;
      }
      from[t + 1]++;
      if (t < previous) grouped = false;
      previous = t;
    }
    for (let i = 0; i < n; i++) from[i + 1] += from[i];
    if (grouped) return { at, from, what };
    const next = from.slice(0, n);
    const sortedAt = new Array(from[n]);
    const sortedWhat = new Array(from[n]);
    for (let j = 0; j < task.length; j++) {
      const t = task[j];
      if (!isIndex(t, n)) continue;
      const k = next[t]++;
      sortedAt[k] = at[j];
      sortedWhat[k] = what[j];
    }
    return { at: sortedAt, from, what: sortedWhat };
  }

  /**
   * The tasks out of the host's columns. Statuses outside the known set become `unknown` (and
   * products the first product, when read), so no value from the message is used unchecked.
   * @param {RoomTaskColumns} c @returns {RoomTasks}
   */
  function decode(c) {
    const n = c.ref.length;
    const start = new Float64Array(n);
    const end = new Float64Array(n);
    const status = new Uint8Array(n);
    /** @type {number[]} */
    const running = [];
    for (let i = 0; i < n; i++) {
      const s = c.start[i];
      const e = c.end[i];
      start[i] = s;
      if (typeof e === 'number') end[i] = e;
      else {
        end[i] = s;
        running.push(i);
      }
      const code = c.status[i];
      status[i] = isIndex(code, ROOM_STATUSES.length) ? code : UNKNOWN;
    }
    return {
      c,
      length: n,
      start,
      end,
      status,
      running,
      file: groupMarks(c.fileTask, c.fileAt, c.fileName, n),
      change: groupMarks(c.changeTask, c.changeAt, c.changeStatus, n),
      callback: groupMarks(c.callbackTask, c.callbackAt, c.callbackLabel, n),
    };
  }

  /** @param {number} i */
  function statusOf(i) {
    return /** @type {TaskStatus} */ (ROOM_STATUSES[tasks.status[i]]);
  }

  /** @param {number} i */
  function endedAt(i) {
    const e = tasks.c.end[i];
    return typeof e === 'number' ? e : undefined;
  }

  /** One task as the hover text and the table read it. @param {number} i @returns {RoomTask} */
  function taskAt(i) {
    const { c } = tasks;
    const scheduledEnd = c.scheduledEnd[i];
    const product = c.product[i];
    return {
      ref: c.ref[i],
      taskId: c.taskId[i],
      product: isIndex(product, PRODUCTS.length) ? PRODUCTS[product] : PRODUCTS[0],
      status: statusOf(i),
      rawStatus: c.rawStatus[i],
      start: tasks.start[i],
      end: tasks.end[i],
      endedAt: endedAt(i),
      scheduledEnd: typeof scheduledEnd === 'number' ? scheduledEnd : undefined,
      files: tasks.file.from[i + 1] - tasks.file.from[i],
    };
  }

  /**
   * `rows` (a task of `from` each) as one set of columns, as the host would send them.
   * @param {Array<[RoomTasks, number]>} rows @returns {RoomTaskColumns}
   */
  function gather(rows) {
    const out = emptyColumns();
    rows.forEach(([from, i], row) => {
      const c = from.c;
      out.ref.push(c.ref[i]);
      out.taskId.push(c.taskId[i]);
      out.product.push(c.product[i]);
      out.status.push(from.status[i]);
      out.rawStatus.push(c.rawStatus[i]);
      out.start.push(c.start[i]);
      out.end.push(c.end[i]);
      out.scheduledEnd.push(c.scheduledEnd[i]);
      for (let k = from.file.from[i]; k < from.file.from[i + 1]; k++) {
        out.fileTask.push(row);
        out.fileAt.push(from.file.at[k]);
        out.fileName.push(from.file.what[k]);
      }
      for (let k = from.change.from[i]; k < from.change.from[i + 1]; k++) {
        out.changeTask.push(row);
        out.changeAt.push(from.change.at[k]);
        out.changeStatus.push(from.change.what[k]);
      }
      for (let k = from.callback.from[i]; k < from.callback.from[i + 1]; k++) {
        out.callbackTask.push(row);
        out.callbackAt.push(from.callback.at[k]);
        out.callbackLabel.push(from.callback.what[k]);
      }
    });
    return out;
  }

  /** The bars' input: running tasks end at now; and what the legend names. */
  function rebuildModel() {
    const at = now();
    const { start, end, status, running } = tasks;
    for (const i of running) end[i] = Math.max(start[i], at);
    const seen = new Uint8Array(ROOM_STATUSES.length);
    for (let i = 0; i < status.length; i++) seen[status[i]] = 1;
    const statuses = new Set(ROOM_STATUSES.filter((_, code) => seen[code]));
    present = { statuses, file: tasks.file.at.length > 0, change: tasks.change.at.length > 0, callback: tasks.callback.at.length > 0 };
    model = prepareRoom(tasks);
  }

  /** @returns {TimeWindow} */
  function currentWindow() {
    return view ?? fitWindow(/** @type {RoomModel} */ (model), now());
  }

  /** @param {TimeWindow | undefined} next */
  function setView(next) {
    view = next;
    saveState();
    queueDraw();
  }

  function saveState() {
    if (!identity) return;
    const { kind, accountId, product, room } = identity;
    vscode.setState(view ? { kind, accountId, product, room, view } : { kind, accountId, product, room });
  }

  /** @param {number} factor @param {number} [at] fraction of the width to zoom around */
  function zoomBy(factor, at) {
    const w = currentWindow();
    const pivot = at ?? selectionFraction() ?? 0.5;
    setView(zoomWindow(w, factor, pivot));
  }

  /** @param {number} fractionOfWidth */
  function panBy(fractionOfWidth) {
    setView(panWindow(currentWindow(), fractionOfWidth));
  }

  function selectionFraction() {
    const target = selectedTarget();
    if (!target || target.kind !== 'item') return undefined;
    const width = chartWidth();
    return width > 0 ? (target.item.x0 + target.item.x1) / 2 / width : undefined;
  }

  function chartWidth() {
    return Math.max(100, scrollerWidth);
  }

  function queueDraw() {
    if (drawQueued) return;
    drawQueued = true;
    requestAnimationFrame(() => {
      drawQueued = false;
      draw();
    });
  }

  /** @param {number} ms */
  function localTime(ms) {
    const d = /** @type {RoomDocument} */ (doc);
    return formatLocalTime(ms, { now: now(), locale: d.locale, ...(d.timeZone ? { timeZone: d.timeZone } : {}) });
  }

  /** @param {number} ms */
  function bothTimes(ms) {
    const d = /** @type {RoomDocument} */ (doc);
    return `${localTime(ms)} (${labels().local}) · ${formatLocalTime(ms, { now: now(), locale: d.locale, timeZone: 'UTC' })} ${labels().utc}`;
  }

  function draw() {
    if (!doc || !model) return;
    const width = chartWidth();
    drawnWidth = width;
    const w = currentWindow();
    layout = layoutRoom(model, { ...w, widthPx: width });
    targets = new WeakMap();
    const l = labels();
    empty.hidden = tasks.length > 0;
    chart.setAttribute('aria-label', `${l.chart}. ${subtitle.textContent}`);

    // The axis: round local times, labelled as precisely as their spacing needs.
    const ticks = timeTicks(w, Math.max(2, Math.floor(width / 120)), zoneOffset);
    const axisNodes = [];
    for (const tick of ticks) {
      const x = fraction(w, tick.ms) * width;
      axisNodes.push(svgEl('line', 'tick', { x1: x, x2: x, y1: AXIS_HEIGHT - 5, y2: AXIS_HEIGHT }));
      // Labels at the ends are anchored inwards, so none is cut by the chart's edge.
      const anchor = x < 40 ? ' start' : x > width - 40 ? ' end' : '';
      const text = svgEl('text', `tick-label${anchor}`, { x, y: AXIS_HEIGHT - 8 });
      text.textContent = labeler.label(tick);
      axisNodes.push(text);
    }
    axis.setAttribute('width', String(width));
    axis.replaceChildren(...axisNodes);

    const height = Math.max(1, layout.rows.length) * ROW_HEIGHT;
    body.setAttribute('width', String(width));
    body.setAttribute('height', String(height));
    const fragment = document.createDocumentFragment();
    for (const tick of ticks) {
      const x = fraction(w, tick.ms) * width;
      fragment.append(svgEl('line', 'grid', { x1: x, x2: x, y1: 0, y2: height }));
    }
    const at = now();
    const selectedKey = selectionKey();
    let selectedNode = /** @type {Element | undefined} */ (undefined);
    layout.rows.forEach((row, r) => {
      const y = r * ROW_HEIGHT;
      if (r % 2 === 1) fragment.append(svgEl('rect', 'row-band', { x: 0, y, width, height: ROW_HEIGHT }));
      for (const item of row.items) {
        const x = item.x0;
        const itemWidth = Math.max(1, item.x1 - item.x0);
        let node;
        if (item.kind === 'bar') {
          const status = statusOf(item.task);
          const running = endedAt(item.task) === undefined;
          node = svgEl('rect', `bar span s-${status}${running ? ' ongoing' : ''}`, { x, y: y + 4, width: itemWidth, height: ROW_HEIGHT - 8 });
          const scheduledEnd = tasks.c.scheduledEnd[item.task];
          if (running && typeof scheduledEnd === 'number' && scheduledEnd > at) {
            const x1 = Math.min(width + 1, fraction(w, scheduledEnd) * width);
            if (x1 > item.x1)
              fragment.append(svgEl('rect', `span s-${status} open-scheduled`, { x: item.x1, y: y + 4, width: x1 - item.x1, height: ROW_HEIGHT - 8 }));
          }
        } else {
          node = svgEl('rect', `cluster span s-${knownStatus(item.status)}`, { x, y: y + 3, width: itemWidth, height: ROW_HEIGHT - 6 });
        }
        targets.set(node, { kind: 'item', item, row: r });
        fragment.append(node);
        if (item.kind === 'cluster' && itemWidth >= 28) {
          const count = svgEl('text', 'cluster-count', { x: x + itemWidth / 2, y: y + MID + 4 });
          count.textContent = String(item.tasks.length);
          fragment.append(count);
        }
        if (itemKey(item) === selectedKey) selectedNode = node;
      }
      for (const mark of row.marks) {
        const node = markShape(mark.kind, mark.x, y + MID);
        targets.set(node, { kind: 'mark', mark, row: r });
        fragment.append(node);
      }
    });
    const nowX = fraction(w, at) * width;
    if (nowX >= 0 && nowX <= width) fragment.append(svgEl('line', 'now', { x1: nowX, x2: nowX, y1: 0, y2: height }));
    if (selectedNode) {
      const box = targets.get(selectedNode);
      if (box && box.kind === 'item') {
        fragment.append(
          svgEl('rect', 'selection', {
            x: box.item.x0 - 2,
            y: box.row * ROW_HEIGHT + 1,
            width: Math.max(1, box.item.x1 - box.item.x0) + 4,
            height: ROW_HEIGHT - 2,
          }),
        );
      }
    }
    body.replaceChildren(fragment);
    drawTable();
    performance.mark('mte-room-drawn');
  }

  /** @param {RowItem} item */
  function itemKey(item) {
    return item.kind === 'bar' ? `t:${tasks.c.ref[item.task]}` : `c:${item.startMs}:${item.endMs}`;
  }

  function selectionKey() {
    if (!selected) return undefined;
    return 'ref' in selected ? `t:${selected.ref}` : `c:${selected.window.startMs}:${selected.window.endMs}`;
  }

  /** The selected item in the current layout: by task, else the item that now holds the task or cluster. */
  /** @returns {Target | undefined} */
  function selectedTarget() {
    if (!selected || !layout) return undefined;
    const sel = selected;
    const index = 'ref' in sel ? tasks.c.ref.indexOf(sel.ref) : -1;
    for (let r = 0; r < layout.rows.length; r++) {
      for (const item of layout.rows[r].items) {
        if ('ref' in sel) {
          const holds = item.kind === 'bar' ? item.task === index : item.tasks.includes(index);
          if (holds) return { kind: 'item', item, row: r };
        } else if (item.kind === 'cluster' ? item.startMs <= sel.window.endMs && item.endMs >= sel.window.startMs : false) {
          return { kind: 'item', item, row: r };
        } else if (item.kind === 'bar' && tasks.start[item.task] >= sel.window.startMs && tasks.start[item.task] <= sel.window.endMs) {
          return { kind: 'item', item, row: r };
        }
      }
    }
    return undefined;
  }

  /** What a hover or the selection says about a target, as lines of text. @param {Target} target @returns {string[]} */
  function describe(target) {
    const d = /** @type {RoomDocument} */ (doc);
    const l = d.labels;
    if (target.kind === 'mark') {
      const task = taskAt(target.mark.task);
      const head = fill(l.taskOf, task.taskId, d.productLabels[task.product] ?? task.product);
      const marks = tasks[target.mark.kind];
      const k = marks.from[target.mark.task] + target.mark.index;
      if (target.mark.kind === 'file') return [fill(l.file, tasks.file.what[k]), bothTimes(marks.at[k]), head];
      if (target.mark.kind === 'change')
        return [fill(l.change, d.statusLabels[knownStatus(ROOM_STATUSES[tasks.change.what[k]])]), bothTimes(marks.at[k]), head];
      return [fill(l.callback, tasks.callback.what[k]), bothTimes(marks.at[k]), head];
    }
    const item = target.item;
    if (item.kind === 'bar') {
      const task = taskAt(item.task);
      const lines = [
        fill(l.taskOf, task.taskId, d.productLabels[task.product] ?? task.product),
        task.rawStatus !== '' && task.rawStatus !== task.status
          ? `${d.statusLabels[knownStatus(task.status)]} (${task.rawStatus})`
          : d.statusLabels[knownStatus(task.status)],
        `${l.started}: ${bothTimes(task.start)}`,
        task.endedAt !== undefined ? `${l.ended}: ${bothTimes(task.endedAt)}` : `${l.ended}: ${l.running}`,
      ];
      if (task.scheduledEnd !== undefined && task.endedAt === undefined) lines.push(`${l.scheduledEnd}: ${bothTimes(task.scheduledEnd)}`);
      lines.push(`${l.duration}: ${formatDuration(task.end - task.start, d.locale)}`);
      if (task.files > 0) lines.push(`${l.files}: ${task.files}`);
      lines.push(l.openHint);
      return lines;
    }
    const counts = STATUSES.filter((s) => item.counts[s])
      .map((s) => `${item.counts[s]} ${d.statusLabels[s]}`)
      .join(', ');
    return [fill(l.cluster, item.tasks.length), `${bothTimes(item.startMs)} –`, bothTimes(item.endMs), counts, l.clusterHint];
  }

  /** @param {Target} target @param {number} clientX @param {number} clientY */
  function showTooltip(target, clientX, clientY) {
    tooltip.replaceChildren(...describe(target).map((line) => el('div', undefined, line)));
    tooltip.hidden = false;
    const box = chart.getBoundingClientRect();
    const left = Math.min(Math.max(0, clientX - box.left + 12), Math.max(0, box.width - tooltip.offsetWidth - 4));
    // Below the pointer, or above it when below would leave the window and above would not.
    const height = tooltip.offsetHeight;
    const above = clientY - height - 8 >= 0 && clientY + 16 + height > window.innerHeight;
    const top = (above ? clientY - height - 8 : clientY + 16) - box.top;
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  }

  function hideTooltip() {
    tooltip.hidden = true;
  }

  /** @param {Target} target */
  function activate(target) {
    if (target.kind === 'mark') {
      post({ type: 'openTask', ref: tasks.c.ref[target.mark.task] });
      return;
    }
    const item = target.item;
    if (item.kind === 'bar') {
      post({ type: 'openTask', ref: tasks.c.ref[item.task] });
      return;
    }
    // A cluster opens into its own span, with a margin so its edges are not on the chart's edges;
    // one as wide as the view (a dense stretch) zooms in fourfold around its middle instead.
    const span = Math.max(2_000, item.endMs - item.startMs);
    const w = currentWindow();
    selected = { window: { startMs: item.startMs, endMs: item.endMs } };
    if (span * 1.2 >= (w.endMs - w.startMs) * 0.8) {
      const middle = (Math.max(item.startMs, w.startMs) + Math.min(item.endMs, w.endMs)) / 2;
      setView(zoomWindow(w, 0.25, (middle - w.startMs) / (w.endMs - w.startMs)));
      return;
    }
    setView({ startMs: item.startMs - span * 0.1, endMs: item.endMs + span * 0.1 });
  }

  /** @param {EventTarget | null} node @returns {Target | undefined} */
  function targetOf(node) {
    let current = node instanceof Element ? node : null;
    while (current && current !== body) {
      const target = targets.get(current);
      if (target) return target;
      current = current.parentElement;
    }
    return undefined;
  }

  /** @param {Target} target */
  function select(target) {
    if (target.kind !== 'item') return;
    const item = target.item;
    selected = item.kind === 'bar' ? { ref: tasks.c.ref[item.task] } : { window: { startMs: item.startMs, endMs: item.endMs } };
    selectedRow = target.row;
    draw();
    const now = selectedTarget();
    if (!now || now.kind !== 'item') return;
    const box = body.getBoundingClientRect();
    showTooltip(now, box.left + now.item.x1, box.top + now.row * ROW_HEIGHT + ROW_HEIGHT);
    live.textContent = describe(now).join('. ');
  }

  /** @param {number} row @returns {RowItem[]} */
  function rowItems(row) {
    return layout && layout.rows[row] ? [...layout.rows[row].items] : [];
  }

  /** Moves the selection within the row; at the edge of the view, pans on. @param {1 | -1} direction */
  function step(direction) {
    if (!layout) return;
    const current = selectedTarget();
    if (!current || current.kind !== 'item') {
      const first = layout.rows.findIndex((r) => r.items.length > 0);
      if (first >= 0) select({ kind: 'item', item: layout.rows[first].items[0], row: first });
      return;
    }
    const items = rowItems(current.row);
    const index = items.indexOf(current.item);
    const next = items[index + direction];
    if (next) {
      select({ kind: 'item', item: next, row: current.row });
      return;
    }
    // Nothing further in view: move the window on, then take the nearest item in that direction.
    const x = direction > 0 ? current.item.x1 : current.item.x0;
    const edgeMs = msAt(currentWindow(), x / chartWidth());
    panBy(direction * 0.5);
    draw();
    const candidates = rowItems(current.row).filter((item) => {
      const startMs = item.kind === 'bar' ? tasks.start[item.task] : item.startMs;
      return direction > 0 ? startMs > edgeMs : startMs < edgeMs;
    });
    const pick = direction > 0 ? candidates[0] : candidates[candidates.length - 1];
    if (pick) select({ kind: 'item', item: pick, row: current.row });
  }

  /** @param {1 | -1} direction */
  function changeRow(direction) {
    if (!layout) return;
    const current = selectedTarget();
    const from = current ? current.row : selectedRow;
    const x = current && current.kind === 'item' ? (current.item.x0 + current.item.x1) / 2 : 0;
    for (let row = from + direction; row >= 0 && row < layout.rows.length; row += direction) {
      const items = rowItems(row);
      if (items.length === 0) continue;
      let best = items[0];
      for (const item of items) if (Math.abs((item.x0 + item.x1) / 2 - x) < Math.abs((best.x0 + best.x1) / 2 - x)) best = item;
      select({ kind: 'item', item: best, row });
      return;
    }
  }

  function wireInput() {
    body.addEventListener('pointermove', (event) => {
      if (dragging) return;
      const target = targetOf(event.target);
      if (target) showTooltip(target, event.clientX, event.clientY);
      else hideTooltip();
    });
    body.addEventListener('pointerleave', () => {
      if (!dragging) hideTooltip();
    });
    let dragging = false;
    let dragStartX = 0;
    let dragWindow = /** @type {TimeWindow | undefined} */ (undefined);
    let moved = 0;
    body.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      dragging = true;
      moved = 0;
      dragStartX = event.clientX;
      dragWindow = currentWindow();
      body.setPointerCapture(event.pointerId);
    });
    body.addEventListener('pointermove', (event) => {
      if (!dragging || !dragWindow) return;
      const dx = event.clientX - dragStartX;
      moved = Math.max(moved, Math.abs(dx));
      if (moved < 3) return;
      hideTooltip();
      view = panWindow(dragWindow, -dx / chartWidth());
      queueDraw();
    });
    body.addEventListener('pointerup', (event) => {
      if (!dragging) return;
      dragging = false;
      if (moved >= 3) {
        saveState();
        return;
      }
      const target = targetOf(document.elementFromPoint(event.clientX, event.clientY));
      if (target) activate(target);
    });
    chart.addEventListener(
      'wheel',
      (event) => {
        const box = scroller.getBoundingClientRect();
        const at = Math.min(1, Math.max(0, (event.clientX - box.left) / chartWidth()));
        if (event.ctrlKey || event.metaKey) {
          event.preventDefault();
          zoomBy(Math.exp(event.deltaY * 0.002), at);
        } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
          event.preventDefault();
          panBy((event.shiftKey ? event.deltaY || event.deltaX : event.deltaX) / chartWidth());
        }
      },
      { passive: false },
    );
    chart.addEventListener('keydown', (event) => {
      const key = event.key;
      let handled = true;
      if (key === 'ArrowRight' && event.shiftKey) panBy(0.2);
      else if (key === 'ArrowLeft' && event.shiftKey) panBy(-0.2);
      else if (key === 'ArrowRight') step(1);
      else if (key === 'ArrowLeft') step(-1);
      else if (key === 'ArrowDown') changeRow(1);
      else if (key === 'ArrowUp') changeRow(-1);
      else if (key === '+' || key === '=') zoomBy(0.5);
      else if (key === '-' || key === '_') zoomBy(2);
      else if (key === '0') setView(undefined);
      else if (key === 'Home' || key === 'End') {
        const row = selectedTarget()?.row ?? selectedRow;
        const items = rowItems(row);
        const pick = key === 'Home' ? items[0] : items[items.length - 1];
        if (pick) select({ kind: 'item', item: pick, row });
      } else if (key === 'Enter' || key === ' ') {
        const target = selectedTarget();
        if (target) activate(target);
      } else if (key === 'Escape') {
        selected = undefined;
        hideTooltip();
        draw();
      } else handled = false;
      if (handled) event.preventDefault();
    });
    chart.addEventListener('blur', () => hideTooltip());
  }

  /** The text alternative: the tasks in view, as a table (built only while it is open). */
  function drawTable() {
    if (!doc || !model) return;
    const d = doc;
    const w = currentWindow();
    const { start, end } = tasks;
    /** @type {number[]} */
    const inView = [];
    let count = 0;
    for (let i = 0; i < tasks.length; i++) {
      if (start[i] > w.endMs || end[i] < w.startMs) continue;
      if (table.open && count < TABLE_LIMIT) inView.push(i);
      count++;
    }
    tableSummary.textContent = fill(d.labels.tableSummary, count);
    if (!table.open) return;
    const tableEl = el('table');
    const head = el('tr');
    for (const column of d.labels.columns) head.append(el('th', undefined, column));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    inView.forEach((index, i) => {
      const task = taskAt(index);
      const tr = el('tr');
      const idCell = el('td');
      const open = el('button', 'link');
      open.type = 'button';
      open.dataset.focusKey = `row:${i}`;
      open.append(el('bdi', 'value', task.taskId));
      open.addEventListener('click', () => post({ type: 'openTask', ref: task.ref }));
      idCell.append(open);
      tr.append(
        idCell,
        el('td', undefined, d.productLabels[task.product] ?? task.product),
        el('td', undefined, d.statusLabels[task.status]),
        el('td', undefined, localTime(task.start)),
        el('td', undefined, task.endedAt !== undefined ? localTime(task.endedAt) : d.labels.running),
        el('td', undefined, formatDuration(task.end - task.start, d.locale)),
        el('td', undefined, String(task.files)),
      );
      tbody.append(tr);
    });
    tableEl.append(thead, tbody);
    const scroll = el('div', 'table-scroll');
    scroll.append(tableEl);
    const nodes = [scroll];
    if (count > TABLE_LIMIT) nodes.push(el('p', 'empty', fill(d.labels.tableMore, TABLE_LIMIT, count)));
    tableBody.replaceChildren(...nodes);
  }

  function drawLegend() {
    if (!doc) return;
    const d = doc;
    const items = STATUSES.filter((s) => present.statuses.has(s)).map((status) => {
      const li = el('li');
      li.append(swatch({ status }), el('span', undefined, d.statusLabels[status]));
      return li;
    });
    for (const [mark, label] of /** @type {const} */ ([
      ['file', d.labels.legendFile],
      ['change', d.labels.legendChange],
      ['callback', d.labels.legendCallback],
    ])) {
      if (!present[mark]) continue;
      const li = el('li');
      li.append(swatch({ mark }), el('span', undefined, label));
      items.push(li);
    }
    legend.replaceChildren(...items);
  }

  /** @param {RoomDocument} next @param {RoomPanelState} state */
  function render(next, state) {
    const first = !doc;
    doc = next;
    clockSkew = next.now - Date.now();
    if (next.locale !== labelerLocale || next.timeZone !== undefined) {
      labeler = new TickLabeler(next.locale, next.timeZone);
      labelerLocale = next.locale;
    }
    zoneOffset = zoneOffsetIn(next.timeZone);
    // The zoom saved before a reload is kept only for the room it was saved for.
    if (first && !(saved && saved.accountId === state.accountId && saved.room === state.room)) view = undefined;
    identity = state;
    tasks = decode(next.tasks);
    applyLabels();
    root.classList.remove('pending');
    subtitle.textContent = next.summary;
    rebuildModel();
    drawLegend();
    saveState();
    draw();
  }

  /** @param {Extract<RoomHostMessage, { type: 'update' }>} message */
  function update(message) {
    if (!doc) return;
    clockSkew = message.now - Date.now();
    // The tasks kept and the new or changed ones (the last of a ref wins), by start then ref.
    const incoming = decode(message.upsert);
    const gone = new Set(message.remove);
    /** @type {Map<string, number>} */
    const added = new Map();
    for (let i = 0; i < incoming.length; i++) added.set(incoming.c.ref[i], i);
    /** @type {Array<[RoomTasks, number]>} */
    const rows = [];
    for (let i = 0; i < tasks.length; i++) if (!gone.has(tasks.c.ref[i]) && !added.has(tasks.c.ref[i])) rows.push([tasks, i]);
    for (const i of added.values()) rows.push([incoming, i]);
    rows.sort(([a, i], [b, j]) => a.start[i] - b.start[j] || (a.c.ref[i] < b.c.ref[j] ? -1 : 1));
    tasks = decode(gather(rows));
    subtitle.textContent = message.summary;
    rebuildModel();
    drawLegend();
    queueDraw();
  }

  window.addEventListener('message', (event) => {
    /** @type {RoomHostMessage} */
    const message = event.data;
    if (typeof message !== 'object' || message === null) return;
    if (message.type === 'render') render(message.document, message.state);
    else if (message.type === 'update') update(message);
  });

  buildSkeleton();
  root.classList.add('pending');
  labeler.label({ ms: Date.now(), step: 3_600_000 });

  setInterval(() => {
    if (document.visibilityState === 'visible' && tasks.running.length > 0) {
      rebuildModel();
      queueDraw();
    }
  }, CLOCK_MS);

  post({ type: 'ready' });
})();
