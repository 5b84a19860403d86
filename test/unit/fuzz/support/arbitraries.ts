/**
 * fast-check generators of hostile vendor answers, per API: a documented answer (success or vendor
 * error) from a random template, then field mutations (wrong types, nulls, deletions, numbers beyond
 * 2^64, deep nesting, huge arrays, hostile strings), body damage (truncation, invalid UTF-8, BOM,
 * trailing junk, HTML pages, empty bodies, random bytes) and HTTP damage (status, content type,
 * encoding, a body cut by a reset or stalled).
 */
import * as zlib from 'node:zlib';
import fc from 'fast-check';
import { clone, jsonText, mutate, paths, RawToken, type JsonTree, type Mutation } from './jsonTree';
import type { ApiName } from './harness';
import type { Delivery, ScriptedReply } from './scriptedServer';

/** What a correct client must make of an undamaged answer. */
export type Expectation = { readonly tasks: number } | { readonly code: string };

interface Template {
  readonly tree: JsonTree;
  readonly expect: Expectation;
}

export interface FuzzCase {
  /** The answer to the first page (and to its retries). */
  readonly reply: ScriptedReply;
  /** Later pages: an empty last page, or the same answer again (a server that ignores the cursor). */
  readonly followUp: 'terminal' | 'repeat';
  /** Set when the answer is the template untouched, whole, 200, JSON. */
  readonly expect?: Expectation;
  /** For the summary: which kinds of damage the case carries. */
  readonly damage: readonly string[];
}

// ---------------------------------------------------------------- hostile values

const HUGE_NUMBERS = [
  '18446744073709551615',
  '18446744073709551616',
  '-9223372036854775809',
  '340282366920938463463374607431768211457',
  `1${'0'.repeat(400)}`,
  '1e400',
  '-1e400',
  '1E+309',
  '4.9e-325',
  `0.${'0'.repeat(400)}1`,
  '-0',
  '9007199254740993',
  '1.5',
  '-1',
  '1e16',
];

const HOSTILE_STRINGS = [
  '',
  ' ',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '\u202egnp.exe',
  '\u0000\u0001\u001f',
  '\ud800',
  '__proto__',
  'constructor',
  'NaN',
  'null',
  '%s%n%x',
  'x'.repeat(100_000),
  '\u{1F4A5}'.repeat(1000),
];

const leaf: fc.Arbitrary<JsonTree> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(), // NaN and ±Infinity come out as bare words: not JSON
  fc.constantFrom(...HUGE_NUMBERS).map((t) => new RawToken(t)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...HOSTILE_STRINGS),
);

/** `[[[…]]]` or `{"a":{"a":…}}` up to 100,000 deep. */
const deep: fc.Arbitrary<JsonTree> = fc
  .tuple(fc.integer({ min: 50, max: 100_000 }), fc.boolean())
  .map(([depth, arrays]) => new RawToken(arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}null${'}'.repeat(depth)}`));

/** Up to 100,000 elements of one kind. */
const hugeArray: fc.Arbitrary<JsonTree> = fc
  .tuple(fc.integer({ min: 1000, max: 100_000 }), fc.constantFrom('0', 'null', '"x"', '{}', '[]', '18446744073709551616'))
  .map(([n, element]) => new RawToken(`[${new Array<string>(n).fill(element).join(',')}]`));

/** Keys a hostile body may repeat or smuggle in. */
const oddObject: fc.Arbitrary<JsonTree> = fc.constantFrom(
  new RawToken('{"__proto__":{"Error":{"Code":"InternalError","Message":"x"}}}'),
  new RawToken('{"TaskId":"a","TaskId":"b"}'),
  new RawToken('{"constructor":{"prototype":{"polluted":true}}}'),
);

export const hostileValue: fc.Arbitrary<JsonTree> = fc.letrec<{ value: JsonTree }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    { weight: 6, arbitrary: leaf },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: hugeArray },
    { weight: 1, arbitrary: oddObject },
    { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }) },
  ),
})).value;

/** A field mutation and its label for the summary. */
type Labelled = readonly [Mutation, string];
const setTo = (label: string, values: fc.Arbitrary<JsonTree>): fc.Arbitrary<Labelled> => values.map((value): Labelled => [{ op: 'set', value }, label]);

const mutation: fc.Arbitrary<Labelled> = fc.oneof(
  fc.constant<Labelled>([{ op: 'delete' }, 'missingField']),
  setTo('null', fc.constant(null)),
  setTo(
    'beyond2^64',
    fc.constantFrom(...HUGE_NUMBERS).map((t) => new RawToken(t)),
  ),
  setTo('hostileString', fc.constantFrom(...HOSTILE_STRINGS)),
  setTo('deepNesting', deep),
  setTo('hugeArray', hugeArray),
  setTo('oddKeys', oddObject),
  { weight: 4, arbitrary: setTo('wrongType', hostileValue) },
);

// ---------------------------------------------------------------- documented answers

const text = fc.string({ unit: 'binary', maxLength: 24 });
const requestId = fc.uuid();
const epochMs = fc.integer({ min: 0, max: 4_102_444_800_000 });
const epochSec = fc.integer({ min: 0, max: 4_102_444_800 });
const U64_MAX = 2n ** 64n - 1n;

/** `n` copies of a record with ids made distinct: a huge but valid list. */
function bulk<T extends { [key: string]: JsonTree }>(record: T, n: number): T[] {
  return Array.from({ length: n }, (_, i) => ({ ...record, TaskId: `${String(record.TaskId)}#${i}` }));
}

function taskList<T extends { [key: string]: JsonTree }>(record: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.array(record, { maxLength: 60 }) },
    { weight: 1, arbitrary: fc.tuple(record, fc.integer({ min: 1000, max: 5000 })).map(([r, n]) => bulk(r, n)) },
  );
}

function uniqueIds(list: ReadonlyArray<{ [key: string]: JsonTree }>): number {
  return new Set(list.map((t) => t.TaskId)).size;
}

const TENCENT_CODES = [
  'AuthFailure.SignatureFailure',
  'AuthFailure.SecretIdNotFound',
  'AuthFailure.SignatureExpire',
  'AuthFailure.UnauthorizedOperation',
  'RequestLimitExceeded',
  'InternalError',
  'ResourceNotFound.RoomNotFound',
  'FailedOperation',
  'FailedOperation.TaskNotExist',
  'InvalidParameter.TaskId',
  'UnsupportedOperation.ServiceNotOpened',
  'LimitExceeded',
];

const tencentError: fc.Arbitrary<Template> = fc
  .record({ code: fc.oneof(fc.constantFrom(...TENCENT_CODES), fc.string({ minLength: 1, maxLength: 30 })), message: text, rid: requestId })
  .map(({ code, message, rid }) => ({ tree: { Response: { Error: { Code: code, Message: message }, RequestId: rid } }, expect: { code } }));

function tencentOk(fields: fc.Arbitrary<{ fields: { [key: string]: JsonTree }; tasks: number }>): fc.Arbitrary<Template> {
  return fc.tuple(fields, requestId).map(([{ fields: f, tasks }, rid]) => ({ tree: { Response: { ...f, RequestId: rid } }, expect: { tasks } }));
}

const userIds = fc.array(fc.oneof(text, fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })), { maxLength: 5 });

const gme = tencentOk(
  fc
    .record({
      id: fc.option(fc.bigInt({ min: 0n, max: U64_MAX }), { nil: undefined }),
      quoted: fc.boolean(),
      mode: fc.constantFrom(1, 2, 3),
      allow: fc.option(userIds, { nil: null }),
      block: fc.option(userIds, { nil: null }),
    })
    .map(({ id, quoted, mode, allow, block }): { fields: { [key: string]: JsonTree }; tasks: number } => ({
      fields:
        id === undefined
          ? {}
          : {
              TaskId: quoted ? String(id) : new RawToken(String(id)),
              RecordMode: mode,
              SubscribeRecordUserIds: { SubscribeUserIds: allow, UnSubscribeUserIds: block },
            },
      tasks: id === undefined ? 0 : 1,
    })),
);

const storageFile = fc.record({ UserId: text, FileName: text, TrackType: fc.constantFrom('audio', 'video', 'audio_video'), BeginTimeStamp: epochMs });

const trtcRecording = tencentOk(
  fc
    .record({
      TaskId: text,
      Status: fc.constantFrom('Idle', 'InProgress', 'Exited'),
      StorageFileList: fc.option(fc.array(storageFile, { maxLength: 6 }), { nil: null }),
    })
    .map((fields) => ({ fields, tasks: 1 })),
);

const trtcRelay = tencentOk(fc.record({ Status: fc.constantFrom('InProgress', 'NotExist') }).map((fields) => ({ fields, tasks: 1 })));

const cssTask = fc.record({
  TaskId: text,
  DomainName: text,
  AppName: text,
  StreamName: text,
  StartTime: epochSec,
  EndTime: epochSec,
  TemplateId: fc.nat(),
  Stopped: fc.oneof(fc.constant(0), epochSec),
});

const css = tencentOk(
  fc.record({ TaskList: taskList(cssTask), ScrollToken: fc.oneof(fc.constant(''), fc.base64String({ minLength: 4, maxLength: 40 })) }).map((fields) => ({
    fields,
    tasks: uniqueIds(fields.TaskList),
  })),
);

const zegoTask = fc.record({
  TaskId: fc.stringMatching(/^[0-9A-Za-z]{16}$/),
  RoomId: fc.oneof(text, fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
  Status: fc.integer({ min: 1, max: 5 }),
  RecordBeginTimestamp: epochMs,
});

const zegoOk: fc.Arbitrary<Template> = fc
  .record({ list: taskList(zegoTask), rid: requestId, message: text, listKey: fc.constantFrom('TaskList', 'TaskidList') })
  .map(({ list, rid, message, listKey }) => ({
    tree: { Code: 0, Message: message, RequestId: rid, Data: { PageOffset: 1, PageSize: 50, TotalCount: list.length, [listKey]: list } },
    expect: { tasks: uniqueIds(list) },
  }));

const ZEGO_CODES = [100000004, 100000005, 100000010, 100000001, 300000002, 300000003, 300000004, 300001000, 300001001, 300010000, 100000015];

const zegoError: fc.Arbitrary<Template> = fc
  .record({
    code: fc.oneof(
      fc.constantFrom(...ZEGO_CODES),
      fc.integer().filter((n) => n !== 0),
    ),
    message: text,
    rid: requestId,
  })
  .map(({ code, message, rid }) => ({ tree: { Code: code, Message: message, RequestId: rid }, expect: { code: String(code) } }));

const zegoRecordFile = fc.record({
  UserId: text,
  StreamId: text,
  FileId: text,
  VideoId: fc.option(text, { nil: null }),
  FileUrl: fc.option(fc.constantFrom('https://bucket.example/a.mp4?X-Amz-Signature=00', 'javascript:alert(1)', ''), { nil: null }),
  OutputFileFormat: fc.constantFrom('mp4', 'flv', 'hls', 'jpg', 'aac'),
  FileSize: fc.nat(),
  Duration: fc.nat(),
  MediaTrackType: fc.integer({ min: 1, max: 3 }),
  BeginTimestamp: epochMs,
  Status: fc.integer({ min: 1, max: 5 }),
});

const zegoRecordStatus: fc.Arbitrary<Template> = fc
  .record({
    rid: requestId,
    message: text,
    status: fc.integer({ min: 1, max: 5 }),
    begin: epochMs,
    end: fc.oneof(fc.constant(0), epochMs),
    files: fc.option(fc.array(zegoRecordFile, { maxLength: 8 }), { nil: null }),
  })
  .map(({ rid, message, status: s, begin, end, files }) => ({
    tree: {
      Code: 0,
      Message: message,
      RequestId: rid,
      Data: {
        RoomId: 'r',
        RecordMode: 1,
        StreamType: 3,
        RecordBeginTimestamp: begin,
        RecordEndTimestamp: end,
        Status: s,
        ...(files ? { RecordFiles: files } : {}),
      },
    },
    expect: { tasks: 1 },
  }));

const gmeRecordInfo = tencentOk(
  fc
    .record({
      RecordInfo: fc.option(
        fc.array(
          fc.record({
            UserId: fc.oneof(text, fc.integer({ min: 0, max: 99999 })),
            FileName: text,
            RecordBeginTime: epochSec,
            RecordStatus: fc.constantFrom(2, 10, 11, 12, 13, 14),
          }),
          { maxLength: 6 },
        ),
        { nil: null },
      ),
      RecordMode: fc.constantFrom(1, 2, 3),
      RoomId: text,
    })
    .map((fields) => ({ fields, tasks: 1 })),
);

const vodMedia = fc.record({
  FileId: fc.constantFrom('5285000000000000000', '5285000000000000001', 'unknown'),
  BasicInfo: fc.record({
    Name: text,
    MediaUrl: text,
    Type: fc.constantFrom('mp4', 'm3u8'),
    ExpireTime: fc.constantFrom('9999-12-31T23:59:59Z', '2030-01-01T00:00:00Z', 'soon'),
  }),
  MetaData: fc.record({ Size: fc.nat(), Duration: fc.double({ min: 0, max: 1e6, noNaN: true }) }),
});

const vodMediaInfos = tencentOk(
  fc
    .record({
      MediaInfoSet: fc.option(fc.array(vodMedia, { maxLength: 20 }), { nil: null }),
      NotExistFileIdSet: fc.option(fc.array(text, { maxLength: 5 }), { nil: null }),
    })
    .map((fields) => ({ fields, tasks: 1 })),
);

const TEMPLATES: Readonly<Record<ApiName, fc.Arbitrary<Template>>> = {
  DescribeRecordStatus: fc.oneof({ weight: 3, arbitrary: zegoRecordStatus }, zegoError),
  DescribeRecordInfo: fc.oneof({ weight: 3, arbitrary: gmeRecordInfo }, tencentError),
  DescribeMediaInfos: fc.oneof({ weight: 3, arbitrary: vodMediaInfos }, tencentError),
  DescribeTaskInfo: fc.oneof({ weight: 3, arbitrary: gme }, tencentError),
  DescribeCloudRecording: fc.oneof({ weight: 3, arbitrary: trtcRecording }, tencentError),
  DescribeStreamIngest: fc.oneof({ weight: 3, arbitrary: trtcRelay }, tencentError),
  DescribeRecordTask: fc.oneof({ weight: 3, arbitrary: css }, tencentError),
  DescribeTasks: fc.oneof({ weight: 3, arbitrary: zegoOk }, zegoError),
};

// ---------------------------------------------------------------- body and HTTP damage

const HTML_PAGE = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
const INVALID_UTF8 = [[0xff], [0xc0, 0xaf], [0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80]];

type BodyDamage =
  | { readonly kind: 'none' }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'invalidUtf8'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly kind: 'bom' }
  | { readonly kind: 'trailing'; readonly junk: string }
  | { readonly kind: 'replace'; readonly body: Buffer };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

const bodyDamage: fc.Arbitrary<BodyDamage> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<BodyDamage>({ kind: 'none' }) },
  { weight: 2, arbitrary: fraction.map((at): BodyDamage => ({ kind: 'truncate', at })) },
  { weight: 2, arbitrary: fc.tuple(fraction, fc.constantFrom(...INVALID_UTF8)).map(([at, bytes]): BodyDamage => ({ kind: 'invalidUtf8', at, bytes })) },
  { weight: 1, arbitrary: fc.constant<BodyDamage>({ kind: 'bom' }) },
  { weight: 1, arbitrary: fc.constantFrom(',', '}', ' {"x":1}', '\u0000', 'garbage').map((junk): BodyDamage => ({ kind: 'trailing', junk })) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        fc
          .constantFrom(
            '',
            '   \r\n',
            HTML_PAGE,
            `  ${HTML_PAGE}`,
            '<?xml version="1.0"?><Error/>',
            'Service Unavailable',
            'null',
            '[]',
            '{}',
            '"Response"',
            '0',
            'true',
            '{"Response":null}',
            '{"Response":"x"}',
            '{"Response":[]}',
            '{"Data":null,"Code":0}',
          )
          .map((t) => Buffer.from(t)),
        fc.string({ unit: 'binary', maxLength: 200 }).map((t) => Buffer.from(t)),
        fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
      )
      .map((replacement): BodyDamage => ({ kind: 'replace', body: replacement })),
  },
);

function damageBody(text: string, damage: BodyDamage): Buffer {
  const bytes = Buffer.from(text);
  const cut = (at: number): number => Math.floor(at * bytes.length);
  switch (damage.kind) {
    case 'none':
      return bytes;
    case 'truncate':
      return bytes.subarray(0, cut(damage.at));
    case 'invalidUtf8':
      return Buffer.concat([bytes.subarray(0, cut(damage.at)), Buffer.from(damage.bytes), bytes.subarray(cut(damage.at))]);
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    case 'trailing':
      return Buffer.concat([bytes, Buffer.from(damage.junk)]);
    case 'replace':
      return damage.body;
  }
}

const status = fc.oneof({ weight: 10, arbitrary: fc.constant(200) }, fc.constantFrom(201, 299, 400, 401, 403, 404, 418, 429, 500, 502, 503, 504, 599));
const contentType = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
  fc.constantFrom('text/html; charset=utf-8', 'text/plain', 'application/octet-stream', ''),
);
type Encoding = 'identity' | 'gzip' | 'bogusGzip' | 'bogusDeflate';
const encoding = fc.oneof({ weight: 12, arbitrary: fc.constant<Encoding>('identity') }, fc.constantFrom<Encoding>('gzip', 'bogusGzip', 'bogusDeflate'));
const delivery = fc.oneof(
  { weight: 100, arbitrary: fc.constant<Delivery>('whole') },
  { weight: 1, arbitrary: fc.constant<Delivery>('cut') },
  { weight: 1, arbitrary: fc.constant<Delivery>('stall') },
);
const followUp = fc.oneof({ weight: 4, arbitrary: fc.constant<'terminal'>('terminal') }, fc.constant<'repeat'>('repeat'));

function encode(body: Buffer, how: Encoding): { body: Buffer; header?: string } {
  if (how === 'gzip') return { body: zlib.gzipSync(body), header: 'gzip' };
  if (how === 'bogusGzip') return { body, header: 'gzip' };
  if (how === 'bogusDeflate') return { body, header: 'deflate' };
  return { body };
}

/** Hostile answers for `api`. */
export function fuzzCase(api: ApiName): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      template: TEMPLATES[api],
      mutations: fc.oneof(
        { weight: 1, arbitrary: fc.constant<Array<[number, Labelled]>>([]) },
        { weight: 2, arbitrary: fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }) },
      ),
      body: bodyDamage,
      status,
      contentType,
      encoding,
      delivery,
      followUp,
    })
    .map(({ template, mutations, body, status: code, contentType: type, encoding: how, delivery: mode, followUp: next }) => {
      const tree = clone(template.tree);
      for (const [at, [m]] of mutations) {
        const all = paths(tree);
        if (all.length > 0) mutate(tree, all[at % all.length], m);
      }
      const encoded = encode(damageBody(jsonText(tree), body), how);
      const headers: Record<string, string> = {};
      if (type !== '') headers['Content-Type'] = type;
      if (encoded.header) headers['Content-Encoding'] = encoded.header;
      const damage = [
        ...new Set(mutations.map(([, [, label]]) => label)),
        body.kind === 'none' ? '' : body.kind,
        code === 200 ? '' : `http${code}`,
        type.includes('json') ? '' : 'contentType',
        how === 'identity' ? '' : how,
        mode === 'whole' ? '' : mode,
        next === 'repeat' ? 'repeat' : '',
      ].filter((d) => d !== '');
      const pristine =
        mutations.length === 0 &&
        body.kind === 'none' &&
        code === 200 &&
        type.includes('json') &&
        (how === 'identity' || how === 'gzip') &&
        mode === 'whole' &&
        next === 'terminal';
      const fuzz: FuzzCase = {
        reply: { status: code, headers, body: encoded.body, delivery: mode },
        followUp: next,
        expect: pristine ? template.expect : undefined,
        damage,
      };
      return withShortPrint(fuzz);
    });
}

/** fast-check prints counterexamples; a 4 MB body is shown as its length and its first bytes. */
function withShortPrint(fuzz: FuzzCase): FuzzCase {
  const { reply } = fuzz;
  const head = JSON.stringify(reply.body.subarray(0, 300).toString('latin1'));
  const text = `HTTP ${reply.status} ${JSON.stringify(reply.headers)} ${reply.delivery}, follow-up ${fuzz.followUp}, damage [${fuzz.damage.join(', ')}], body ${reply.body.length} bytes: ${head}`;
  return Object.defineProperty(fuzz, fc.toStringMethod, { value: () => text, enumerable: false });
}

/** The empty last page of a listing, for `followUp: 'terminal'`. */
export function lastPage(api: ApiName): ScriptedReply {
  const tree: JsonTree =
    api === 'DescribeTasks'
      ? { Code: 0, Message: 'success', RequestId: 'last-page', Data: { PageOffset: 2, PageSize: 50, TotalCount: 0, TaskList: [] } }
      : { Response: { TaskList: [], ScrollToken: '', RequestId: 'last-page' } };
  return { status: 200, headers: { 'Content-Type': 'application/json' }, body: Buffer.from(jsonText(tree)), delivery: 'whole' };
}
