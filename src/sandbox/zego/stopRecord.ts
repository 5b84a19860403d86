/**
 * ZEGO StopRecord: body `{TaskId}` (the 16-character id). A task that is initializing, recording or
 * paused ends: DescribeTasks lists it with Status 3 from then on. A task that already ended (a stop,
 * MaxIdleTime, MaxRecordTime) answers 300001001, an id ZEGO does not know 300001000.
 */
import { parseJsonObject } from '../body';
import { findZegoTask, zegoTaskStatus } from '../demo/zego';
import type { ZegoApp } from '../demo/world';
import { ZEGO_INVALID_PARAMETER, ZegoApiError } from './errors';

export const ZEGO_TASK_NOT_FOUND = 300001000;
export const ZEGO_TASK_STOPPED = 300001001;

export function stopRecord(app: ZegoApp, rawBody: Buffer, nowMs: number): Record<string, unknown> {
  const body = parseJsonObject(rawBody);
  if (!body) throw new ZegoApiError(ZEGO_INVALID_PARAMETER, 'invalid parameter: the body must be a JSON object');
  const taskId = body.TaskId;
  if (typeof taskId !== 'string' || taskId === '') throw new ZegoApiError(ZEGO_INVALID_PARAMETER, 'invalid parameter: TaskId is required');
  const ref = findZegoTask(app, taskId, nowMs);
  if (!ref) throw new ZegoApiError(ZEGO_TASK_NOT_FOUND, 'task not exist');
  const status = zegoTaskStatus(ref, nowMs, app.stops);
  if (status === 3 || status === 4) throw new ZegoApiError(ZEGO_TASK_STOPPED, 'task has stopped');
  app.stops.record(taskId, nowMs);
  return {};
}
