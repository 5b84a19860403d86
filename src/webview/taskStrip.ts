/**
 * The task strip of the details panel: what the vendor reported (start, end, files, the stop) and
 * what this extension observed (first sight, each status change, the last check) on one time axis.
 * Pure: positions are fractions of the strip's window, so the page only draws; the status table
 * below the strip is its text alternative.
 */
import type { CallbackRecord } from '../model/callback';
import type { LedgerEntry } from '../model/ledgerEntry';
import { isTerminal, type TaskStatus } from '../model/task';
import { fraction, TickLabeler, timeTicks, zoneOffsetIn, type TimeWindow } from './charts/timeScale';
import { statusLabel, vendorLabel } from '../display/labels';
import { callbackCause, stopReason } from '../display/stopReasons';
import { visibleString } from '../display/text';
import { formatDuration, formatLocalTime } from '../display/time';
import type { Localizer, TimeContext } from '../display/localize';
import type { StripLane, StripMark, StripMarkKind, StripSection, StripSpan } from './protocol';

export interface StripContext {
  readonly time: TimeContext;
  readonly l10n: Localizer;
}

/** A strip shorter than this is widened around its middle, so a task seen once is not a point. */
const MIN_WINDOW_MS = 60_000;
/** Room on both sides, so marks at the ends are not cut in half. */
const PADDING = 0.02;
const MAX_TICKS = 6;

function stripWindow(entry: LedgerEntry, now: number): TimeWindow {
  const task = entry.task;
  const times = [entry.firstSeen, entry.lastSeen, ...entry.history.map((h) => h.at)];
  if (task.startedAt !== undefined) times.push(task.startedAt);
  if (task.endedAt !== undefined) times.push(task.endedAt);
  for (const file of task.files) if (file.beginTimeMs !== undefined) times.push(file.beginTimeMs);
  for (const callback of entry.callbacks ?? []) times.push(callback.at);
  if (!isTerminal(task.status)) times.push(now);
  const finite = times.filter(Number.isFinite);
  let start = Math.min(...finite);
  let end = Math.max(...finite);
  if (end - start < MIN_WINDOW_MS) {
    const middle = (start + end) / 2;
    start = middle - MIN_WINDOW_MS / 2;
    end = middle + MIN_WINDOW_MS / 2;
  }
  const pad = (end - start) * PADDING;
  return { startMs: start - pad, endMs: end + pad };
}

class StripBuilder {
  private readonly statuses = new Set<TaskStatus>();
  private readonly markKinds = new Set<StripMarkKind>();

  constructor(
    readonly window: TimeWindow,
    private readonly ctx: StripContext,
  ) {}

  time(ms: number): string {
    return formatLocalTime(ms, this.ctx.time);
  }

  span(status: TaskStatus, fromMs: number, toMs: number, raw: string, open?: StripSpan['open']): StripSpan {
    this.statuses.add(status);
    const { l10n } = this.ctx;
    const parts = [
      statusLabel(status, l10n),
      l10n.t('{0} – {1} ({2})', this.time(fromMs), this.time(toMs), formatDuration(toMs - fromMs, this.ctx.time.locale)),
    ];
    if (open === 'ongoing') parts.push(l10n.t('still going'));
    if (open === 'scheduled') parts.push(l10n.t('scheduled end'));
    if (raw !== '') parts.push(l10n.t('vendor status {0}', visibleString(raw)));
    return {
      from: fraction(this.window, fromMs),
      to: fraction(this.window, toMs),
      status,
      ...(open ? { open } : {}),
      title: parts.join(' · '),
    };
  }

  mark(kind: StripMarkKind, ms: number, what: string): StripMark {
    this.markKinds.add(kind);
    return { at: fraction(this.window, ms), kind, title: this.ctx.l10n.t('{0}: {1}', what, this.time(ms)) };
  }

  legend(): StripSection['legend'] {
    const { l10n } = this.ctx;
    const markNames: Record<StripMarkKind, string> = {
      seen: l10n.t('first seen'),
      poll: l10n.t('last checked'),
      change: l10n.t('status change'),
      file: l10n.t('storage file began'),
      callback: l10n.t('callback'),
      stop: l10n.t('stopped'),
    };
    const order: TaskStatus[] = ['starting', 'running', 'paused', 'stopping', 'ended', 'failed', 'unknown'];
    return [
      ...order.filter((s) => this.statuses.has(s)).map((status) => ({ status, label: statusLabel(status, l10n) })),
      ...(Object.keys(markNames) as StripMarkKind[]).filter((k) => this.markKinds.has(k)).map((mark) => ({ mark, label: markNames[mark] })),
    ];
  }
}

/**
 * A callback on the strip: its event, where it came from, the status it implied (and whether the
 * ledger took it: a late or out-of-order one is not), and the cause it names.
 */
function callbackText(c: CallbackRecord, l10n: Localizer): string {
  const source = c.source === 'paste' ? l10n.t('pasted') : l10n.t('local receiver');
  const parts = [l10n.t('Callback {0} ({1})', visibleString(c.eventType), source)];
  if (c.status !== undefined)
    parts.push(c.applied ? statusLabel(c.status, l10n) : l10n.t('{0}, not taken: the task had moved on', statusLabel(c.status, l10n)));
  const cause = callbackCause(c, l10n);
  if (cause) parts.push(cause.text);
  if (c.files.length > 0) parts.push(l10n.t('{0} files', c.files.length));
  return parts.join(' · ');
}

/**
 * Why the task stopped, in words where the vendor said why (a callback's LeaveCode or quit_reason, our
 * own stop request, a CSS end before its schedule), and always with its final status and raw value.
 */
function endedText(entry: LedgerEntry, ctx: StripContext): string {
  const { l10n } = ctx;
  const task = entry.task;
  const label = statusLabel(task.status, l10n);
  const status = task.rawStatus === '' ? label : l10n.t('{0} (vendor status {1})', label, visibleString(task.rawStatus));
  const reason = stopReason(entry, l10n, ctx.time);
  return reason ? `${status} · ${reason.text}` : status;
}

function reportedLane(entry: LedgerEntry, b: StripBuilder, now: number, ctx: StripContext): StripLane {
  const { l10n } = ctx;
  const task = entry.task;
  const spans: StripSpan[] = [];
  const marks: StripMark[] = [];
  if (task.startedAt !== undefined) {
    if (isTerminal(task.status)) {
      spans.push(b.span(task.status, task.startedAt, task.endedAt ?? entry.lastSeen, task.rawStatus));
    } else if (task.endedAt !== undefined && task.endedAt > now) {
      // CSS reports when a running recording is scheduled to end: drawn apart from what has happened.
      spans.push(b.span(task.status, task.startedAt, now, task.rawStatus, 'ongoing'));
      spans.push(b.span(task.status, now, task.endedAt, task.rawStatus, 'scheduled'));
    } else {
      spans.push(b.span(task.status, task.startedAt, task.endedAt ?? now, task.rawStatus, task.endedAt === undefined ? 'ongoing' : undefined));
    }
  }
  for (const file of task.files) {
    if (file.beginTimeMs !== undefined) marks.push(b.mark('file', file.beginTimeMs, l10n.t('File {0} began', visibleString(file.fileName))));
  }
  for (const callback of entry.callbacks ?? []) marks.push(b.mark('callback', callback.at, callbackText(callback, l10n)));
  if (isTerminal(task.status) && task.endedAt !== undefined) marks.push(b.mark('stop', task.endedAt, l10n.t('Ended: {0}', endedText(entry, ctx))));
  return { label: l10n.t('Reported by {0}', vendorLabel(task.vendor, l10n)), spans, marks };
}

function observedLane(entry: LedgerEntry, b: StripBuilder, now: number, ctx: StripContext): StripLane {
  const { l10n } = ctx;
  const spans: StripSpan[] = [];
  const marks: StripMark[] = [b.mark('seen', entry.firstSeen, l10n.t('First seen'))];
  entry.history.forEach((transition, i) => {
    const next = entry.history[i + 1];
    if (i > 0) {
      const what = isTerminal(transition.status)
        ? l10n.t('Seen {0}: {1}', statusLabel(transition.status, l10n), endedText(entry, ctx))
        : l10n.t('Became {0}', statusLabel(transition.status, l10n));
      marks.push(b.mark(isTerminal(transition.status) ? 'stop' : 'change', transition.at, what));
    }
    if (next) spans.push(b.span(transition.status, transition.at, next.at, transition.rawStatus));
    else if (!isTerminal(transition.status)) spans.push(b.span(transition.status, transition.at, now, transition.rawStatus, 'ongoing'));
  });
  marks.push(b.mark('poll', entry.lastSeen, l10n.t('Last checked')));
  return { label: l10n.t('Observed by this extension'), spans, marks };
}

function summary(entry: LedgerEntry, ctx: StripContext): string {
  const { l10n } = ctx;
  const task = entry.task;
  const time = (ms: number): string => formatLocalTime(ms, ctx.time);
  const reported =
    task.startedAt === undefined
      ? l10n.t('The vendor reports no start time.')
      : isTerminal(task.status)
        ? l10n.t(
            'The vendor reports it ran from {0} to {1}.',
            time(task.startedAt),
            task.endedAt === undefined ? l10n.t('an unreported time') : time(task.endedAt),
          )
        : l10n.t('The vendor reports it started at {0} and is {1}.', time(task.startedAt), statusLabel(task.status, l10n));
  const changes = Math.max(0, entry.history.length - 1);
  const observed = l10n.t(
    'This extension first saw it at {0}, saw {1} status changes since, and last checked at {2}.',
    time(entry.firstSeen),
    changes,
    time(entry.lastSeen),
  );
  const files = task.files.filter((f) => f.beginTimeMs !== undefined).length;
  const callbacks = entry.callbacks?.length ?? 0;
  return [
    reported,
    observed,
    ...(files > 0 ? [l10n.t('{0} storage files are marked where they began.', files)] : []),
    ...(callbacks > 0 ? [l10n.t('{0} callbacks are marked when the vendor sent them.', callbacks)] : []),
  ].join(' ');
}

export function taskStrip(entry: LedgerEntry, heading: string, ctx: StripContext): StripSection {
  const now = ctx.time.now;
  const window = stripWindow(entry, now);
  const b = new StripBuilder(window, ctx);
  const lanes = [reportedLane(entry, b, now, ctx), observedLane(entry, b, now, ctx)];
  const labeler = new TickLabeler(ctx.time.locale, ctx.time.timeZone);
  const ticks = timeTicks(window, MAX_TICKS, zoneOffsetIn(ctx.time.timeZone)).map((tick) => ({ at: fraction(window, tick.ms), label: labeler.label(tick) }));
  const nowAt = fraction(window, now);
  return {
    kind: 'strip',
    heading,
    summary: summary(entry, ctx),
    lanes,
    ticks,
    ...(nowAt >= 0 && nowAt <= 1 ? { now: nowAt } : {}),
    legend: b.legend(),
  };
}
