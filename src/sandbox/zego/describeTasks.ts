/**
 * ZEGO DescribeTasks: tasks of an AppId whose recording began within [StartTime, EndTime] (ms), at most
 * 3 days wide and no older than 3 days. Status 2 lists ongoing tasks (statuses 1, 2 and 5: initializing,
 * recording, paused), Status 3 ended ones (3, and 4 ended abnormally). Pages from 1, 1..50 per page.
 * The array is `Data.TaskList` as the parameter table says; the doc's sample spells it `TaskidList`,
 * which clients should also accept.
 */
import { parseJsonObject } from '../body';
import { zegoTaskRecord, zegoTaskStatus, zegoTasksInWindow } from '../demo/zego';
import type { ZegoApp } from '../demo/world';
import { ZEGO_INVALID_PARAMETER, ZegoApiError } from './errors';

const THREE_DAYS_MS = 3 * 86_400_000;
export const ZEGO_MAX_PAGE_SIZE = 50;

function invalid(message: string): ZegoApiError {
  return new ZegoApiError(ZEGO_INVALID_PARAMETER, `invalid parameter: ${message}`);
}

function intField(body: Record<string, unknown>, name: string, required: boolean): number | undefined {
  const v = body[name];
  if (v === undefined || v === null) {
    if (required) throw invalid(`${name} is required`);
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw invalid(`${name} must be an integer`);
  return v;
}

export function describeTasks(app: ZegoApp, rawBody: Buffer, nowMs: number): Record<string, unknown> {
  const body = parseJsonObject(rawBody);
  if (!body) throw invalid('the body must be a JSON object');
  const status = intField(body, 'Status', true);
  if (status !== 2 && status !== 3) throw invalid('Status must be 2 (ongoing) or 3 (ended)');
  const start = intField(body, 'StartTime', true) as number;
  const end = intField(body, 'EndTime', true) as number;
  if (start < nowMs - THREE_DAYS_MS) throw invalid('StartTime must not be earlier than 3 days ago');
  if (end <= start) throw invalid('EndTime must be later than StartTime');
  if (end - start > THREE_DAYS_MS) throw invalid('the time range must not exceed 3 days');
  const pageSize = intField(body, 'PageSize', false) || ZEGO_MAX_PAGE_SIZE;
  if (pageSize < 1 || pageSize > ZEGO_MAX_PAGE_SIZE) throw invalid(`PageSize must be from 1 to ${ZEGO_MAX_PAGE_SIZE}`);
  const pageOffset = intField(body, 'PageOffset', false) || 1;
  if (pageOffset < 1) throw invalid('PageOffset starts from 1');
  const roomId = body.RoomId;
  if (roomId !== undefined && typeof roomId !== 'string') throw invalid('RoomId must be a string');

  const ongoing = status === 2;
  const refs = zegoTasksInWindow(app, start, end, roomId || undefined, nowMs).filter((ref) => {
    const s = zegoTaskStatus(ref, nowMs, app.stops);
    return ongoing ? s === 1 || s === 2 || s === 5 : s === 3 || s === 4;
  });
  const page = refs.slice((pageOffset - 1) * pageSize, pageOffset * pageSize);
  return { PageOffset: pageOffset, PageSize: pageSize, TotalCount: refs.length, TaskList: page.map((ref) => zegoTaskRecord(ref, nowMs, app.stops)) };
}
