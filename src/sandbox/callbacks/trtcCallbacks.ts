/**
 * TRTC cloud recording callbacks (EventGroupId 3, https://trtc.io/document/54914) of the demo recording
 * lanes: 301 when a recording starts running; 302 when the recorder has left the room, which is when
 * DescribeCloudRecording stops answering for it (LeaveCode 0 after DeleteCloudRecording, else 99 "no other
 * stream in the room" or 100 "timeout"); 311 when a mixed recording's file is committed to VOD, with the
 * FileId and URL that DescribeMediaInfos answers and the file name DescribeCloudRecording listed.
 */
import { LIVE_ENDING_MS, LIVE_PERIOD_MS, LIVE_RUNNING_MS, LIVE_STARTING_MS, slotsBetween, slotStart } from '../demo/schedule';
import { hash32 } from '../demo/hash';
import { RECORDING_EXIT_MS, storageFiles, trtcTaskId, type LaneTask } from '../demo/trtc';
import { VOD_COMMIT_MS, trtcVodFileId, vodMedia } from '../demo/vod';
import type { TencentApp, TrtcLane, World } from '../demo/world';
import { dueIn, type CallbackWindow, type TrtcDemoCallback } from './demoCallback';

const NATURAL_LEAVE_CODES = [99, 100] as const;

function recordingCallbacks(world: World, app: TencentApp, lane: TrtcLane, laneIndex: number, slot: number, knownAtMs: number): TrtcDemoCallback[] {
  const task: LaneTask = { lane, startMs: slotStart(lane, slot) };
  const taskId = trtcTaskId('recording', lane, slot);
  const runningFrom = task.startMs + LIVE_STARTING_MS;
  const naturalLeaveMs = runningFrom + LIVE_RUNNING_MS + LIVE_ENDING_MS;
  const stopMs = app.stops.stopTime(taskId, knownAtMs);
  const stopped = stopMs !== undefined && stopMs < naturalLeaveMs;
  const callback = (dueMs: number, eventType: number, payload: Record<string, unknown>): TrtcDemoCallback => ({
    kind: 'trtc',
    dueMs,
    taskId,
    key: app.callbackKeys.trtc,
    sdkAppId: app.trtcSdkAppId,
    body: {
      EventGroupId: 3,
      EventType: eventType,
      CallbackTs: dueMs,
      EventInfo: { RoomId: lane.roomId, EventTs: Math.floor(dueMs / 1000), EventMsTs: dueMs, TaskId: taskId, Payload: payload },
    },
  });

  const out: TrtcDemoCallback[] = [];
  // A recording stopped while still starting never ran.
  if (!stopped || stopMs >= runningFrom) out.push(callback(runningFrom, 301, { Status: 0 }));
  const leaveCode = stopped ? 0 : NATURAL_LEAVE_CODES[hash32(lane.key, slot, 'leave') % NATURAL_LEAVE_CODES.length]!;
  out.push(callback(stopped ? stopMs + RECORDING_EXIT_MS : naturalLeaveMs, 302, { LeaveCode: leaveCode }));

  const fileId = trtcVodFileId(world, app, laneIndex, slot);
  const recordedUntil = stopped ? stopMs : runningFrom + LIVE_RUNNING_MS;
  const [file] = storageFiles(app, task, recordedUntil);
  // The demo's VOD commits a mixed recording's file a fixed time after its cycle, stopped or not.
  const committedMs = naturalLeaveMs + VOD_COMMIT_MS;
  const media = fileId === undefined || !file ? undefined : vodMedia(world, app, fileId, committedMs);
  if (media && file) {
    out.push(
      callback(committedMs, 311, {
        Status: 0,
        TencentVod: {
          UserId: file.UserId,
          TrackType: file.TrackType,
          MediaId: 'main',
          FileId: media.FileId,
          VideoUrl: media.BasicInfo.MediaUrl,
          CacheFile: file.FileName,
          StartTimeStamp: file.BeginTimeStamp,
          EndTimeStamp: recordedUntil,
        },
      }),
    );
  }
  return out;
}

export function trtcCallbacks(world: World, app: TencentApp, window: CallbackWindow): TrtcDemoCallback[] {
  const out: TrtcDemoCallback[] = [];
  app.recordingLanes.forEach((lane, laneIndex) => {
    // A cycle's last callback (311) comes 9 minutes after it began, within one period.
    for (const slot of slotsBetween(lane, window.fromMs - LIVE_PERIOD_MS, window.toMs)) {
      out.push(...recordingCallbacks(world, app, lane, laneIndex, slot, window.toMs).filter((c) => dueIn(window, c.dueMs)));
    }
  });
  return out;
}
