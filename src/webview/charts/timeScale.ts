/**
 * The time axis both charts draw: a linear scale from epoch ms to a position, and ticks on round
 * local times (every 5 minutes, every hour, every day) with labels as precise as their spacing.
 * Pure (no DOM, no `vscode`): the host uses it for the task strip, the room page for its zoomable axis.
 */

export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** Where `ms` falls in `window`, as a fraction (0 = start, 1 = end); may lie outside 0..1. */
export function fraction(window: TimeWindow, ms: number): number {
  const span = window.endMs - window.startMs;
  return span > 0 ? (ms - window.startMs) / span : 0;
}

/** The ms at `f` (0..1) of `window`. */
export function msAt(window: TimeWindow, f: number): number {
  return window.startMs + f * (window.endMs - window.startMs);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Tick spacings people read without arithmetic. */
const STEPS = [
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  90 * DAY,
  365 * DAY,
];

/** The smallest round step that gives at most `maxTicks` ticks over `span` ms. */
export function tickStep(spanMs: number, maxTicks: number): number {
  const wanted = spanMs / Math.max(1, maxTicks);
  return STEPS.find((step) => step >= wanted) ?? STEPS[STEPS.length - 1]!;
}

/**
 * Minutes east of UTC at `ms` in the zone the labels are shown in: ticks fall on round local times
 * (a zone at +5:30 gets its hours at :00, not :30). Defaults to this runtime's zone.
 */
export type ZoneOffset = (ms: number) => number;

export const localZoneOffset: ZoneOffset = (ms) => -new Date(ms).getTimezoneOffset();

export interface Tick {
  readonly ms: number;
  readonly step: number;
}

/** Round local times inside `window`, `step` apart (days fall on local midnight). */
export function timeTicks(window: TimeWindow, maxTicks: number, zoneOffset: ZoneOffset = localZoneOffset): Tick[] {
  const span = window.endMs - window.startMs;
  if (!(span > 0) || !Number.isFinite(span)) return [];
  const step = tickStep(span, maxTicks);
  const ticks: Tick[] = [];
  const offsetMs = zoneOffset(window.startMs) * MINUTE;
  // Align in local time; steps longer than a day align on local midnights counted from the epoch.
  let local = Math.ceil((window.startMs + offsetMs) / step) * step;
  for (let guard = 0; guard <= maxTicks + 1; guard++) {
    const ms = local - zoneOffset(local - offsetMs) * MINUTE;
    if (ms > window.endMs) break;
    if (ms >= window.startMs) ticks.push({ ms, step });
    local += step;
  }
  return ticks;
}

/** The Intl options for a tick label: seconds only when ticks are seconds apart, the date when days are. */
export function tickLabelOptions(step: number): Intl.DateTimeFormatOptions {
  if (step < MINUTE) return { hour: 'numeric', minute: '2-digit', second: '2-digit' };
  if (step < DAY) return { hour: 'numeric', minute: '2-digit' };
  if (step < 365 * DAY) return { month: 'short', day: 'numeric' };
  return { year: 'numeric' };
}

/**
 * Formats tick labels; one `Intl.DateTimeFormat` per step size, since building a formatter costs far
 * more than using it and an axis redraws on every zoom.
 */
export class TickLabeler {
  private readonly formats = new Map<number, Intl.DateTimeFormat>();

  constructor(
    private readonly locale: string,
    private readonly timeZone?: string,
  ) {}

  label(tick: Tick): string {
    let format = this.formats.get(tick.step);
    if (!format) {
      format = new Intl.DateTimeFormat(this.locale, { ...tickLabelOptions(tick.step), ...(this.timeZone ? { timeZone: this.timeZone } : {}) });
      this.formats.set(tick.step, format);
    }
    return format.format(tick.ms);
  }
}

/** The zone offset in an IANA zone (tests pin `UTC`), read from Intl since JS has no direct API. */
export function zoneOffsetIn(timeZone: string | undefined): ZoneOffset {
  if (timeZone === undefined) return localZoneOffset;
  if (timeZone === 'UTC') return () => 0;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (ms) => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(ms)) parts[part.type] = Number(part.value);
    const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
    return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE);
  };
}
