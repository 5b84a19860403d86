/** Splitting a time range into the windows a listing API accepts. */

export interface Window {
  readonly start: number;
  readonly end: number;
}

/**
 * Windows covering [start, end], each spanning at most `maxSpan` (same unit as the inputs). Each
 * window starts `overlap` before the previous one ends (0: consecutive, window i ends where window
 * i+1 starts). A span of exactly `maxSpan` is one window.
 */
export function splitWindows(start: number, end: number, maxSpan: number, overlap = 0): Window[] {
  if (!(maxSpan > 0) || !(overlap >= 0 && overlap < maxSpan)) {
    throw new RangeError(`need maxSpan > overlap >= 0, got ${maxSpan} and ${overlap}`);
  }
  const windows: Window[] = [];
  for (let s = start; ; s += maxSpan - overlap) {
    windows.push({ start: s, end: Math.min(end, s + maxSpan) });
    if (s + maxSpan >= end) break;
  }
  return start < end ? windows : [];
}
