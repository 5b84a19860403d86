/**
 * Callback bodies → `CallbackEvent`s, one reader per vendor, every field checked (a body that is not
 * the documented shape is refused, never half-read). Times leave in Unix epoch ms.
 * - TRTC cloud recording, EventGroupId 3 (https://trtc.io/document/54914): 301 start, 302 exit
 *   (LeaveCode), 303 upload start, 305 upload stop (Status 0 all uploaded, 1 some on backup, 2 restored),
 *   306 failover, 307 first slice, 309 image error, 310 MP4 done (FileMessage), 311 VOD commit
 *   (Payload.TencentVod), 312 VOD stop.
 * - ZEGO (https://www.zegocloud.com/docs/cloud-recording-server/recording-status-callback): event_type
 *   1 upload done (file_info), 2 abnormal end (quit_reason), 3 image failed, 4 no stream, 5 normal exit,
 *   6 stream missing, 7 stopped and uploading, 102 m3u8, 201/202 pause/resume; `sequence` orders them.
 * - GME (https://www.tencentcloud.com/document/product/607/53749): EventType 1 started, 2 finished,
 *   3 uploaded; TaskID a JSON integer above 2^53, kept digit-exact.
 * - CSS (https://www.tencentcloud.com/document/product/267/38082): event_type 100, a recording file
 *   (`file_id` in VOD); only tasks made by CreateRecordTask carry `task_id`.
 */
import type { CallbackEvent } from '../../model/callback';
import type { StorageFile, TaskStatus } from '../../model/task';
import { ShapeError, epoch, idString, isObject, number, object, optionalArray, optionalString, string, type RawObject } from '../shared/fields';
import { zegoFileState } from '../zego/recordStatus';

const SEC = 1000;

/** A number the vendor may send as a string ("EventTs" is documented as a number, shown as a string). */
function numeric(value: unknown, path: string): number {
  if (typeof value === 'string' && /^-?\d{1,16}$/.test(value)) return Number(value);
  return number(value, path);
}

function optionalNumeric(value: unknown, path: string): number | undefined {
  return value === undefined || value === null || value === '' ? undefined : numeric(value, path);
}

function msTime(value: unknown, path: string): number | undefined {
  const n = optionalNumeric(value, path);
  return n === undefined ? undefined : epoch(n, path, 1);
}

// ---------------------------------------------------------------- TRTC

const TRTC_TRACKS = new Set(['audio', 'video', 'audio_video']);

function trtcTrack(value: unknown, path: string): string {
  const track = optionalString(value, path) ?? '';
  return TRTC_TRACKS.has(track) ? track : '';
}

function trtcStatus(eventType: number, payload: RawObject): { status?: TaskStatus; rawStatus?: string } {
  switch (eventType) {
    case 301: {
      const s = optionalNumeric(payload.Status, 'EventInfo.Payload.Status');
      return s === 1 ? { status: 'failed', rawStatus: '301:1' } : { status: 'running', rawStatus: '301' };
    }
    case 302:
      return { status: 'ended', rawStatus: '302' };
    default:
      return {};
  }
}

function trtcFiles(eventType: number, payload: RawObject): StorageFile[] {
  const reportedBy = `TRTC callback ${eventType}`;
  if (eventType === 310) {
    return optionalArray(payload.FileMessage, 'EventInfo.Payload.FileMessage').map((raw, i) => {
      const path = `EventInfo.Payload.FileMessage[${i}]`;
      const f = object(raw, path);
      const begin = msTime(f.StartTimeStamp, `${path}.StartTimeStamp`);
      const end = msTime(f.EndTimeStamp, `${path}.EndTimeStamp`);
      return {
        userId: optionalString(f.UserId, `${path}.UserId`) ?? '',
        fileName: string(f.FileName, `${path}.FileName`),
        trackType: trtcTrack(f.TrackType, `${path}.TrackType`),
        ...(begin !== undefined ? { beginTimeMs: begin } : {}),
        ...(end !== undefined ? { endTimeMs: end } : {}),
        ...(begin !== undefined && end !== undefined && end >= begin ? { durationMs: end - begin } : {}),
        state: 'uploaded' as const,
        reportedBy,
      };
    });
  }
  if (eventType === 311) {
    const vod = object(payload.TencentVod, 'EventInfo.Payload.TencentVod');
    const status = optionalNumeric(payload.Status, 'EventInfo.Payload.Status') ?? 0;
    const fileId = idString(vod.FileId, 'EventInfo.Payload.TencentVod.FileId');
    const begin = msTime(vod.StartTimeStamp, 'EventInfo.Payload.TencentVod.StartTimeStamp');
    const end = msTime(vod.EndTimeStamp, 'EventInfo.Payload.TencentVod.EndTimeStamp');
    const url = optionalString(vod.VideoUrl, 'EventInfo.Payload.TencentVod.VideoUrl');
    return [
      {
        userId: optionalString(vod.UserId, 'EventInfo.Payload.TencentVod.UserId') ?? '',
        fileName: optionalString(vod.CacheFile, 'EventInfo.Payload.TencentVod.CacheFile') || `VOD ${fileId}`,
        trackType: trtcTrack(vod.TrackType, 'EventInfo.Payload.TencentVod.TrackType'),
        ...(begin !== undefined ? { beginTimeMs: begin } : {}),
        ...(end !== undefined ? { endTimeMs: end } : {}),
        ...(begin !== undefined && end !== undefined && end >= begin ? { durationMs: end - begin } : {}),
        vodFileId: fileId,
        ...(url ? { url } : {}),
        // 0 committed, 1 failed; 2 (committed from the backup) is committed too.
        state: status === 1 ? ('failed' as const) : ('uploaded' as const),
        rawState: `311:${status}`,
        reportedBy,
      },
    ];
  }
  return [];
}

export function readTrtcCallback(body: RawObject, sdkAppIdHeader: string | undefined): CallbackEvent {
  const group = numeric(body.EventGroupId, 'EventGroupId');
  if (group !== 3 && group !== 8) throw new ShapeError('EventGroupId', 'the cloud recording event group (3, or 8 for web-page recording)');
  const eventType = numeric(body.EventType, 'EventType');
  const info = object(body.EventInfo, 'EventInfo');
  const payload = isObject(info.Payload) ? info.Payload : {};
  // EventMsTs (ms) is the precise one; EventTs (s) is "not recommended"; CallbackTs (ms) is when it was sent.
  const eventTs = optionalNumeric(info.EventTs, 'EventInfo.EventTs');
  const atMs =
    msTime(info.EventMsTs, 'EventInfo.EventMsTs') ??
    (eventTs !== undefined ? epoch(eventTs * SEC, 'EventInfo.EventTs', 1) : undefined) ??
    msTime(body.CallbackTs, 'CallbackTs') ??
    0;
  const facts: Record<string, string | number> = {};
  const leave = optionalNumeric(payload.LeaveCode, 'EventInfo.Payload.LeaveCode');
  if (leave !== undefined) facts.LeaveCode = leave;
  if (eventType === 305 || eventType === 301 || eventType === 311) {
    const s = optionalNumeric(payload.Status, 'EventInfo.Payload.Status');
    if (s !== undefined) facts.Status = s;
  }
  const errmsg = optionalString(payload.Errmsg, 'EventInfo.Payload.Errmsg');
  if (errmsg) facts.Errmsg = errmsg;
  const { status, rawStatus } = trtcStatus(eventType, payload);
  const sdkAppId = sdkAppIdHeader ?? (body.SdkAppId === undefined ? '' : idString(body.SdkAppId, 'SdkAppId'));
  return {
    vendor: 'tencent',
    product: 'trtc-recording',
    appId: sdkAppId,
    taskId: string(info.TaskId, 'EventInfo.TaskId'),
    room: info.RoomId === undefined || info.RoomId === null ? '' : idString(info.RoomId, 'EventInfo.RoomId'),
    eventType: String(eventType),
    at: atMs,
    ...(status ? { status, rawStatus } : {}),
    ...(eventType === 302 ? { endedAt: atMs } : {}),
    ...(eventType === 301 && status === 'running' ? { startedAt: atMs } : {}),
    files: trtcFiles(eventType, payload),
    facts,
  };
}

// ---------------------------------------------------------------- ZEGO

const ZEGO_TRACKS: Readonly<Record<number, string>> = { 1: 'audio', 2: 'video', 3: 'audio_video' };

function zegoStatusOf(eventType: number): { status?: TaskStatus; rawStatus?: string } {
  switch (eventType) {
    case 2:
      return { status: 'failed', rawStatus: 'event 2' };
    case 5:
    case 7:
      return { status: 'ended', rawStatus: `event ${eventType}` };
    case 201:
      return { status: 'paused', rawStatus: 'event 201' };
    case 202:
      return { status: 'running', rawStatus: 'event 202' };
    default:
      return {};
  }
}

function zegoFiles(detail: RawObject): StorageFile[] {
  return optionalArray(detail.file_info, 'detail.file_info').map((raw, i) => {
    const path = `detail.file_info[${i}]`;
    const f = object(raw, path);
    const begin = msTime(f.begin_timestamp, `${path}.begin_timestamp`);
    const duration = optionalNumeric(f.duration, `${path}.duration`);
    const status = optionalNumeric(f.status, `${path}.status`);
    const track = optionalNumeric(f.media_track_type, `${path}.media_track_type`);
    const url = optionalString(f.file_url, `${path}.file_url`);
    const videoId = f.video_id === undefined || f.video_id === null || f.video_id === '' ? undefined : idString(f.video_id, `${path}.video_id`);
    const size = optionalNumeric(f.file_size, `${path}.file_size`);
    return {
      userId: f.user_id === undefined || f.user_id === null ? '' : idString(f.user_id, `${path}.user_id`),
      fileName: idString(f.file_id, `${path}.file_id`),
      trackType: track === undefined ? '' : (ZEGO_TRACKS[track] ?? String(track)),
      ...(begin !== undefined ? { beginTimeMs: begin } : {}),
      ...(duration !== undefined && duration >= 0 ? { durationMs: duration } : {}),
      ...(begin !== undefined && duration !== undefined && duration >= 0 ? { endTimeMs: epoch(begin + duration, `${path}.duration`, 1) } : {}),
      ...(size !== undefined && size >= 0 ? { sizeBytes: size } : {}),
      ...(status !== undefined && zegoFileState(status) ? { state: zegoFileState(status), rawState: String(status) } : {}),
      ...(url ? { url } : {}),
      ...(videoId ? { vodFileId: videoId } : {}),
      reportedBy: 'ZEGO callback 1',
    };
  });
}

export function readZegoCallback(body: RawObject): CallbackEvent {
  const eventType = numeric(body.event_type, 'event_type');
  const detail = isObject(body.detail) ? body.detail : {};
  const timestamp = numeric(body.timestamp, 'timestamp');
  const facts: Record<string, string | number> = {};
  const quit = optionalNumeric(detail.quit_reason, 'detail.quit_reason');
  if (quit !== undefined) facts.quit_reason = quit;
  const upload = optionalNumeric(detail.upload_status, 'detail.upload_status');
  if (upload !== undefined) facts.upload_status = upload;
  const message = optionalString(body.message, 'message');
  if (message) facts.message = message.slice(0, 500);
  const sequence = optionalNumeric(body.sequence, 'sequence');
  const { status, rawStatus } = zegoStatusOf(eventType);
  const at = epoch(timestamp * SEC, 'timestamp', 1);
  return {
    vendor: 'zego',
    product: 'zego-recording',
    appId: idString(body.app_id, 'app_id'),
    taskId: string(body.task_id, 'task_id'),
    room: body.room_id === undefined || body.room_id === null ? '' : idString(body.room_id, 'room_id'),
    eventType: String(eventType),
    at,
    ...(sequence !== undefined ? { sequence } : {}),
    ...(status ? { status, rawStatus } : {}),
    ...(status === 'ended' || status === 'failed' ? { endedAt: at } : {}),
    files: eventType === 1 ? zegoFiles(detail) : [],
    facts,
  };
}

// ---------------------------------------------------------------- GME

export function readGmeCallback(body: RawObject): CallbackEvent {
  const eventType = numeric(body.EventType, 'EventType');
  const detail = isObject(body.Detail) ? body.Detail : {};
  const at = epoch(numeric(body.Timestamp, 'Timestamp') * SEC, 'Timestamp', 1);
  const fileName = optionalString(detail.FileName, 'Detail.FileName');
  const userId = body.UserID === undefined || body.UserID === null ? '' : idString(body.UserID, 'UserID');
  const status: TaskStatus | undefined = eventType === 1 ? 'running' : eventType === 2 ? 'ended' : undefined;
  const seq = optionalNumeric(detail.SeqNo, 'Detail.SeqNo');
  return {
    vendor: 'tencent',
    product: 'gme',
    appId: idString(body.BizID, 'BizID'),
    taskId: idString(body.TaskID, 'TaskID'),
    room: idString(body.RoomID, 'RoomID'),
    eventType: String(eventType),
    at,
    ...(status ? { status, rawStatus: `event ${eventType}` } : {}),
    ...(eventType === 2 ? { endedAt: at } : {}),
    files: fileName
      ? [
          {
            userId: userId === '0' ? '' : userId,
            fileName,
            trackType: 'audio',
            state: eventType === 3 ? 'uploaded' : eventType === 2 ? 'processing' : 'recording',
            rawState: `event ${eventType}`,
            reportedBy: `GME callback ${eventType}`,
          },
        ]
      : [],
    facts: seq !== undefined ? { SeqNo: seq } : {},
  };
}

// ---------------------------------------------------------------- CSS

export function readCssCallback(body: RawObject): CallbackEvent {
  const eventType = numeric(body.event_type, 'event_type');
  if (eventType !== 100) throw new ShapeError('event_type', 'a recording event (100)');
  const taskId = optionalString(body.task_id, 'task_id');
  if (!taskId) throw new ShapeError('task_id', 'the task id (only tasks made by CreateRecordTask carry one)');
  const start = optionalNumeric(body.start_time, 'start_time');
  const end = optionalNumeric(body.end_time, 'end_time');
  const size = optionalNumeric(body.file_size, 'file_size');
  const duration = optionalNumeric(body.duration, 'duration');
  const fileId = body.file_id === undefined || body.file_id === null ? undefined : idString(body.file_id, 'file_id');
  const url = optionalString(body.video_url, 'video_url');
  const format = optionalString(body.file_format, 'file_format');
  const beginMs = start === undefined ? undefined : epoch(start * SEC, 'start_time', 1);
  const endMs = end === undefined ? undefined : epoch(end * SEC, 'end_time', 1);
  const at = endMs ?? epoch(numeric(body.t, 't') * SEC, 't', 1);
  return {
    vendor: 'tencent',
    product: 'css',
    appId: optionalString(body.app, 'app') ?? '',
    taskId,
    room: optionalString(body.stream_id, 'stream_id') ?? '',
    eventType: '100',
    at,
    files: [
      {
        userId: '',
        fileName: fileId ? `VOD ${fileId}` : (optionalString(body.record_file_id, 'record_file_id') ?? `recording ${at}`),
        trackType: '',
        ...(beginMs !== undefined ? { beginTimeMs: beginMs } : {}),
        ...(endMs !== undefined ? { endTimeMs: endMs } : {}),
        ...(duration !== undefined && duration >= 0 ? { durationMs: duration * SEC } : {}),
        ...(size !== undefined && size >= 0 ? { sizeBytes: size } : {}),
        ...(fileId ? { vodFileId: fileId } : {}),
        ...(url ? { url } : {}),
        ...(format ? { format } : {}),
        state: 'uploaded',
        reportedBy: 'CSS callback 100',
      },
    ],
    facts: {},
  };
}
