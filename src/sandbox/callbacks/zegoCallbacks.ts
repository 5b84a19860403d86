/**
 * ZEGO cloud recording status callbacks (https://www.zegocloud.com/docs/cloud-recording-server/recording-status-callback)
 * of the demo rooms' tasks, numbered by `sequence` from 0 per task: 201/202 around a live task's pause,
 * then 5 when it completes (or just after StopRecord) or 2 with `quit_reason` when it ends abnormally
 * (DescribeTasks status 4), then 1 once its files are uploaded, with the files DescribeRecordStatus reports.
 */
import { UPLOAD_MS, zegoTaskFiles, type ZegoFileRecord } from '../demo/files';
import { hash32 } from '../demo/hash';
import { occurrencesBeginningIn } from '../demo/occurrences';
import { zegoEndsAbnormally, zegoPause, zegoTaskId, type ZegoTaskRef } from '../demo/zego';
import type { ZegoApp, ZegoRoom } from '../demo/world';
import { STOP_CALLBACK_DELAY_MS, dueIn, type BodySignedDemoCallback, type CallbackWindow } from './demoCallback';

/** 3: no stream for longer than MaxIdleTime; 6: network error. */
const QUIT_REASONS = [3, 6] as const;

interface ZegoEvent {
  readonly dueMs: number;
  readonly eventType: number;
  readonly message: string;
  readonly detail?: Record<string, unknown>;
}

function fileInfo(file: ZegoFileRecord): Record<string, unknown> {
  return {
    user_id: file.UserId,
    user_name: file.UserName,
    stream_id: file.StreamId,
    file_id: file.FileId,
    ...(file.FileUrl === undefined ? {} : { file_url: file.FileUrl }),
    output_file_format: file.OutputFileFormat,
    file_size: file.FileSize,
    duration: file.Duration,
    media_track_type: file.MediaTrackType,
    begin_timestamp: file.BeginTimestamp,
    status: file.Status,
  };
}

/** The task's whole story in time order, so `sequence` is the same whichever window asks. */
function taskEvents(app: ZegoApp, ref: ZegoTaskRef, taskId: string, knownAtMs: number): ZegoEvent[] {
  const stopMs = app.stops.stopTime(taskId, knownAtMs);
  const stopped = stopMs !== undefined && stopMs < ref.occurrence.endMs;
  // Where DescribeRecordStatus ends the files.
  const endMs = stopped ? stopMs : ref.occurrence.endMs;
  const events: ZegoEvent[] = [];
  const pause = zegoPause(ref);
  if (pause && pause.fromMs < endMs) events.push({ dueMs: pause.fromMs, eventType: 201, message: 'recording paused' });
  if (pause && pause.toMs < endMs) events.push({ dueMs: pause.toMs, eventType: 202, message: 'recording resumed' });
  if (stopped) events.push({ dueMs: endMs + STOP_CALLBACK_DELAY_MS, eventType: 5, message: 'recording completed' });
  else if (zegoEndsAbnormally(ref)) {
    const quitReason = QUIT_REASONS[hash32(ref.room.key, ref.occurrence.slot, 'quit') % QUIT_REASONS.length];
    events.push({ dueMs: endMs, eventType: 2, message: 'recording ended abnormally', detail: { quit_reason: quitReason } });
  } else events.push({ dueMs: endMs, eventType: 5, message: 'recording completed' });
  const uploadedMs = endMs + UPLOAD_MS;
  const files = zegoTaskFiles(app.appId, taskId, ref, endMs, uploadedMs);
  if (files.length > 0) {
    // 1: every file uploaded; 2: some are on ZEGO's backup storage or lost.
    const uploadStatus = files.every((f) => f.Status === 3) ? 1 : 2;
    events.push({ dueMs: uploadedMs, eventType: 1, message: 'files uploaded', detail: { upload_status: uploadStatus, file_info: files.map(fileInfo) } });
  }
  return events;
}

function roomCallbacks(app: ZegoApp, room: ZegoRoom, window: CallbackWindow): BodySignedDemoCallback[] {
  if (room.schedule.kind === 'bulk') return [];
  // A task lasts less than its lane's period; its files are uploaded UPLOAD_MS after it ends.
  const lookbackMs = room.schedule.lane.periodMs + UPLOAD_MS;
  const out: BodySignedDemoCallback[] = [];
  for (const occurrence of occurrencesBeginningIn(room.schedule, room.key, window.fromMs - lookbackMs, window.toMs, window.toMs, 0)) {
    const ref = { room, occurrence };
    const taskId = zegoTaskId(ref);
    taskEvents(app, ref, taskId, window.toMs).forEach((event, sequence) => {
      if (!dueIn(window, event.dueMs)) return;
      out.push({
        kind: 'zego',
        dueMs: event.dueMs,
        taskId,
        key: app.callbackSecret,
        body: {
          app_id: app.appId,
          task_id: taskId,
          room_id: room.roomId,
          event_type: event.eventType,
          message: event.message,
          sequence,
          detail: event.detail ?? {},
        },
      });
    });
  }
  return out;
}

export function zegoCallbacks(app: ZegoApp, window: CallbackWindow): BodySignedDemoCallback[] {
  return app.rooms.flatMap((room) => roomCallbacks(app, room, window));
}
