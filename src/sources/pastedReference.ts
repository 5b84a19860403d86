/**
 * Go to Task…: what a pasted text says about a task. A developer pastes whatever they have: a bare
 * TaskId, a vendor callback body, an API Explorer or SDK request JSON, a `tccli <product> <Action>
 * --Param value` line, or a log line carrying `TaskId` or `RequestId`. Pure; the command ranks the
 * accounts the reading fits and asks them.
 */
import type { Product } from '../model/task';
import { parseJsonLossless } from '../vendors/shared/json';

export type PastedKind = 'id' | 'json' | 'tccli' | 'log';

export interface PastedReference {
  readonly kind: PastedKind;
  readonly taskId?: string;
  readonly requestId?: string;
  /** Room id or stream name. */
  readonly room?: string;
  /** SdkAppId, BizId or ZEGO app_id, decimal. */
  readonly appId?: string;
  /** The product the text names (a tccli product and action, a callback's shape). */
  readonly product?: Product;
  /** A tccli line's service and action, verbatim: `trtc DescribeStreamIngest`. */
  readonly command?: string;
}

/** Pasted text beyond this is not a reference (a whole log file); the paste limit of a callback body. */
export const MAX_PASTED_CHARS = 64 * 1024;

const TASK_KEYS = ['TaskId', 'TaskID', 'task_id', 'taskId'];
const ROOM_KEYS = ['RoomId', 'RoomID', 'room_id', 'StrRoomId', 'StreamName', 'stream_id', 'roomId'];
const APP_KEYS = ['SdkAppId', 'SdkAppid', 'BizId', 'BizID', 'app_id', 'AppId', 'appid'];
const REQUEST_KEYS = ['RequestId', 'request_id', 'requestId'];

/**
 * A vendor id, at most 128 characters: TRTC relay TaskIds are standard base64 (`+`, `/`, `=` padding),
 * recording ones base64url (`-`, `_`, a trailing `.`); ZEGO, GME and CSS ids are word characters, `@`, `:`.
 */
const ID = '[\\w.@:+/-]{1,126}={0,2}';

/** Reads `text`; undefined when it holds nothing that names a task. */
export function readPastedReference(text: string): PastedReference | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_PASTED_CHARS) return undefined;
  if (!trimmed.includes('://') && new RegExp(`^${ID}$`).test(trimmed)) return { kind: 'id', taskId: trimmed };
  if (/^tccli\s/.test(trimmed)) return readTccli(trimmed);
  if (trimmed.startsWith('{')) {
    const json = readJson(trimmed);
    if (json) return json;
  }
  return readLogLine(trimmed);
}

/** `tccli trtc DescribeCloudRecording --SdkAppId 1400 --TaskId "abc"`. */
function readTccli(line: string): PastedReference | undefined {
  const words = [...line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  const [, service = '', action = ''] = words;
  const params = new Map<string, string>();
  for (let i = 3; i < words.length; i++) {
    const name = /^--(\w+)$/.exec(words[i]!)?.[1];
    if (name !== undefined && i + 1 < words.length && !words[i + 1]!.startsWith('--')) params.set(name, words[++i]!);
  }
  const pick = (keys: readonly string[]): string | undefined => keys.map((k) => params.get(k)).find(isIdValue);
  const taskId = pick(TASK_KEYS);
  const room = pick(ROOM_KEYS);
  if (taskId === undefined && room === undefined) return undefined;
  return {
    kind: 'tccli',
    ...defined({ taskId, room, appId: pick(APP_KEYS), product: tencentProduct(service, action) }),
    command: `${service} ${action}`.trim(),
  };
}

/** The product a Tencent Cloud service and action belong to. */
function tencentProduct(service: string, action: string): Product | undefined {
  switch (service.toLowerCase()) {
    case 'trtc':
      return /StreamIngest/i.test(action) ? 'trtc-relay' : /CloudRecording/i.test(action) ? 'trtc-recording' : undefined;
    case 'gme':
      return 'gme';
    case 'live':
      return 'css';
    default:
      return undefined;
  }
}

/** A callback body or a request JSON: the first task, room and app fields at any depth up to 4. */
function readJson(text: string): PastedReference | undefined {
  let value: unknown;
  try {
    value = parseJsonLossless(text);
  } catch {
    return undefined;
  }
  const found = new Map<string, string>();
  const visit = (node: unknown, depth: number): void => {
    if (depth > 4 || node === null || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      if ((typeof child === 'string' && child !== '') || typeof child === 'number') {
        if (!found.has(key)) found.set(key, String(child));
      } else visit(child, depth + 1);
    }
  };
  visit(value, 0);
  const pick = (keys: readonly string[]): string | undefined => keys.map((k) => found.get(k)).find(isIdValue);
  const taskId = pick(TASK_KEYS);
  const requestId = pick(REQUEST_KEYS);
  if (taskId === undefined && requestId === undefined) return undefined;
  const product = jsonProduct(found);
  return {
    kind: 'json',
    ...defined({ taskId, requestId, room: pick(ROOM_KEYS), appId: pick(APP_KEYS), product }),
  };
}

/**
 * Which product a body's fields point to: TRTC recording callbacks carry EventGroupId 3 (8 for
 * web-page recording), ZEGO's `app_id` with `task_id`, GME's `BizID` with `TaskID`, CSS's `stream_id`.
 */
function jsonProduct(found: ReadonlyMap<string, string>): Product | undefined {
  if (found.get('EventGroupId') === '3' || found.get('EventGroupId') === '8') return 'trtc-recording';
  if (found.has('app_id') && found.has('task_id')) return 'zego-recording';
  if (found.has('BizID') || found.has('BizId')) return 'gme';
  if (found.has('stream_id')) return 'css';
  if (found.has('StreamUrl') || found.has('SourceUrl')) return 'trtc-relay';
  return undefined;
}

/** `... TaskId: abc ...`, `task_id=abc`, `"TaskId":"abc"`, `RequestId: 6f1…`. */
function readLogLine(text: string): PastedReference | undefined {
  const value = (keys: readonly string[]): string | undefined => new RegExp(`\\b(?:${keys.join('|')})["']?\\s*[:=]\\s*["']?(${ID})`).exec(text)?.[1];
  const taskId = value(TASK_KEYS);
  const requestId = value(REQUEST_KEYS);
  if (taskId === undefined && requestId === undefined) return undefined;
  return { kind: 'log', ...defined({ taskId, requestId, room: value(ROOM_KEYS), appId: value(APP_KEYS) }) };
}

/**
 * An id worth asking about: 1–128 characters, no control, bidi or zero-width characters (a hostile
 * paste's field is dropped, never passed on to a request or a message).
 */
function isIdValue(value: string | undefined): value is string {
  return value !== undefined && value.length > 0 && value.length <= 128 && !/[\p{Cc}\p{Cf}]/u.test(value);
}

/** The fields that have a value (optional fields stay absent rather than `undefined`). */
function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}
