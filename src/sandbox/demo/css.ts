/**
 * CSS record tasks of one app, listed by time window. Live streams get a task every cycle whose
 * StartTime is scheduled two minutes after creation (the "starting" phase); history streams get one
 * every few hours over the whole 90 days; bulk streams hold benchmark batches.
 */
import type { CssRecordTask } from '../../vendors/tencent/records';
import { hash32, opaqueId, unit } from './hash';
import { occurrencesBeginningIn, type Occurrence } from './occurrences';
import { LIVE_STARTING_MS } from './schedule';
import type { StopLedger } from './stops';
import type { CssStream, TencentApp } from './world';

/** What DescribeRecordTask answers for one task, in the client's own record shape (times in seconds). */
export type CssTaskRecord = CssRecordTask;

/** A listed task before its strings are built; cheap enough to sort by the thousand. */
export interface CssTaskRef {
  readonly stream: CssStream;
  readonly occurrence: Occurrence;
  readonly startSec: number;
  readonly endSec: number;
}

export interface CssFilter {
  readonly streamName?: string;
  readonly domainName?: string;
  readonly appName?: string;
}

/** Listing order: StartTime, then the stream's position, then the slot. */
export function compareCssRefs(a: CssTaskRef, b: CssTaskRef): number {
  return a.startSec - b.startSec || a.stream.order - b.stream.order || a.occurrence.slot - b.occurrence.slot;
}

/** Tasks whose start and end both lie within [fromSec, toSec], in listing order. */
export function cssTasksInWindow(app: TencentApp, fromSec: number, toSec: number, filter: CssFilter, nowMs: number): CssTaskRef[] {
  const refs: CssTaskRef[] = [];
  for (const stream of app.cssStreams) {
    if (filter.streamName !== undefined && filter.streamName !== stream.streamName) continue;
    if (filter.domainName !== undefined && filter.domainName !== stream.domainName) continue;
    if (filter.appName !== undefined && filter.appName !== stream.appName) continue;
    for (const occurrence of occurrencesBeginningIn(stream.schedule, stream.key, fromSec * 1000, toSec * 1000 + 999, nowMs, LIVE_STARTING_MS)) {
      const startSec = Math.floor(occurrence.beginMs / 1000);
      const endSec = Math.floor(occurrence.endMs / 1000);
      if (startSec >= fromSec && endSec <= toSec) refs.push({ stream, occurrence, startSec, endSec });
    }
  }
  return refs.sort(compareCssRefs);
}

const TEMPLATE_IDS = [0, 0, 1001, 1002];
/** Share of history tasks stopped early by StopRecordTask, at 60% of their scheduled length. */
const STOPPED_SHARE = 0.2;

export function cssTaskId(ref: CssTaskRef): string {
  return opaqueId(56, 'alnum', ref.stream.key, ref.occurrence.slot, 'css');
}

/** `Stopped`, Unix seconds: when StopRecordTask ended the task (the demo's own or a client's), else 0. */
function stoppedSec(ref: CssTaskRef, taskId: string, nowMs: number, stops: StopLedger): number {
  const { stream, occurrence } = ref;
  const clientStop = stops.stopTime(taskId, nowMs);
  if (clientStop !== undefined) return Math.floor(clientStop / 1000);
  const stopAtMs = occurrence.beginMs + Math.floor((occurrence.endMs - occurrence.beginMs) * 0.6);
  const demoStop = stream.schedule.kind === 'history' && unit(stream.key, occurrence.slot, 'stop') < STOPPED_SHARE && stopAtMs <= nowMs;
  return demoStop ? Math.floor(stopAtMs / 1000) : 0;
}

export function cssTaskRecord(ref: CssTaskRef, nowMs: number, stops: StopLedger): CssTaskRecord {
  const { stream, occurrence } = ref;
  const taskId = cssTaskId(ref);
  return {
    TaskId: taskId,
    DomainName: stream.domainName,
    AppName: stream.appName,
    StreamName: stream.streamName,
    StartTime: ref.startSec,
    EndTime: ref.endSec,
    TemplateId: stream.schedule.kind === 'bulk' ? 0 : TEMPLATE_IDS[hash32(stream.key, occurrence.slot, 'template') % TEMPLATE_IDS.length],
    Stopped: stoppedSec(ref, taskId, nowMs, stops),
  };
}

/** How far back a task id is looked up for a stop: a record task lasts at most a day. */
const STOP_LOOKUP_MS = 2 * 86_400_000;

/** The live or history task with this id that exists at `nowMs` and began in the last two days. */
export function findCssTask(app: TencentApp, taskId: string, nowMs: number): CssTaskRef | undefined {
  for (const stream of app.cssStreams) {
    if (stream.schedule.kind === 'bulk') continue;
    for (const occurrence of occurrencesBeginningIn(stream.schedule, stream.key, nowMs - STOP_LOOKUP_MS, nowMs + LIVE_STARTING_MS, nowMs, LIVE_STARTING_MS)) {
      const ref = { stream, occurrence, startSec: Math.floor(occurrence.beginMs / 1000), endSec: Math.floor(occurrence.endMs / 1000) };
      if (cssTaskId(ref) === taskId) return ref;
    }
  }
  return undefined;
}
