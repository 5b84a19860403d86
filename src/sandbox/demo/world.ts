/**
 * The demo world: apps, credentials, rooms, streams and the lanes their tasks come from. Built once from
 * the seed; tasks themselves are computed on demand from (seed, lane, slot, time), never stored.
 */
import type { TencentDemoApp, ZegoDemoApp } from '../types';
import { HOSTILE, HOSTILE_LABEL } from './hostile';
import { hash32, opaqueId } from './hash';
import { LIVE_PERIOD_MS, staggeredLanes, type Lane } from './schedule';
import { StopLedger } from './stops';

/** When a lane's tasks happen: live cycles, a slower history cadence, or a fixed bulk batch. */
export type Schedule =
  | { readonly kind: 'live'; readonly lane: Lane }
  | { readonly kind: 'history'; readonly lane: Lane }
  | {
      readonly kind: 'bulk';
      readonly startMs: number;
      readonly endMs: number;
      readonly count: number;
      readonly granularityMs: number;
      /** The newest `running` tasks end at `runningUntilMs` instead (still running for a while). */
      readonly running?: number;
      readonly runningUntilMs?: number;
    };

/** A TRTC room whose recording (or relay) task restarts every live cycle. */
export interface TrtcLane extends Lane {
  /** Hash key: unique per lane across the world. */
  readonly key: string;
  readonly roomId: string;
  readonly userIds: readonly string[];
  /** Mixed-stream recordings report one file with an empty UserId. */
  readonly mixed: boolean;
  /** Prepended to generated task ids (hostile app only). */
  readonly idPrefix: string;
}

export interface GmeRoom {
  readonly key: string;
  readonly roomId: string;
  /** Absent: a room that exists but never records. */
  readonly lane?: Lane;
}

export interface CssStream {
  readonly key: string;
  /** Position in the app's listing order (ties on StartTime are broken by it). */
  readonly order: number;
  readonly domainName: string;
  readonly appName: string;
  readonly streamName: string;
  readonly schedule: Schedule;
}

export interface ZegoRoom {
  readonly key: string;
  readonly order: number;
  readonly roomId: string;
  readonly schedule: Schedule;
}

/** The demo fields `demo()` shows, plus where the tasks come from. */
export interface TencentApp extends Pick<
  TencentDemoApp,
  'label' | 'hostileStrings' | 'secretId' | 'secretKey' | 'token' | 'region' | 'trtcSdkAppId' | 'gmeBizId' | 'cssDomain' | 'callbackKeys'
> {
  readonly key: string;
  readonly gmeRooms: readonly GmeRoom[];
  /** Grows when bulk batches of live recordings are added. */
  readonly recordingLanes: TrtcLane[];
  readonly relayLanes: readonly TrtcLane[];
  /** Grows when bulk batches are added. */
  readonly cssStreams: CssStream[];
  /** A second key of the same account whose CAM policy allows the Describe actions only. */
  readonly readOnlySecretId: string;
  readonly readOnlySecretKey: string;
  /** Tasks of this app ended by a stop action. */
  readonly stops: StopLedger;
}

export interface ZegoApp extends ZegoDemoApp {
  readonly key: string;
  /** Grows when bulk batches are added. */
  readonly rooms: ZegoRoom[];
  /** Tasks of this app ended by StopRecord. */
  readonly stops: StopLedger;
}

export interface World {
  readonly seed: number;
  /** Demo apps, in the order `demo()` lists them. */
  readonly tencent: readonly TencentApp[];
  readonly zego: readonly ZegoApp[];
  /** Apps that only hold bulk batches; kept out of `demo()` so they never swamp it. */
  readonly bulkTencent: TencentApp;
  readonly bulkZego: ZegoApp;
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

interface TencentSpec {
  readonly key: string;
  readonly label: string;
  readonly hostileStrings?: boolean;
  readonly region: string;
  readonly gmeLive: readonly string[];
  readonly gmeIdle: readonly string[];
  readonly recordingRooms: readonly string[];
  readonly users: readonly string[];
  readonly relayRooms: readonly string[];
  readonly idPrefix: string;
  readonly cssApp: string;
  readonly cssLive: readonly string[];
  readonly cssHistory: readonly string[];
  /** The app's key is an STS temporary one: every request must carry its token as X-TC-Token. */
  readonly sts?: boolean;
}

interface ZegoSpec {
  readonly key: string;
  readonly label: string;
  readonly hostileStrings?: boolean;
  readonly live: readonly string[];
  readonly history: readonly string[];
}

const TENCENT_SPECS: readonly TencentSpec[] = [
  {
    key: 'sg',
    label: 'Singapore demo',
    region: 'ap-singapore',
    gmeLive: ['lobby', 'squad-7', 'arena-2'],
    gmeIdle: ['quiet-room'],
    recordingRooms: ['class-a', 'class-b', 'class-c'],
    users: ['teacher', 'alice', 'bob'],
    relayRooms: ['relay-news', 'relay-sports', 'relay-music'],
    idPrefix: '',
    cssApp: 'live',
    cssLive: ['live-a', 'live-b'],
    cssHistory: ['news', 'sports', 'music', 'talk'],
  },
  {
    key: 'gz',
    label: 'Guangzhou demo',
    region: 'ap-guangzhou',
    gmeLive: ['1001', '1002', '1003'],
    gmeIdle: ['1004'],
    recordingRooms: ['20001', '20002', '20003'],
    users: ['host', 'guest-1', 'guest-2', 'guest-3'],
    // DescribeStreamIngest is not offered in ap-guangzhou, so this app has no relay tasks.
    relayRooms: [],
    idPrefix: '',
    cssApp: 'live',
    cssLive: ['gz-live-1', 'gz-live-2'],
    cssHistory: ['gz-channel-1', 'gz-channel-2', 'gz-channel-3'],
    sts: true,
  },
  {
    key: 'hostile',
    label: HOSTILE_LABEL,
    hostileStrings: true,
    region: 'ap-singapore',
    gmeLive: [HOSTILE.img, HOSTILE.rtl, HOSTILE.emoji],
    gmeIdle: [HOSTILE.script, HOSTILE.codicons, HOSTILE.control],
    recordingRooms: [HOSTILE.img, HOSTILE.emoji, HOSTILE.rtl],
    users: [HOSTILE.script, HOSTILE.jsUrl, HOSTILE.rtl, HOSTILE.emoji, HOSTILE.url, HOSTILE.control],
    relayRooms: [HOSTILE.script, HOSTILE.jsUrl, HOSTILE.img],
    idPrefix: HOSTILE.img,
    cssApp: HOSTILE.jsUrl,
    cssLive: [HOSTILE.script, HOSTILE.rtl],
    cssHistory: [HOSTILE.img, HOSTILE.emoji, HOSTILE.codicons, HOSTILE.url, HOSTILE.huge],
  },
];

const ZEGO_SPECS: readonly ZegoSpec[] = [
  {
    key: 'zego',
    label: 'ZEGO demo',
    live: ['stage-1', 'stage-2', 'stage-3'],
    history: ['class-101', 'class-102', 'class-201', 'meeting-9', 'podcast'],
  },
  {
    key: 'zego-hostile',
    label: HOSTILE_LABEL,
    hostileStrings: true,
    live: [HOSTILE.img, HOSTILE.rtl, HOSTILE.emoji],
    history: [HOSTILE.script, HOSTILE.jsUrl, HOSTILE.codicons, HOSTILE.url, HOSTILE.control, HOSTILE.huge],
  },
];

/** History cadences, cycled through the streams/rooms: slow for CSS (hours), faster for ZEGO (minutes). */
const CSS_HISTORY_PERIODS_MS = [3 * HOUR_MS, 4 * HOUR_MS, 6 * HOUR_MS, 8 * HOUR_MS];
const ZEGO_HISTORY_PERIODS_MS = [40 * MINUTE_MS, 55 * MINUTE_MS, 70 * MINUTE_MS, 90 * MINUTE_MS];

function historyLane(seed: number, key: string, periods: readonly number[], index: number): Lane {
  const periodMs = periods[index % periods.length];
  return { periodMs, offsetMs: hash32(seed, key, 'offset') % periodMs };
}

function livePhaseMs(seed: number, key: string): number {
  return hash32(seed, key, 'phase') % LIVE_PERIOD_MS;
}

function trtcLanes(seed: number, spec: TencentSpec, product: 'rec' | 'relay', rooms: readonly string[]): TrtcLane[] {
  const lanes = staggeredLanes(rooms.length, livePhaseMs(seed, `${spec.key}/${product}`));
  return rooms.map((roomId, i) => ({
    ...lanes[i],
    key: `${seed}:${spec.key}/${product}/${i}`,
    roomId,
    // Each room has a different crowd; the first recording room mixes its streams into one file.
    userIds: spec.users.slice(0, 2 + (i % (spec.users.length - 1))),
    mixed: product === 'rec' && i === 0,
    idPrefix: spec.idPrefix,
  }));
}

function cssStreams(seed: number, spec: TencentSpec, domainName: string): CssStream[] {
  const live = staggeredLanes(spec.cssLive.length, livePhaseMs(seed, `${spec.key}/css`));
  const streams: CssStream[] = spec.cssLive.map((streamName, i) => ({
    key: `${seed}:${spec.key}/css/live/${i}`,
    order: i,
    domainName,
    appName: spec.cssApp,
    streamName,
    schedule: { kind: 'live', lane: live[i] },
  }));
  spec.cssHistory.forEach((streamName, i) => {
    const key = `${seed}:${spec.key}/css/history/${i}`;
    streams.push({
      key,
      order: streams.length,
      domainName,
      appName: spec.cssApp,
      streamName,
      schedule: { kind: 'history', lane: historyLane(seed, key, CSS_HISTORY_PERIODS_MS, i) },
    });
  });
  return streams;
}

function tencentApp(seed: number, spec: TencentSpec, index: number): TencentApp {
  const gmeLanes = staggeredLanes(spec.gmeLive.length, livePhaseMs(seed, `${spec.key}/gme`));
  const cssDomain = `${spec.key}.push.sandbox.example`;
  return {
    key: spec.key,
    label: spec.label,
    hostileStrings: spec.hostileStrings === true,
    secretId: `AKID${opaqueId(32, 'alnum', seed, spec.key, 'secretId')}`,
    secretKey: opaqueId(32, 'alnum', seed, spec.key, 'secretKey'),
    token: spec.sts ? opaqueId(64, 'alnum', seed, spec.key, 'stsToken') : undefined,
    region: spec.region,
    // Unique by construction (index), realistic in shape (14000xxxxx).
    trtcSdkAppId: 1400000000 + index * 100_000 + (hash32(seed, spec.key, 'trtc') % 100_000),
    gmeBizId: 1400500000 + index * 100_000 + (hash32(seed, spec.key, 'gme') % 100_000),
    cssDomain,
    gmeRooms: [
      ...spec.gmeLive.map((roomId, i) => ({ key: `${seed}:${spec.key}/gme/${i}`, roomId, lane: gmeLanes[i] })),
      ...spec.gmeIdle.map((roomId, i) => ({ key: `${seed}:${spec.key}/gme/idle/${i}`, roomId })),
    ],
    recordingLanes: trtcLanes(seed, spec, 'rec', spec.recordingRooms),
    relayLanes: trtcLanes(seed, spec, 'relay', spec.relayRooms),
    cssStreams: cssStreams(seed, spec, cssDomain),
    readOnlySecretId: `AKID${opaqueId(32, 'alnum', seed, spec.key, 'readOnlySecretId')}`,
    readOnlySecretKey: opaqueId(32, 'alnum', seed, spec.key, 'readOnlySecretKey'),
    // One key per product console, as each product has its own callback settings.
    callbackKeys: {
      trtc: opaqueId(32, 'alnum', seed, spec.key, 'callbackKey', 'trtc'),
      gme: opaqueId(32, 'alnum', seed, spec.key, 'callbackKey', 'gme'),
      css: opaqueId(32, 'alnum', seed, spec.key, 'callbackKey', 'css'),
    },
    stops: new StopLedger(),
  };
}

function zegoApp(seed: number, spec: ZegoSpec, index: number): ZegoApp {
  const live = staggeredLanes(spec.live.length, livePhaseMs(seed, spec.key));
  const rooms: ZegoRoom[] = spec.live.map((roomId, i) => ({
    key: `${seed}:${spec.key}/live/${i}`,
    order: i,
    roomId,
    schedule: { kind: 'live', lane: live[i] },
  }));
  spec.history.forEach((roomId, i) => {
    const key = `${seed}:${spec.key}/history/${i}`;
    rooms.push({ key, order: rooms.length, roomId, schedule: { kind: 'history', lane: historyLane(seed, key, ZEGO_HISTORY_PERIODS_MS, i) } });
  });
  return {
    key: spec.key,
    label: spec.label,
    hostileStrings: spec.hostileStrings === true,
    // uint32, unique by construction.
    appId: 1_000_000_000 + index * 10_000_000 + (hash32(seed, spec.key, 'appId') % 10_000_000),
    serverSecret: opaqueId(32, 'hex', seed, spec.key, 'serverSecret'),
    callbackSecret: opaqueId(32, 'alnum', seed, spec.key, 'callbackSecret'),
    rooms,
    stops: new StopLedger(),
  };
}

const BULK_TENCENT: TencentSpec = {
  key: 'bulk',
  label: 'Bulk',
  region: 'ap-singapore',
  gmeLive: [],
  gmeIdle: [],
  recordingRooms: [],
  users: [],
  relayRooms: [],
  idPrefix: '',
  cssApp: 'bulk',
  cssLive: [],
  cssHistory: [],
};

export function buildWorld(seed: number): World {
  return {
    seed,
    tencent: TENCENT_SPECS.map((spec, i) => tencentApp(seed, spec, i)),
    zego: ZEGO_SPECS.map((spec, i) => zegoApp(seed, spec, i)),
    bulkTencent: tencentApp(seed, BULK_TENCENT, TENCENT_SPECS.length),
    bulkZego: zegoApp(seed, { key: 'zego-bulk', label: 'Bulk', live: [], history: [] }, ZEGO_SPECS.length),
  };
}

/** One SecretId's app, key and whether its CAM policy is the read-only one. */
export interface TencentKey {
  readonly app: TencentApp;
  readonly secretKey: string;
  /** Set for an STS key: the X-TC-Token it must come with. */
  readonly token?: string;
  readonly readOnly: boolean;
}

export function tencentKeyBySecretId(world: World, secretId: string): TencentKey | undefined {
  for (const app of [...world.tencent, world.bulkTencent]) {
    if (app.secretId === secretId) return { app, secretKey: app.secretKey, token: app.token, readOnly: false };
    if (app.readOnlySecretId === secretId) return { app, secretKey: app.readOnlySecretKey, readOnly: true };
  }
  return undefined;
}

export function zegoAppById(world: World, appId: number): ZegoApp | undefined {
  return [...world.zego, world.bulkZego].find((app) => app.appId === appId);
}
