/**
 * Display helpers shared by the panels, the status bar, the poller's notifications and the pickers.
 * Pure: the caller passes the localizer and the clock/locale, so every rule here is unit-tested.
 */
import { isMediaApiError } from '../model/errors';
import { entryStartMs, type LedgerEntry } from '../model/ledgerEntry';
import type { Product, TaskKey, TaskStatus, Vendor } from '../model/task';
import { statusLabel as sharedStatusLabel } from '../l10n/labels';
import type { Localizer, TimeContext } from './localize';
import { panelText, pickText, plainText } from '../display/vendorText';

export function vendorLabel(vendor: Vendor, l10n: Localizer): string {
  return vendor === 'tencent' ? l10n.t('Tencent Cloud') : l10n.t('ZEGO');
}

export function productLabel(product: Product, l10n: Localizer): string {
  const labels: Record<Product, string> = {
    'trtc-recording': l10n.t('TRTC recording'),
    'trtc-relay': l10n.t('TRTC relay'),
    gme: l10n.t('GME recording'),
    css: l10n.t('CSS recording'),
    'zego-recording': l10n.t('ZEGO recording'),
  };
  return labels[product];
}

export function statusLabel(status: TaskStatus, l10n: Localizer): string {
  return sharedStatusLabel(status, (message, ...args) => l10n.t(message, ...args));
}

/** What `Task.appId` holds for each product. */
export function appIdLabel(product: Product, l10n: Localizer): string {
  if (product === 'gme') return l10n.t('BizId');
  if (product === 'css') return l10n.t('Push domain');
  return product === 'zego-recording' ? l10n.t('AppId') : l10n.t('SdkAppId');
}

/** CSS keys tasks by stream; the others by room. */
export function roomLabel(product: Product, l10n: Localizer): string {
  return product === 'css' ? l10n.t('Stream') : l10n.t('Room');
}

/**
 * The first `max` characters of an id, with `…` when cut. Counts code points so an emoji or a
 * surrogate pair is never split in half.
 */
export function shortId(id: string, max = 8): string {
  const chars = Array.from(id);
  return chars.length <= max + 1 ? id : `${chars.slice(0, max).join('')}…`;
}

/** `Task 1234… (TRTC recording)`: panel titles, notifications, picker labels (`show` makes the id inert for the surface). */
export function taskTitle(key: TaskKey, l10n: Localizer, show: (vendorText: string) => string = plainText): string {
  return l10n.t('Task {0} ({1})', show(shortId(key.taskId)), productLabel(key.product, l10n));
}

/** `s` with invisible and direction-changing characters written as `\u{…}` escapes (whole, for the panels). */
export function visibleString(s: string): string {
  return panelText(s);
}

function unit(locale: string, name: 'day' | 'hour' | 'minute' | 'second', value: number): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
}

/** `1h 2m`, `3m 4s`, `2d 5h`: the two most significant units, in the UI language. */
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

export function formatLocalTime(ms: number, time: TimeContext): string {
  return new Date(ms).toLocaleString(time.locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: time.timeZone });
}

/** A Unix epoch ms time as shown to people (local time and relative) plus its raw value with unit. */
export function formatEpochMs(ms: number, time: TimeContext, l10n: Localizer): { human: string; raw: string } {
  if (!Number.isFinite(ms)) return { human: l10n.t('invalid time'), raw: String(ms) };
  return {
    human: l10n.t('{0} ({1})', formatLocalTime(ms, time), formatRelative(ms, time)),
    raw: l10n.t('{0} ms', String(ms)),
  };
}

/** One row of a task picker: `Task 1234… (TRTC relay)`, `running · room 42`, `1h 2m · Tencent Cloud · account name`. */
export function taskPickRow(
  entry: LedgerEntry,
  time: TimeContext,
  l10n: Localizer,
  accountName: string | undefined,
): { label: string; description: string; detail: string } {
  const task = entry.task;
  const status = statusLabel(task.status, l10n);
  const room = l10n.t('{0} {1}', roomLabel(task.product, l10n), pickText(task.room, 41));
  // CSS reports the scheduled end of a running task, which lies ahead: elapsed first, then when it ends.
  const elapsed = l10n.t('for {0}', formatDuration(time.now - entryStartMs(entry), time.locale));
  const when =
    task.endedAt === undefined
      ? elapsed
      : task.endedAt <= time.now
        ? l10n.t('ended {0}', formatRelative(task.endedAt, time))
        : l10n.t('{0}, ends {1}', elapsed, formatRelative(task.endedAt, time));
  const account = accountName === undefined ? l10n.t('removed account') : pickText(accountName, 41);
  return {
    label: taskTitle(task, l10n, pickText),
    description: `${status} · ${room}`,
    detail: `${when} · ${vendorLabel(task.vendor, l10n)} · ${account}`,
  };
}

/** One line for an error from the store or a vendor: the vendor's words plus code and RequestId. */
export function errorMessage(error: unknown): string {
  if (isMediaApiError(error)) return `${error.message} (${error.summary()})`;
  return error instanceof Error ? error.message : String(error);
}
