/**
 * GME recording callbacks (https://www.tencentcloud.com/document/product/607/53749), one per recorded
 * file of the demo rooms' tasks: EventType 1 when recording starts, 2 when it finishes (the task's end,
 * or just after StopRecord), 3 when the file is uploaded, the moment DescribeRecordInfo shows it as
 * 14 "user notified". RecordMode is the callback's own: 0 single stream, 1 mixed (the UserId "0" file).
 */
import { GME_NOTIFIED_AFTER_MS, gmeTaskFiles } from '../demo/files';
import { gmeTaskInSlot, recordsTasks, type RecordingGmeRoom } from '../demo/gme';
import { LIVE_PERIOD_MS, LIVE_RUNNING_MS, LIVE_STARTING_MS, slotsBetween } from '../demo/schedule';
import type { TencentApp } from '../demo/world';
import { STOP_CALLBACK_DELAY_MS, dueIn, type BodySignedDemoCallback, type CallbackWindow } from './demoCallback';

const MIXED_USER_ID = '0';

function taskCallbacks(app: TencentApp, room: RecordingGmeRoom, slot: number, knownAtMs: number): BodySignedDemoCallback[] {
  const task = gmeTaskInSlot(app, room, slot, knownAtMs);
  const runningFrom = task.startMs + LIVE_STARTING_MS;
  const naturalEndMs = runningFrom + LIVE_RUNNING_MS;
  const stopMs = task.stoppedMs;
  const stopped = stopMs !== undefined && stopMs < naturalEndMs;
  // Where DescribeRecordInfo ends the files.
  const endMs = stopped ? stopMs : naturalEndMs;
  const finishedMs = stopped ? endMs + STOP_CALLBACK_DELAY_MS : endMs;
  const taskId = task.taskId.toString();
  return gmeTaskFiles(app.gmeBizId, task, endMs, endMs).flatMap((file) =>
    (
      [
        [1, runningFrom],
        [2, finishedMs],
        [3, endMs + GME_NOTIFIED_AFTER_MS],
      ] as const
    ).map(([eventType, dueMs]) => ({
      kind: 'gme' as const,
      dueMs,
      taskId,
      key: app.callbackKeys.gme,
      body: {
        BizID: app.gmeBizId,
        RoomID: room.roomId,
        UserID: file.UserId,
        TaskID: task.taskId,
        RecordMode: file.UserId === MIXED_USER_ID ? 1 : 0,
        Timestamp: Math.floor(dueMs / 1000),
        EventType: eventType,
        // One segment per file.
        Detail: { SeqNo: 0, FileName: file.FileName },
      },
    })),
  );
}

export function gmeCallbacks(app: TencentApp, window: CallbackWindow): BodySignedDemoCallback[] {
  const out: BodySignedDemoCallback[] = [];
  for (const room of app.gmeRooms.filter(recordsTasks)) {
    // A cycle's last callback (3) comes 8 minutes after it began, within one period.
    for (const slot of slotsBetween(room.lane, window.fromMs - LIVE_PERIOD_MS, window.toMs)) {
      out.push(...taskCallbacks(app, room, slot, window.toMs).filter((c) => dueIn(window, c.dueMs)));
    }
  }
  return out;
}
