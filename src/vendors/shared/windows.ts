/** Splitting a time range into the consecutive windows a listing API accepts. */

export interface Window {
  readonly start: number;
  readonly end: number;
}

/**
 * Consecutive windows covering [start, end], each spanning at most `maxSpan` (same unit as the
 * inputs); window i ends where window i+1 starts. A span of exactly `maxSpan` is one window.
 */
export function splitWindows(start: number, end: number, maxSpan: number): Window[] {
  if (!(maxSpan > 0)) throw new RangeError(`maxSpan must be positive, got ${maxSpan}`);
  const windows: Window[] = [];
  for (let s = start; s < end; s += maxSpan) windows.push({ start: s, end: Math.min(end, s + maxSpan) });
  return windows;
}
