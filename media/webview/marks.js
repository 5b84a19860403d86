// @ts-check
// The marks both charts draw (the task strip and the room chart): one shape per kind, so no mark is
// told apart by colour alone, and the legend swatches that name them.
import { svgEl } from './dom.js';

/** @typedef {import('../../src/webview/protocol').StripMarkKind} MarkKind */
/** @typedef {import('../../src/model/task').TaskStatus} TaskStatus */

/** @type {readonly MarkKind[]} */
const MARKS = ['seen', 'poll', 'change', 'file', 'callback', 'stop'];

/** `kind` when it is one of ours, else `change`. @param {unknown} kind @returns {MarkKind} */
export function knownMark(kind) {
  return MARKS.find((k) => k === kind) ?? 'change';
}

/**
 * Each kind's shape around (0, 0), in px, for a track 22 px high: a nested <svg> at the mark's
 * position carries it, so a shape keeps its size whatever the chart's width or zoom.
 * @type {Record<MarkKind, { tag: string, geometry: Record<string, string | number> }>}
 */
const MARK_SHAPES = {
  seen: { tag: 'circle', geometry: { cx: 0, cy: 0, r: 3.5 } },
  file: { tag: 'path', geometry: { d: 'M0,-5 L5,0 L0,5 L-5,0 Z' } },
  callback: { tag: 'path', geometry: { d: 'M-4,-9 L4,-9 L0,-3 Z' } },
  poll: { tag: 'line', geometry: { x1: 0, x2: 0, y1: -10, y2: 10 } },
  change: { tag: 'line', geometry: { x1: 0, x2: 0, y1: -10, y2: 10 } },
  stop: { tag: 'line', geometry: { x1: 0, x2: 0, y1: -10, y2: 10 } },
};

/** A mark centred on (x, y): numbers in px, or percentages. @param {MarkKind} kind @param {string | number} x @param {string | number} y */
export function markShape(kind, x, y) {
  const safe = knownMark(kind);
  const holder = svgEl('svg', 'mark-at', { x, y, overflow: 'visible' });
  const shape = MARK_SHAPES[safe];
  holder.append(svgEl(shape.tag, `mark mark-${safe}`, shape.geometry));
  return holder;
}

/** A legend swatch: a status's colour or a mark's shape. @param {{ status: TaskStatus } | { mark: MarkKind }} item */
export function swatch(item) {
  if ('mark' in item) {
    const svg = svgEl('svg', 'swatch', { width: 14, height: 14, viewBox: '-10 -10 20 20', 'aria-hidden': 'true' });
    svg.append(markShape(item.mark, 0, 0));
    return svg;
  }
  const svg = svgEl('svg', 'swatch', { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true' });
  svg.append(svgEl('rect', `span s-${item.status}`, { x: 1, y: 3, width: 12, height: 8 }));
  return svg;
}
