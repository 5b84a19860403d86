/**
 * Every time and duration shown to people, one formatter per unit: a duration, a clock time, a full
 * local time, a relative time, and an epoch value with its raw number. In the UI language, in the
 * time zone the context names (local by default).
 */
import type { Localizer, TimeContext } from './localize';

function unit(locale: string, name: 'day' | 'hour' | 'minute' | 'second', value: number): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
}

/** `1h 2m`, `3m 4s`, `2d 5h`: the two most significant units, in the UI language; negative reads as 0. */
export function formatDuration(ms: number, locale: string): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${unit(locale, 'day', days)} ${unit(locale, 'hour', hours)}`;
  if (hours > 0) return `${unit(locale, 'hour', hours)} ${unit(locale, 'minute', minutes)}`;
  if (minutes > 0) return `${unit(locale, 'minute', minutes)} ${unit(locale, 'second', seconds)}`;
  return unit(locale, 'second', seconds);
}

/** `14:02` today, `Mar 3, 14:02` on another day: compact enough for a tree row. */
export function formatClock(ms: number, time: TimeContext): string {
  const { locale, timeZone } = time;
  const hm = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(ms);
  const day = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone });
  if (day.format(ms) === day.format(time.now)) return hm;
  return `${new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone }).format(ms)}, ${hm}`;
}

/** `May 1, 2024, 12:00:00 PM`: where the whole time is wanted (panels). */
export function formatLocalTime(ms: number, time: TimeContext): string {
  return new Date(ms).toLocaleString(time.locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: time.timeZone });
}

/** `5 minutes ago`, `in 2 hours`, `now`, in the UI language. */
export function formatRelative(ms: number, time: TimeContext): string {
  const diffSeconds = Math.round((ms - time.now) / 1000);
  const abs = Math.abs(diffSeconds);
  const rtf = new Intl.RelativeTimeFormat(time.locale, { numeric: 'auto' });
  if (abs < 60) return rtf.format(diffSeconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(diffSeconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diffSeconds / 3600), 'hour');
  if (abs < 30 * 86400) return rtf.format(Math.round(diffSeconds / 86400), 'day');
  if (abs < 365 * 86400) return rtf.format(Math.round(diffSeconds / (30 * 86400)), 'month');
  return rtf.format(Math.round(diffSeconds / (365 * 86400)), 'year');
}

/** A Unix epoch ms time as shown to people (local time and relative) plus its raw value with unit. */
export function formatEpochMs(ms: number, time: TimeContext, l10n: Localizer): { human: string; raw: string } {
  if (!Number.isFinite(ms)) return { human: l10n.t('invalid time'), raw: String(ms) };
  return {
    human: l10n.t('{0} ({1})', formatLocalTime(ms, time), formatRelative(ms, time)),
    raw: l10n.t('{0} ms', String(ms)),
  };
}
