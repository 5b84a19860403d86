/**
 * The demo apps' Tencent VOD: the media of TRTC's mixed recordings (committed to VOD, callback 311)
 * and of CSS record tasks (CSS records into VOD, callback `file_id`). A FileId is 19 digits like VOD's
 * own (`5285485487985271487`) and names its task: `52`, kind, app, lane, slot (10 digits), check (3),
 * so DescribeMediaInfos answers from it alone and a made-up id is not found.
 */
import { hash32, opaqueId } from './hash';
import { occurrenceAt } from './occurrences';
import { LIVE_ENDING_MS, LIVE_RUNNING_MS, LIVE_STARTING_MS, slotStart } from './schedule';
import type { TencentApp, World } from './world';

/** A task's file is in VOD this long after the task ended (the upload, then the commit). */
export const VOD_COMMIT_MS = 60_000;

const KIND_TRTC = 1;
const KIND_CSS = 2;

export interface VodMediaRecord {
  readonly FileId: string;
  readonly BasicInfo: {
    readonly Name: string;
    readonly Type: string;
    readonly MediaUrl: string;
    readonly CreateTime: string;
    readonly ExpireTime: string;
    readonly StorageRegion: string;
  };
  readonly MetaData: {
    readonly Size: number;
    readonly Container: string;
    /** Seconds (a float), as VOD reports it. */
    readonly Duration: number;
  };
}

/**
 * The app's VOD SubAppId, and whether VOD insists on it: the Singapore app stands for an account
 * opened after 2023-12-25 (SubAppId required), the Guangzhou app for an older one (none).
 */
export function vodSubApp(app: TencentApp): { readonly subAppId?: number; readonly required: boolean } {
  if (app.key === 'gz') return { required: false };
  return { subAppId: 1_500_000_000 + (hash32(app.key, 'vod') % 1_000_000), required: app.key === 'sg' };
}

function check(world: World, kind: number, app: number, lane: number, slot: number): string {
  return String(hash32(world.seed, kind, app, lane, slot, 'vod') % 1000).padStart(3, '0');
}

function fileId(world: World, kind: number, app: number, lane: number, slot: number): string {
  return `52${kind}${app}${String(lane).padStart(2, '0')}${String(slot).padStart(10, '0')}${check(world, kind, app, lane, slot)}`;
}

/** The VOD FileId of a TRTC recording task, when its lane records to VOD (the mixed recording). */
export function trtcVodFileId(world: World, app: TencentApp, laneIndex: number, slot: number): string | undefined {
  const appIndex = world.tencent.indexOf(app);
  return appIndex >= 0 && app.recordingLanes[laneIndex]?.mixed ? fileId(world, KIND_TRTC, appIndex, laneIndex, slot) : undefined;
}

/** The VOD FileId of a CSS record task. */
export function cssVodFileId(world: World, app: TencentApp, streamIndex: number, slot: number): string | undefined {
  const appIndex = world.tencent.indexOf(app);
  return appIndex >= 0 && streamIndex < 100 && slot >= 0 ? fileId(world, KIND_CSS, appIndex, streamIndex, slot) : undefined;
}

interface Span {
  readonly name: string;
  readonly beginMs: number;
  readonly endMs: number;
  readonly key: string;
}

function spanOf(world: World, id: string): { readonly app: TencentApp; readonly span: Span } | undefined {
  const m = /^52([12])(\d)(\d{2})(\d{10})(\d{3})$/.exec(id);
  if (!m) return undefined;
  const [kind, appIndex, lane, slot] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (check(world, kind, appIndex, lane, slot) !== m[5]) return undefined;
  const app = world.tencent[appIndex];
  if (!app) return undefined;
  if (kind === KIND_TRTC) {
    const recording = app.recordingLanes[lane];
    if (!recording?.mixed) return undefined;
    const beginMs = slotStart(recording, slot) + LIVE_STARTING_MS;
    return {
      app,
      span: { name: `${app.trtcSdkAppId}_${recording.roomId}_mix`, beginMs, endMs: beginMs + LIVE_RUNNING_MS + LIVE_ENDING_MS, key: recording.key },
    };
  }
  const stream = app.cssStreams[lane];
  if (!stream || stream.schedule.kind === 'bulk') return undefined;
  const occurrence = occurrenceAt(stream.schedule, stream.key, slot, LIVE_STARTING_MS);
  return { app, span: { name: `${stream.streamName}_${occurrence.beginMs}`, beginMs: occurrence.beginMs, endMs: occurrence.endMs, key: stream.key } };
}

/** What VOD holds under `id` for `app` at `nowMs`; undefined when it holds nothing (yet). */
export function vodMedia(world: World, app: TencentApp, id: string, nowMs: number): VodMediaRecord | undefined {
  const found = spanOf(world, id);
  if (!found || found.app !== app || nowMs < found.span.endMs + VOD_COMMIT_MS) return undefined;
  const { span } = found;
  const sub = vodSubApp(app).subAppId ?? 1_400_000_000 + (hash32(app.key, 'vod-app') % 1_000_000);
  const path = `${opaqueId(8, 'hex', span.key, id, 'a')}/${opaqueId(8, 'hex', span.key, id, 'b')}/f0.mp4`;
  // Key hotlink protection: t is the expiry (hex seconds), sign an MD5 over key, path and t.
  const expirySec = Math.floor((nowMs + 3_600_000) / 1000);
  const url = `https://${sub}.vod2.myqcloud.com/${path}?t=${expirySec.toString(16)}&sign=${opaqueId(32, 'hex', span.key, id, expirySec)}`;
  const durationMs = span.endMs - span.beginMs;
  return {
    FileId: id,
    BasicInfo: {
      Name: span.name,
      Type: 'mp4',
      MediaUrl: url,
      CreateTime: new Date(span.endMs + VOD_COMMIT_MS).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ExpireTime: '9999-12-31T23:59:59Z',
      StorageRegion: app.region,
    },
    MetaData: { Size: durationMs * 150, Container: 'mov,mp4,m4a,3gp,3g2,mj2', Duration: durationMs / 1000 },
  };
}
