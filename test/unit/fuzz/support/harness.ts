/**
 * The five vendor APIs as the UI reaches them: real `TaskSource`s from `createTaskSources`, pointed at
 * a loopback endpoint, with test timing (virtual-clock limiters, zero backoff) so hundreds of cases
 * per API fit in seconds. Plus the oracle every outcome must satisfy: a typed `MediaApiError`, or
 * valid model `Task`s.
 */
import { errorHint } from '../../../../src/display/hints';
import { plainLocalizer } from '../../../../src/display/localize';
import { strict as assert } from 'node:assert';
import type { Account, AccountSecret } from '../../../../src/model/account';
import { MediaApiError, type ApiErrorKind } from '../../../../src/model/errors';
import type { Logger } from '../../../../src/model/logger';
import { silentLogger } from '../../../../src/model/logger';
import { PRODUCT_VENDOR, type Product, type Task, type TaskStatus, type Vendor } from '../../../../src/model/task';
import { FILE_STATES, mediaFiles, mergeFiles } from '../../../../src/model/files';
import type { TaskSource } from '../../../../src/model/taskSource';
import { createTaskSources, type TaskSourceDeps } from '../../../../src/vendors/createTaskSources';
import { sleep } from '../../../../src/vendors/shared/abort';
import { ClockOffsets } from '../../../../src/vendors/shared/clockOffsets';
import { RateLimiterRegistry, type LimiterClock } from '../../../../src/vendors/shared/rateLimiter';
import type { RetryDeps } from '../../../../src/vendors/shared/retry';

export type ApiName =
  | 'DescribeTaskInfo'
  | 'DescribeCloudRecording'
  | 'DescribeStreamIngest'
  | 'DescribeRecordTask'
  | 'DescribeTasks'
  | 'DescribeRecordStatus'
  | 'DescribeRecordInfo'
  | 'DescribeMediaInfos';

/** The source each API is reached through (VOD answers through any Tencent source). */
export const API_PRODUCT: Readonly<Record<ApiName, Product>> = {
  DescribeTaskInfo: 'gme',
  DescribeCloudRecording: 'trtc-recording',
  DescribeStreamIngest: 'trtc-relay',
  DescribeRecordTask: 'css',
  DescribeTasks: 'zego-recording',
  DescribeRecordStatus: 'zego-recording',
  DescribeRecordInfo: 'gme',
  DescribeMediaInfos: 'trtc-recording',
};

/** The file APIs: each answers for one known task, so the case starts from one. */
const FILE_APIS: ReadonlySet<ApiName> = new Set<ApiName>(['DescribeRecordStatus', 'DescribeRecordInfo', 'DescribeMediaInfos']);

/** The FileIds the DescribeMediaInfos cases ask about (25: two calls). */
export const FUZZ_VOD_FILE_IDS = Array.from({ length: 25 }, (_, i) => `52850000000000000${String(i).padStart(2, '0')}`);

/** The known task a file API is asked about, as the ledger would hold it. */
export function fileApiTask(api: ApiName, accountId: string): Task {
  const product = API_PRODUCT[api];
  return {
    accountId,
    product,
    vendor: PRODUCT_VENDOR[product],
    taskId: product === 'gme' ? '446192236330927912' : product === 'zego-recording' ? 'YRHu6-E4IyvEAAAD' : 'fuzz-task',
    appId: '1',
    room: 'fuzz-room',
    status: 'running',
    rawStatus: '',
    observedAt: Date.now(),
    files: api === 'DescribeMediaInfos' ? FUZZ_VOD_FILE_IDS.map((id) => ({ userId: '', fileName: `vod-${id}`, trackType: '', vodFileId: id })) : [],
    extras: {},
  };
}

export const API_NAMES = Object.keys(API_PRODUCT) as ApiName[];

/** Known fake secrets: the fuzz server never echoes them, and no outcome may contain them. */
export const FUZZ_SECRET = {
  secretId: 'AKIDfuzzFuzzFuzzFuzzFuzzFuzzFuzz0001',
  secretKey: 'fuzzSecretKeyNeverLeaves0123456789abcd',
  serverSecret: 'fuzzServerSecret0123456789abcdefZ',
} as const;

const ZEGO_APP_ID = 1234567890;

export function accountFor(vendor: Vendor, endpoint: string): Account {
  return vendor === 'zego'
    ? { id: 'fuzz-z', label: 'fuzz', vendor: 'zego', appId: ZEGO_APP_ID, endpoint }
    : {
        id: 'fuzz-t',
        label: 'fuzz',
        vendor: 'tencent',
        site: 'intl',
        region: 'ap-singapore',
        endpoint,
        trtcSdkAppId: 1400000001,
        gmeBizId: 1400000002,
        cssEnabled: true,
      };
}

export function secretFor(vendor: Vendor): AccountSecret {
  return vendor === 'zego'
    ? { vendor: 'zego', serverSecret: FUZZ_SECRET.serverSecret }
    : { vendor: 'tencent', secretId: FUZZ_SECRET.secretId, secretKey: FUZZ_SECRET.secretKey };
}

/** Virtual time for the limiters: waiting advances the clock at once. */
export function instantLimiters(): RateLimiterRegistry {
  let t = 0;
  const clock: LimiterClock = {
    now: () => t,
    sleep: (ms, signal) => {
      t += ms;
      return sleep(0, signal);
    },
  };
  return new RateLimiterRegistry(clock);
}

/** Two attempts, no backoff: the retry path runs, cheaply. */
export const QUICK_RETRY: RetryDeps = { policy: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 }, random: () => 0, sleep };

export interface SourceOptions extends Partial<TaskSourceDeps> {
  readonly endpoint: string;
  readonly account?: Account;
  readonly secret?: AccountSecret;
}

export function sourceFor(product: Product, options: SourceOptions): TaskSource {
  const vendor = PRODUCT_VENDOR[product];
  const { endpoint, account = accountFor(vendor, endpoint), secret = secretFor(vendor), ...deps } = options;
  const sources = createTaskSources(account, secret, {
    logger: silentLogger,
    limiters: instantLimiters(),
    clockOffsets: new ClockOffsets(),
    retry: QUICK_RETRY,
    timeoutMs: 1000,
    ...deps,
  });
  const source = sources.find((s) => s.product === product);
  assert.ok(source, `no ${product} source`);
  return source;
}

const HOUR = 3_600_000;

/**
 * One UI-shaped use of the source: describe a room or a task id, or list the last hour and read at
 * most `maxPages` pages. Resolves with the tasks (empty: "no task"), rejects with what the source threw.
 */
export async function exercise(source: TaskSource, signal: AbortSignal, maxPages = 20, api?: ApiName): Promise<Task[]> {
  if (api !== undefined && FILE_APIS.has(api)) {
    const task = fileApiTask(api, source.account.id);
    if (api !== 'DescribeMediaInfos') return [await source.describeFiles!(task, signal)];
    const answer = await source.describeMedia!(FUZZ_VOD_FILE_IDS, signal);
    return [{ ...task, files: mergeFiles(task.files, mediaFiles(task.files, answer.found)) }];
  }
  switch (source.kind) {
    case 'byRoom': {
      const task = await source.describeRoom('fuzz-room', signal);
      return task ? [task] : [];
    }
    case 'byTaskId':
      return [await source.describeTask('fuzz-task', 'fuzz-room', signal)];
    case 'listing': {
      const tasks: Task[] = [];
      let pages = 0;
      const now = Date.now();
      for await (const page of source.list({ startMs: now - HOUR, endMs: now, statuses: 'all' }, signal)) {
        tasks.push(...page);
        if (++pages >= maxPages) break;
      }
      return tasks;
    }
  }
}

export type Settled = { readonly type: 'tasks'; readonly tasks: Task[] } | { readonly type: 'thrown'; readonly error: unknown } | { readonly type: 'hang' };

/** Runs `run` with a time limit; on the limit the signal aborts (stopping any request loop) and the result is `hang`. */
export async function settleWithin(limitMs: number, run: (signal: AbortSignal) => Promise<Task[]>): Promise<Settled> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => resolve({ type: 'hang' }), limitMs);
  });
  const work = run(controller.signal).then(
    (tasks): Settled => ({ type: 'tasks', tasks }),
    (error: unknown): Settled => ({ type: 'thrown', error }),
  );
  const settled = await Promise.race([work, limit]);
  clearTimeout(timer);
  if (settled.type === 'hang') controller.abort();
  return settled;
}

export const API_ERROR_KINDS: ReadonlySet<ApiErrorKind> = new Set<ApiErrorKind>([
  'auth',
  'permission',
  'clockSkew',
  'rateLimit',
  'timeout',
  'network',
  'cancelled',
  'malformed',
  'server',
  'invalidInput',
  'notFound',
  'taskEnded',
  'serviceNotActivated',
  'unsupported',
  'vendor',
]);

/**
 * A typed error for this API: a `MediaApiError` with a known kind, the right vendor and action, text
 * fields, and not the catch-all `ClientError` that `signedCall` makes of an untyped throw inside the
 * vendor layer (that one has no HTTP status; a vendor's own code of that name has one).
 */
export function assertTypedError(error: unknown, product: Product, action: string): asserts error is MediaApiError {
  assert.ok(error instanceof MediaApiError, `untyped ${error instanceof Error ? error.stack : String(error)}`);
  assert.ok(API_ERROR_KINDS.has(error.kind), `kind ${error.kind}`);
  assert.equal(error.vendor, PRODUCT_VENDOR[product]);
  assert.equal(error.action, action);
  assert.equal(typeof error.message, 'string');
  assert.equal(typeof error.code, 'string');
  assert.ok(errorHint(error, plainLocalizer).length > 0, 'no hint');
  assert.equal(typeof error.retryable, 'boolean');
  assert.ok(!(error.code === 'ClientError' && error.httpStatus === undefined), `a defect in the vendor layer surfaced as ClientError: ${error.message}`);
}

const STATUSES: ReadonlySet<TaskStatus> = new Set<TaskStatus>(['starting', 'running', 'paused', 'stopping', 'ended', 'failed', 'unknown']);

/** Epoch ms a `Date` can hold: `new Date(ms).toISOString()` (export, details) works. */
function assertTime(value: number | undefined, what: string): void {
  if (value === undefined) return;
  assert.ok(typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 8.64e15, `${what}: ${value} is not a usable epoch ms`);
  assert.doesNotThrow(() => new Date(value).toISOString());
}

/** A valid model `Task` of `product`, as every consumer (tree, ledger, export, details) expects it. */
export function assertValidTask(task: Task, product: Product, accountId: string): void {
  assert.equal(task.product, product);
  assert.equal(task.vendor, PRODUCT_VENDOR[product]);
  assert.equal(task.accountId, accountId);
  for (const field of ['taskId', 'appId', 'room', 'rawStatus'] as const) assert.equal(typeof task[field], 'string', field);
  assert.ok(STATUSES.has(task.status), `status ${task.status}`);
  assertTime(task.observedAt, 'observedAt');
  assertTime(task.startedAt, 'startedAt');
  assertTime(task.endedAt, 'endedAt');
  assert.ok(task.requestId === undefined || typeof task.requestId === 'string', 'requestId');
  assert.ok(Array.isArray(task.files), 'files');
  for (const file of task.files) {
    for (const field of ['userId', 'fileName', 'trackType'] as const) assert.equal(typeof file[field], 'string', `file.${field}`);
    assertTime(file.beginTimeMs, 'file.beginTimeMs');
    assertTime(file.endTimeMs, 'file.endTimeMs');
    assertTime(file.expiresAtMs, 'file.expiresAtMs');
    for (const field of ['sizeBytes', 'durationMs'] as const) {
      const value = file[field];
      assert.ok(value === undefined || (typeof value === 'number' && Number.isFinite(value)), `file.${field}: ${value}`);
    }
    for (const field of ['rawState', 'url', 'vodFileId', 'format', 'reportedBy'] as const) {
      assert.ok(file[field] === undefined || typeof file[field] === 'string', `file.${field}`);
    }
    assert.ok(file.state === undefined || FILE_STATES.includes(file.state), `file.state ${file.state}`);
  }
  for (const [key, value] of Object.entries(task.extras)) {
    const ok =
      value === null ||
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    assert.ok(ok, `extras.${key}: ${String(value)}`);
  }
  // What the ledger and the export write and read back keeps the id exactly.
  assert.equal((JSON.parse(JSON.stringify(task)) as Task).taskId, task.taskId);
}

/** A `Logger` that keeps every line, arguments rendered as text. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  private record(level: string, message: string | Error, args: unknown[]): void {
    const text = message instanceof Error ? `${message.stack ?? message.message}` : message;
    this.lines.push([level, text, ...args.map((a) => (typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a))))].join(' '));
  }
  trace(message: string, ...args: unknown[]): void {
    this.record('trace', message, args);
  }
  debug(message: string, ...args: unknown[]): void {
    this.record('debug', message, args);
  }
  info(message: string, ...args: unknown[]): void {
    this.record('info', message, args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.record('warn', message, args);
  }
  error(message: string | Error, ...args: unknown[]): void {
    this.record('error', message, args);
  }
}
