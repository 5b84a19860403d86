/**
 * CSS DescribeRecordTask (2018-08-01): tasks that start and end within [StartTime, EndTime] (Unix s),
 * a span of at most one week, no earlier than 90 days ago. The page size is not documented; the
 * sandbox returns 100 tasks per page, and ScrollToken points at the next task (empty when done).
 */
import { cssTaskRecord, cssTasksInWindow, type CssTaskRef } from '../demo/css';
import { DESCRIBE_RECORD_TASK } from '../../vendors/tencent/actions';
import { documented, type TencentAction } from './action';
import { TencentApiError } from './errors';

export const CSS_PAGE_SIZE = 100;
const WEEK_SEC = 7 * 86_400;
const RETENTION_SEC = 90 * 86_400;

interface ScrollPosition {
  readonly startSec: number;
  readonly order: number;
  readonly slot: number;
}

function scrollToken(ref: CssTaskRef): string {
  return Buffer.from(`${ref.startSec}.${ref.stream.order}.${ref.occurrence.slot}`).toString('base64url');
}

function parseScrollToken(token: string): ScrollPosition {
  const m = /^(\d+)\.(\d+)\.(-?\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw new TencentApiError('InvalidParameter', 'The ScrollToken is invalid.');
  return { startSec: Number(m[1]), order: Number(m[2]), slot: Number(m[3]) };
}

function atOrAfter(ref: CssTaskRef, pos: ScrollPosition): boolean {
  return (ref.startSec - pos.startSec || ref.stream.order - pos.order || ref.occurrence.slot - pos.slot) >= 0;
}

export const cssDescribeRecordTask: TencentAction = {
  ...documented(DESCRIBE_RECORD_TASK),
  params: [
    { name: 'StartTime', type: 'integer', required: true, missing: 'MissingParameter', invalid: 'InvalidParameter' },
    { name: 'EndTime', type: 'integer', required: true, missing: 'MissingParameter', invalid: 'InvalidParameter' },
    ...['StreamName', 'DomainName', 'AppName', 'ScrollToken'].map((name) => ({
      name,
      type: 'string' as const,
      required: false,
      missing: 'MissingParameter',
      invalid: 'InvalidParameter',
    })),
  ],
  handle({ app, params, nowMs }) {
    const start = params.int('StartTime');
    const end = params.int('EndTime');
    if (end <= start) throw new TencentApiError('InvalidParameter', 'EndTime must be greater than StartTime.');
    if (end - start > WEEK_SEC) throw new TencentApiError('InvalidParameter', 'The query span must not exceed one week.');
    if (start < Math.floor(nowMs / 1000) - RETENTION_SEC) {
      throw new TencentApiError('InvalidParameter', 'StartTime must not be earlier than 90 days before the current time.');
    }
    const token = params.optionalStr('ScrollToken');
    const position = token === undefined ? undefined : parseScrollToken(token);
    const refs = cssTasksInWindow(
      app,
      start,
      end,
      { streamName: params.optionalStr('StreamName'), domainName: params.optionalStr('DomainName'), appName: params.optionalStr('AppName') },
      nowMs,
    );
    const from = position ? refs.findIndex((ref) => atOrAfter(ref, position)) : 0;
    const page = from < 0 ? [] : refs.slice(from, from + CSS_PAGE_SIZE);
    const next = from < 0 ? undefined : refs[from + CSS_PAGE_SIZE];
    return { ScrollToken: next ? scrollToken(next) : '', TaskList: page.map((ref) => cssTaskRecord(ref, nowMs, app.stops)) };
  },
};
