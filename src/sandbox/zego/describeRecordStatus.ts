/**
 * ZEGO DescribeRecordStatus: one task (16-character TaskId) that began within the last 3 days, with
 * its files; anything else is 300001000 "task does not exist". `RecordEndTimestamp` is 0 until the
 * task ends; `RecordFiles` is absent while no one has published.
 */
import { parseJsonObject } from '../body';
import { zegoTaskFiles } from '../demo/files';
import { findZegoTask, zegoTaskRecord } from '../demo/zego';
import type { ZegoApp } from '../demo/world';
import { ZEGO_INVALID_PARAMETER, ZegoApiError } from './errors';
import { ZEGO_TASK_NOT_FOUND } from './stopRecord';

export function describeRecordStatus(app: ZegoApp, rawBody: Buffer, nowMs: number): Record<string, unknown> {
  const body = parseJsonObject(rawBody);
  if (!body) throw new ZegoApiError(ZEGO_INVALID_PARAMETER, 'invalid parameter: the body must be a JSON object');
  const taskId = body.TaskId;
  if (typeof taskId !== 'string' || taskId === '') throw new ZegoApiError(ZEGO_INVALID_PARAMETER, 'invalid parameter: TaskId is required');
  const ref = findZegoTask(app, taskId, nowMs);
  if (!ref) throw new ZegoApiError(ZEGO_TASK_NOT_FOUND, 'task does not exist');
  const record = zegoTaskRecord(ref, nowMs, app.stops);
  // A task ended by StopRecord ends its files then too.
  const endMs = Math.min(ref.occurrence.endMs, app.stops.stopTime(taskId, nowMs) ?? Infinity);
  const files = zegoTaskFiles(app.appId, taskId, ref, endMs, nowMs);
  const ended = record.Status === 3 || record.Status === 4;
  return {
    RoomId: record.RoomId,
    RecordMode: files.length === 1 && files[0]!.UserId === '' ? 2 : 1,
    StreamType: 3,
    RecordBeginTimestamp: record.RecordBeginTimestamp,
    RecordEndTimestamp: ended ? endMs : 0,
    Status: record.Status,
    ...(files.length > 0 ? { RecordFiles: files } : {}),
  };
}
