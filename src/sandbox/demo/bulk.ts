/**
 * Benchmark batches: many ended tasks, evenly spread over one window, on a stream or room of their own
 * in the dedicated "Bulk" apps. Deterministic: the n-th batch of a product always gets the same name.
 */
import type { BulkTaskRequest, BulkTaskSet, TrtcBulkTaskSet } from '../types';
import { LIVE_PERIOD_MS, LIVE_RUNNING_MS, LIVE_STARTING_MS, slotAt } from './schedule';
import { trtcTaskId } from './trtc';
import type { World } from './world';

const DAY_MS = 86_400_000;
const MAX_COUNT = 100_000;
/** The vendors' own window limits: a listing must be able to cover the batch in one query. */
const MAX_SPAN_MS = { css: 7 * DAY_MS, zego: 3 * DAY_MS } as const;
const DEFAULT_SPAN_MS = { css: 6 * DAY_MS, zego: 2 * DAY_MS } as const;
/** CSS times are whole seconds, ZEGO's milliseconds. */
const GRANULARITY_MS = { css: 1000, zego: 1 } as const;

export class BulkRequestError extends Error {}

const MAX_LIVE_RECORDINGS = 1_000;
/** How long live bulk recordings have been running when added: past starting, minutes from ending. */
const LIVE_RUNNING_FOR_MS = 30_000;

/** Live recording lanes whose current task is in its running phase at `nowMs`. */
function addLiveRecordings(world: World, count: number, nowMs: number): TrtcBulkTaskSet {
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_LIVE_RECORDINGS) {
    throw new BulkRequestError(`count must be an integer from 1 to ${MAX_LIVE_RECORDINGS}`);
  }
  const app = world.bulkTencent;
  const startMs = nowMs - LIVE_STARTING_MS - LIVE_RUNNING_FOR_MS;
  const offsetMs = ((startMs % LIVE_PERIOD_MS) + LIVE_PERIOD_MS) % LIVE_PERIOD_MS;
  const taskIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const index = app.recordingLanes.length;
    const lane = {
      offsetMs,
      periodMs: LIVE_PERIOD_MS,
      key: `${world.seed}:bulk/rec/${index}`,
      roomId: `bulk-room-${index + 1}`,
      userIds: [`bulk-user-${index + 1}`],
      mixed: false,
      idPrefix: '',
    };
    app.recordingLanes.push(lane);
    taskIds.push(trtcTaskId('recording', lane, slotAt(lane, nowMs)));
  }
  return {
    product: 'trtc-recording',
    count,
    startMs,
    endMs: startMs + LIVE_STARTING_MS + LIVE_RUNNING_MS,
    secretId: app.secretId,
    secretKey: app.secretKey,
    region: app.region,
    trtcSdkAppId: app.trtcSdkAppId,
    taskIds,
  };
}

export function addBulkTasks(world: World, request: BulkTaskRequest, nowMs: number): BulkTaskSet {
  const { product, count } = request;
  if (product === 'trtc-recording') return addLiveRecordings(world, count, nowMs);
  if (product !== 'css' && product !== 'zego') throw new BulkRequestError('product must be "css", "zego" or "trtc-recording"');
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_COUNT) {
    throw new BulkRequestError(`count must be an integer from 1 to ${MAX_COUNT}`);
  }
  const g = GRANULARITY_MS[product];
  const endMs = Math.floor((request.endMs ?? nowMs - 60_000) / g) * g;
  const startMs = Math.floor((request.startMs ?? endMs - DEFAULT_SPAN_MS[product]) / g) * g;
  if (!Number.isSafeInteger(startMs) || !Number.isSafeInteger(endMs) || endMs <= startMs) {
    throw new BulkRequestError('endMs must be after startMs');
  }
  if (endMs - startMs > MAX_SPAN_MS[product]) throw new BulkRequestError(`the window may span at most ${MAX_SPAN_MS[product] / DAY_MS} days`);
  // Each task needs a granule to itself and a gap after it.
  if (endMs - startMs < 2 * count * g) throw new BulkRequestError('the window is too short for that many tasks');
  const running = request.running ?? 0;
  if (!Number.isSafeInteger(running) || running < 0 || running > count || (running > 0 && product !== 'css')) {
    throw new BulkRequestError('running must be an integer from 0 to count, and only for CSS');
  }
  // Running CSS tasks end, as scheduled, an hour from now (whole seconds, as CSS times are).
  const runningUntilMs = running > 0 ? Math.floor((nowMs + 3_600_000) / g) * g : undefined;
  const schedule = { kind: 'bulk', startMs, endMs, count, granularityMs: g, running, runningUntilMs } as const;

  if (product === 'css') {
    const app = world.bulkTencent;
    const streamName = `bulk-${app.cssStreams.length + 1}`;
    const stream = {
      key: `${world.seed}:bulk/css/${streamName}`,
      order: app.cssStreams.length,
      domainName: app.cssDomain,
      appName: 'bulk',
      streamName,
      schedule,
    };
    app.cssStreams.push(stream);
    return {
      product,
      count,
      startMs,
      endMs,
      secretId: app.secretId,
      secretKey: app.secretKey,
      region: app.region,
      domainName: stream.domainName,
      appName: stream.appName,
      streamName,
    };
  }
  const app = world.bulkZego;
  const roomId = `bulk-${app.rooms.length + 1}`;
  app.rooms.push({ key: `${world.seed}:bulk/zego/${roomId}`, order: app.rooms.length, roomId, schedule });
  return { product, count, startMs, endMs, appId: app.appId, serverSecret: app.serverSecret, roomId };
}
