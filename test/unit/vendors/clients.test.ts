import { strict as assert } from 'node:assert';
import type { TencentAccount, ZegoAccount } from '../../../src/model/account';
import { MediaApiError } from '../../../src/model/errors';
import type { Logger } from '../../../src/model/logger';
import type { ListingSource, RoomSource, TaskIdSource, TaskSource } from '../../../src/model/taskSource';
import { createTaskSources, type TaskSourceDeps } from '../../../src/vendors/createTaskSources';
import { ClockOffsets } from '../../../src/vendors/shared/clockOffsets';
import { RateLimiterRegistry } from '../../../src/vendors/shared/rateLimiter';
import { DEFAULT_RETRY_POLICY } from '../../../src/vendors/shared/retry';
import { NewestFirstWalk, type CssWindow } from '../../../src/vendors/tencent/cssWindows';
import { tencentErrorKind } from '../../../src/vendors/tencent/errors';
import { parseAuthorization, tc3Sign } from '../../../src/vendors/tencent/sign';
import { zegoSignature } from '../../../src/vendors/zego/sign';
import { FakeTransport, type Handler } from '../../fixtures/fakeTransport';

const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const SERVER_SECRET = '9193cc662a4c0ec135ec71fb57194b38';
const DAY = 86_400_000;

const tencent: TencentAccount = {
  id: 't1',
  label: 'T',
  vendor: 'tencent',
  site: 'intl',
  region: 'ap-singapore',
  trtcSdkAppId: 1400000001,
  gmeBizId: 3400352518,
  cssEnabled: true,
  cssDomain: 'push.example.com',
};
const zego: ZegoAccount = { id: 'z1', label: 'Z', vendor: 'zego', appId: 12345 };

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (m: unknown, ...args: unknown[]): void => void lines.push([m, ...args].map(String).join(' '));
  return { lines, trace: push, debug: push, info: push, warn: push, error: push };
}

function sources(account: TencentAccount | ZegoAccount, handler: Handler, extra: Partial<TaskSourceDeps> = {}) {
  const transport = new FakeTransport(handler);
  const logger = recordingLogger();
  const secret =
    account.vendor === 'tencent'
      ? ({ vendor: 'tencent', secretId: 'AKIDexample', secretKey: SECRET_KEY } as const)
      : ({ vendor: 'zego', serverSecret: SERVER_SECRET } as const);
  const list = createTaskSources(account, secret, {
    logger,
    transport,
    limiters: new RateLimiterRegistry(),
    clockOffsets: new ClockOffsets(),
    retry: { policy: DEFAULT_RETRY_POLICY, random: () => 0, sleep: async () => undefined },
    ...extra,
  });
  const byProduct = <T extends TaskSource>(product: string): T => list.find((s) => s.product === product) as T;
  return { transport, logger, list, byProduct };
}

const ok = (fields: Record<string, unknown>): { body: string } => ({
  body: JSON.stringify({ Response: { ...fields, RequestId: 'req-1' } }),
});
const tcError = (code: string, message = 'm'): { body: string } => ({
  body: JSON.stringify({ Response: { Error: { Code: code, Message: message }, RequestId: 'req-e' } }),
});

describe('createTaskSources', () => {
  it('builds one source per configured product with the contract kinds', () => {
    const { list } = sources(tencent, () => ok({}));
    assert.deepEqual(
      list.map((s) => [s.product, s.kind]),
      [
        ['trtc-recording', 'byTaskId'],
        ['trtc-relay', 'byTaskId'],
        ['gme', 'byRoom'],
        ['css', 'listing'],
      ],
    );
    assert.deepEqual(
      sources(zego, () => ok({})).list.map((s) => s.kind),
      ['listing'],
    );
  });
});

describe('Tencent client on the wire (scripted transport)', () => {
  it('sends the documented headers, signs content-type;host, omits X-TC-Region for GME', async () => {
    const { transport, byProduct } = sources(tencent, () => ({ body: '{"Response":{"TaskId":446192236330927912,"RequestId":"r"}}' }));
    const task = await byProduct<RoomSource>('gme').describeRoom('9832');
    const req = transport.requests[0];
    assert.equal(req.url, 'https://gme.intl.tencentcloudapi.com/');
    assert.equal(req.headers['Content-Type'], 'application/json');
    assert.equal(req.headers.Host, 'gme.intl.tencentcloudapi.com');
    assert.equal(req.headers['X-TC-Action'], 'DescribeTaskInfo');
    assert.equal(req.headers['X-TC-Version'], '2018-07-11');
    assert.equal(req.headers['X-TC-Region'], undefined);
    assert.equal(req.headers['X-TC-Token'], undefined);
    assert.deepEqual(transport.params(0), { BizId: 3400352518, RoomId: '9832' });
    const auth = parseAuthorization(req.headers.Authorization);
    assert.ok(auth);
    assert.equal(auth.service, 'gme');
    assert.deepEqual(auth.signedHeaders, ['content-type', 'host']);
    const expected = tc3Sign({
      method: 'POST',
      canonicalQuery: '',
      headers: [
        ['content-type', 'application/json'],
        ['host', 'gme.intl.tencentcloudapi.com'],
      ],
      payload: req.body,
      service: 'gme',
      timestampSec: Number(req.headers['X-TC-Timestamp']),
      secretId: 'AKIDexample',
      secretKey: SECRET_KEY,
    });
    assert.equal(req.headers.Authorization, expected.authorization);
    assert.equal(task?.taskId, '446192236330927912');
  });

  it('with an endpoint override: sends to it, signs its host name without port, keeps the real service', async () => {
    const account = { ...tencent, site: 'mainland' as const, endpoint: 'http://127.0.0.1:8123' };
    const { transport, byProduct } = sources(account, () => ok({ Status: 'InProgress', TaskId: 'x', StorageFileList: [] }));
    await byProduct<TaskIdSource>('trtc-recording').describeTask('x', 'room');
    const req = transport.requests[0];
    assert.equal(req.url, 'http://127.0.0.1:8123/');
    assert.equal(req.headers.Host, '127.0.0.1:8123');
    assert.equal(req.headers['X-TC-Region'], 'ap-singapore');
    assert.equal(parseAuthorization(req.headers.Authorization)?.service, 'trtc');
    const resigned = tc3Sign({
      method: 'POST',
      canonicalQuery: '',
      headers: [
        ['content-type', 'application/json'],
        ['host', '127.0.0.1'],
      ],
      payload: req.body,
      service: 'trtc',
      timestampSec: Number(req.headers['X-TC-Timestamp']),
      secretId: 'AKIDexample',
      secretKey: SECRET_KEY,
    });
    assert.equal(req.headers.Authorization, resigned.authorization);
  });

  it('with an endpoint override and tencentSignedHost "vendor": connects to it, signs and sends Tencent Cloud\'s host', async () => {
    const account = { ...tencent, site: 'mainland' as const, endpoint: 'https://gateway.corp.example:8443/tencent' };
    const { transport, byProduct } = sources(account, () => ok({ Status: 'InProgress', TaskId: 'x', StorageFileList: [] }), { tencentSignedHost: 'vendor' });
    await byProduct<TaskIdSource>('trtc-recording').describeTask('x', 'room');
    const req = transport.requests[0];
    assert.equal(req.url, 'https://gateway.corp.example:8443/', 'the connection goes to the gateway');
    assert.equal(req.headers.Host, 'trtc.tencentcloudapi.com', 'the Host the gateway keeps for Tencent Cloud');
    const resigned = tc3Sign({
      method: 'POST',
      canonicalQuery: '',
      headers: [
        ['content-type', 'application/json'],
        ['host', 'trtc.tencentcloudapi.com'],
      ],
      payload: req.body,
      service: 'trtc',
      timestampSec: Number(req.headers['X-TC-Timestamp']),
      secretId: 'AKIDexample',
      secretKey: SECRET_KEY,
    });
    assert.equal(req.headers.Authorization, resigned.authorization);
    // Without an override there is nothing to choose: the vendor's host either way.
    const direct = sources(tencent, () => ok({ Status: 'InProgress', TaskId: 'x', StorageFileList: [] }), { tencentSignedHost: 'vendor' });
    await direct.byProduct<TaskIdSource>('trtc-recording').describeTask('x', 'room');
    assert.equal(direct.transport.requests[0].headers.Host, 'trtc.intl.tencentcloudapi.com');
  });

  it('sends X-TC-Token when the secret carries one', async () => {
    const transport = new FakeTransport(() => ok({ Status: 'InProgress' }));
    const [, relay] = createTaskSources(
      tencent,
      { vendor: 'tencent', secretId: 'id', secretKey: 'k', token: 'sts-token' },
      {
        logger: recordingLogger(),
        transport,
        limiters: new RateLimiterRegistry(),
      },
    );
    await (relay as TaskIdSource).describeTask('t', 'r');
    assert.equal(transport.requests[0].headers['X-TC-Token'], 'sts-token');
  });

  it('finds an id never seen only when TRTC knows it: a relay’s NotExist and an ended recording are "not found"', async () => {
    let answer: Record<string, unknown> = { Status: 'NotExist' };
    const transport = new FakeTransport(() => ok(answer));
    const [recording, relay] = createTaskSources(
      tencent,
      { vendor: 'tencent', secretId: 'id', secretKey: 'k' },
      { logger: recordingLogger(), transport, limiters: new RateLimiterRegistry() },
    );
    assert.equal(await (relay as TaskIdSource).findTask('unknown'), undefined);
    assert.equal((await (relay as TaskIdSource).describeTask('tracked', 'r')).status, 'ended', 'a tracked relay that says NotExist has ended');
    answer = { Status: 'InProgress' };
    assert.equal((await (relay as TaskIdSource).findTask('live'))?.status, 'running');
    const ended = new FakeTransport(() => tcError('FailedOperation', 'task not exist'));
    const [endedRecording] = createTaskSources(
      tencent,
      { vendor: 'tencent', secretId: 'id', secretKey: 'k' },
      { logger: recordingLogger(), transport: ended, limiters: new RateLimiterRegistry() },
    );
    assert.equal(await (endedRecording as TaskIdSource).findTask('gone'), undefined);
    void recording;
  });

  it('refuses an unsupported region before any request, naming the allowed ones', async () => {
    const account = { ...tencent, region: 'ap-guangzhou', productRegions: { 'trtc-recording': 'ap-beijing' } };
    const { transport, byProduct } = sources(account, () => ok({ Status: 'InProgress', TaskId: 'x' }));
    await assert.rejects(byProduct<TaskIdSource>('trtc-relay').describeTask('t', 'r'), (e: MediaApiError) => {
      assert.equal(e.kind, 'invalidInput');
      assert.equal(e.code, 'UnsupportedRegion');
      assert.match(e.message, /ap-bangkok, ap-jakarta, ap-mumbai, ap-singapore/);
      return true;
    });
    assert.equal(transport.requests.length, 0);
    // productRegions wins over the account region.
    await byProduct<TaskIdSource>('trtc-recording').describeTask('x', 'r');
    assert.equal(transport.requests[0].headers['X-TC-Region'], 'ap-beijing');
  });

  it('maps error codes to kinds with hints, and never leaks the secret', async () => {
    const cases: Array<[string, MediaApiError['kind'], boolean]> = [
      ['AuthFailure.SecretIdNotFound', 'auth', false],
      ['AuthFailure.SignatureFailure', 'auth', false],
      ['AuthFailure.InvalidAuthorization', 'auth', false],
      ['AuthFailure.UnauthorizedOperation', 'permission', false],
      ['UnauthorizedOperation', 'permission', false],
      ['RequestLimitExceeded.UinLimitExceeded', 'rateLimit', true],
      ['ResourceNotFound.RoomNotFound', 'notFound', false],
      ['UnsupportedOperation.ServiceNotOpened', 'serviceNotActivated', false],
      ['AuthFailure.UnsupportedOperation', 'unsupported', false],
      ['UnsupportedOperation', 'unsupported', false],
      ['ResourceNotFound.StopService', 'serviceNotActivated', false],
      ['InvalidParameterValue.InvalidBizId', 'invalidInput', false],
      ['MissingParameter.TaskId', 'invalidInput', false],
      ['UnknownParameter', 'invalidInput', false],
      ['InternalError.DBError', 'server', true],
      ['ActionOffline', 'vendor', false],
    ];
    for (const [code, kind] of cases) assert.equal(tencentErrorKind(code), kind, code);
    for (const [code, kind, retryable] of cases.filter(([, k]) => k !== 'notFound')) {
      const { byProduct } = sources(tencent, () => tcError(code, `bad request signed with ${SECRET_KEY}`));
      await assert.rejects(byProduct<TaskIdSource>('trtc-relay').describeTask('t', 'r'), (e: MediaApiError) => {
        assert.equal(e.kind, kind, code);
        assert.equal(e.retryable, retryable, code);
        assert.equal(e.requestId, 'req-e');
        assert.ok(!e.message.includes(SECRET_KEY), e.message);
        return true;
      });
    }
  });

  it('TRTC recording: FailedOperation / ResourceNotFound for a task id mean the task ended', async () => {
    for (const code of ['FailedOperation', 'ResourceNotFound']) {
      const { byProduct } = sources(tencent, () => tcError(code));
      const source = byProduct<TaskIdSource>('trtc-recording');
      await assert.rejects(source.describeTask('t', 'r'), { kind: 'taskEnded', code });
      await source.probe(); // an ended answer proves the key
    }
  });

  it('GME: RoomNotFound reads as "no task in the room"', async () => {
    const { byProduct } = sources(tencent, () => tcError('ResourceNotFound.RoomNotFound'));
    assert.equal(await byProduct<RoomSource>('gme').describeRoom('9'), undefined);
  });

  it('heals clock skew from the Date header once, and keeps the offset for later calls', async () => {
    const serverNow = Date.now() + 20 * 60_000;
    const { transport, byProduct, logger } = sources(tencent, (req) => {
      const ts = Number(req.headers['X-TC-Timestamp']) * 1000;
      return Math.abs(ts - serverNow) > 300_000
        ? { ...tcError('AuthFailure.SignatureExpire'), date: new Date(serverNow).toUTCString() }
        : ok({ Status: 'InProgress' });
    });
    const relay = byProduct<TaskIdSource>('trtc-relay');
    await relay.describeTask('t', 'r');
    await relay.describeTask('t', 'r');
    assert.equal(transport.requests.length, 3);
    assert.ok(logger.lines.some((l) => l.includes('clock skew')));
  });

  it('reports clockSkew when re-signing does not help', async () => {
    const { transport, byProduct } = sources(tencent, () => ({ ...tcError('AuthFailure.SignatureExpire'), date: new Date().toUTCString() }));
    await assert.rejects(byProduct<TaskIdSource>('trtc-relay').describeTask('t', 'r'), { kind: 'clockSkew' });
    assert.equal(transport.requests.length, 2);
  });

  it('retries a rate-limit answer and then succeeds; does not retry auth errors', async () => {
    const flaky = sources(tencent, (_r, i) => (i < 2 ? tcError('RequestLimitExceeded') : ok({ Status: 'InProgress' })));
    assert.equal((await flaky.byProduct<TaskIdSource>('trtc-relay').describeTask('t', 'r')).status, 'running');
    assert.equal(flaky.transport.requests.length, 3);
    const denied = sources(tencent, () => tcError('AuthFailure.SignatureFailure'));
    await assert.rejects(denied.byProduct<TaskIdSource>('trtc-relay').describeTask('t', 'r'), { kind: 'auth' });
    assert.equal(denied.transport.requests.length, 1);
  });

  it('logs tagged lines with the RequestId, and no signature', async () => {
    const { byProduct, logger } = sources(tencent, () => ok({ Status: 'InProgress' }));
    await byProduct<TaskIdSource>('trtc-relay').describeTask('t', 'r');
    assert.match(logger.lines[0], /^\[tencent\] DescribeStreamIngest 200 in \d+ ms: RequestId req-1$/);
  });

  it('an answer without Response is malformed', async () => {
    const { byProduct } = sources(tencent, () => ({ body: '{"ok":true}' }));
    await assert.rejects(byProduct<TaskIdSource>('trtc-relay').describeTask('t', 'r'), { kind: 'malformed', code: 'UnexpectedShape' });
  });
});

describe('CSS listing (scripted transport)', () => {
  const now = Date.UTC(2026, 0, 31, 12);
  const task = (id: string, start: number) => ({
    TaskId: id,
    DomainName: 'push.example.com',
    AppName: 'live',
    StreamName: 's',
    StartTime: start,
    EndTime: start + 60,
    TemplateId: 0,
    Stopped: 0,
  });

  it('walks windows newest first: the last hour and the day ahead, then older ones, each within 7 days, reaching a day past the previous start', () => {
    const start = Date.UTC(2026, 0, 1) / 1000;
    const end = start + 30 * 86400;
    const walk = new NewestFirstWalk(start, end, 500);
    const windows: CssWindow[] = [];
    for (let w: CssWindow | undefined = walk.first(); w; w = walk.next()) {
      windows.push(w);
      walk.counted(100); // 100 new tasks a window
    }
    assert.deepEqual(windows[0], { start: end - 86400 - 3600, end, listedFrom: Number.POSITIVE_INFINITY });
    for (let i = 1; i < windows.length; i++) {
      assert.ok(windows[i].end - windows[i].start <= 7 * 86400, `window ${i} spans at most 7 days`);
      assert.equal(windows[i].listedFrom, windows[i - 1].start, 'older than what was listed');
      assert.equal(windows[i].end, windows[i - 1].start + 86400, 'reaches a day past it, for tasks that straddle');
    }
    assert.equal(windows[windows.length - 1].start, start, 'down to the start');
    // 100 tasks an hour seen in the first window: the second aims at the 400 the load still wants.
    assert.equal(windows[1].start, windows[0].start - 4 * 3600);
    const short = new NewestFirstWalk(start, start + 600, 500);
    assert.deepEqual(short.first(), { start, end: start + 600, listedFrom: Number.POSITIVE_INFINITY });
    assert.equal(short.next(), undefined);
  });

  it('pages newest window first, and ends a window at the first task a newer window listed', async () => {
    const { transport, byProduct } = sources(
      tencent,
      (req) => {
        const p = JSON.parse(req.body) as { ScrollToken?: string; StartTime: number; EndTime: number };
        // Oldest first: a task at the window start, then (second page) one a day later, inside the newer window.
        return p.ScrollToken === undefined
          ? ok({ TaskList: [task(`a${p.StartTime}`, p.StartTime)], ScrollToken: 'next' })
          : ok({ TaskList: [task(`b${p.StartTime}`, p.EndTime - 3600)], ScrollToken: 'more' });
      },
      { now: () => now },
    );
    const source = byProduct<ListingSource>('css');
    const ids: string[] = [];
    for await (const page of source.list({ startMs: now - 3 * DAY, endMs: now })) ids.push(...page.map((t) => t.taskId));
    const params = transport.requests.map((_, i) => transport.params(i));
    assert.equal(params[0].EndTime, now / 1000, 'the newest window first');
    assert.equal(params[0].DomainName, 'push.example.com');
    assert.equal(params[0].ScrollToken, undefined);
    assert.equal(params[1].ScrollToken, 'next');
    for (let i = 2; i < params.length; i++) assert.ok((params[i].StartTime as number) <= (params[i - 1].StartTime as number), 'older and older');
    // The first window's second page is new; in every older window the second page reached tasks already listed, and paging stopped.
    assert.equal(params.filter((p) => p.ScrollToken === 'more' && p.StartTime !== params[0].StartTime).length, 0);
    assert.equal(ids[0], `a${params[0].StartTime as number}`);
    assert.equal(new Set(ids).size, ids.length, 'no task twice');
    assert.equal(params[params.length - 1].StartTime, Math.ceil((now - 3 * DAY) / 1000));
    assert.equal(transport.requests[0].headers['X-TC-Region'], 'ap-singapore');
  });

  it('refuses a start older than 90 days before sending, and accepts the earliest start', async () => {
    const { transport, byProduct } = sources(tencent, () => ok({ TaskList: [], ScrollToken: '' }), { now: () => now });
    const source = byProduct<ListingSource>('css');
    const pages = source.list({ startMs: now - 90 * DAY, endMs: now - 89 * DAY });
    await assert.rejects(pages[Symbol.asyncIterator]().next(), (e: MediaApiError) => {
      assert.equal(e.kind, 'invalidInput');
      assert.match(e.message, /90 days/);
      return true;
    });
    assert.equal(transport.requests.length, 0);
    const earliest = source.earliestStartMs(now);
    assert.ok(earliest > now - 90 * DAY && earliest < now - 89 * DAY);
    for await (const page of source.list({ startMs: earliest, endMs: earliest + DAY })) assert.fail(`no page expected, got ${page.length}`);
    assert.equal(transport.requests.length, 1);
  });

  it('stops sending when the caller breaks out of the loop', async () => {
    const { transport, byProduct } = sources(tencent, (_r, i) => ok({ TaskList: [task(`t${i}`, 1)], ScrollToken: 'more' }), { now: () => now });
    for await (const page of byProduct<ListingSource>('css').list({ startMs: now - DAY, endMs: now })) {
      assert.equal(page.length, 1);
      break;
    }
    assert.equal(transport.requests.length, 1);
  });
});

describe('ZEGO client and listing (scripted transport)', () => {
  const now = Date.UTC(2026, 0, 31, 12);
  const zegoOk = (data: Record<string, unknown>) => ({ body: JSON.stringify({ Code: 0, Message: 'success', RequestId: 'zr', Data: data }) });
  const zegoErr = (code: number) => ({ body: JSON.stringify({ Code: code, Message: 'nope', RequestId: 'zr' }) });

  it('puts the signed common parameters in the query string and the business ones in the body', async () => {
    const { transport, byProduct } = sources(zego, () => zegoOk({ TotalCount: 0, TaskList: [] }), { now: () => now });
    await byProduct<ListingSource>('zego-recording').probe();
    const url = new URL(transport.requests[0].url);
    assert.equal(url.origin, 'https://cloudrecord-api.zego.im');
    const q = Object.fromEntries(url.searchParams);
    assert.equal(q.Action, 'DescribeTasks');
    assert.equal(q.AppId, '12345');
    assert.equal(q.SignatureVersion, '2.0');
    assert.match(q.SignatureNonce, /^[0-9a-f]{16}$/);
    assert.equal(q.Timestamp, String(now / 1000));
    assert.equal(q.Signature, zegoSignature(12345, q.SignatureNonce, SERVER_SECRET, now / 1000));
    assert.deepEqual(transport.params(0), { Status: 2, StartTime: now - 3_600_000, EndTime: now, PageOffset: 1, PageSize: 50 });
  });

  it('"all" queries Status 2 then 3, pages from 1 by 50, dedupes and honours TaskidList', async () => {
    const rows = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ TaskId: `${prefix}${i}`, RoomId: 'r', Status: 2, RecordBeginTimestamp: now - 1000 }));
    const { transport, byProduct } = sources(
      zego,
      (req) => {
        const p = JSON.parse(req.body) as { Status: number; PageOffset: number };
        if (p.Status === 2) return zegoOk({ TotalCount: 60, TaskList: p.PageOffset === 1 ? rows('run', 50) : rows('late', 10) });
        return zegoOk({
          TotalCount: 2,
          TaskidList: [
            { TaskId: 'run0', RoomId: 'r', Status: 3 },
            { TaskId: 'done', RoomId: 'r', Status: 3 },
          ],
        });
      },
      { now: () => now },
    );
    const ids: string[] = [];
    for await (const page of byProduct<ListingSource>('zego-recording').list({ startMs: now - 2 * DAY, endMs: now, room: 'r' })) {
      ids.push(...page.map((t) => t.taskId));
    }
    assert.equal(ids.length, 61);
    assert.ok(ids.includes('done'));
    assert.deepEqual(
      [0, 1, 2].map((i) => [transport.params(i).Status, transport.params(i).PageOffset, transport.params(i).RoomId]),
      [
        [2, 1, 'r'],
        [2, 2, 'r'],
        [3, 1, 'r'],
      ],
    );
    assert.equal(transport.requests.length, 3);
  });

  it('refuses a start older than 3 days before sending', async () => {
    const { transport, byProduct } = sources(zego, () => zegoOk({}), { now: () => now });
    const pages = byProduct<ListingSource>('zego-recording').list({ startMs: now - 3 * DAY, endMs: now });
    await assert.rejects(pages[Symbol.asyncIterator]().next(), {
      kind: 'invalidInput',
      code: 'StartTimeTooOld',
    });
    assert.equal(transport.requests.length, 0);
  });

  it('maps return codes: 100000005 auth, 300000002 not activated, 300000003 retried, 300000004 invalid', async () => {
    const expectKind = async (code: number, kind: MediaApiError['kind'], requests: number) => {
      const { transport, byProduct } = sources(zego, () => zegoErr(code), { now: () => now });
      await assert.rejects(byProduct<ListingSource>('zego-recording').probe(), { kind, code: String(code) });
      assert.equal(transport.requests.length, requests, String(code));
    };
    await expectKind(100000005, 'auth', 1);
    await expectKind(300000002, 'serviceNotActivated', 1);
    await expectKind(300000003, 'rateLimit', DEFAULT_RETRY_POLICY.maxAttempts);
    await expectKind(300000004, 'invalidInput', 1);
  });

  it('heals skew on 100000004 from the Date header', async () => {
    const serverNow = now + 30 * 60_000;
    const { transport, byProduct } = sources(
      zego,
      (req) => {
        const ts = Number(new URL(req.url).searchParams.get('Timestamp')) * 1000;
        return Math.abs(ts - serverNow) > 600_000 ? { ...zegoErr(100000004), date: new Date(serverNow).toUTCString() } : zegoOk({ TaskList: [] });
      },
      { now: () => now },
    );
    await byProduct<ListingSource>('zego-recording').probe();
    assert.equal(transport.requests.length, 2);
  });

  it('cancels: an aborted signal rejects with kind cancelled and sends nothing more', async () => {
    const controller = new AbortController();
    const { transport, byProduct } = sources(
      zego,
      () => zegoOk({ TotalCount: 500, TaskList: Array.from({ length: 50 }, (_, i) => ({ TaskId: `${Math.random()}${i}`, RoomId: 'r', Status: 2 })) }),
      { now: () => now },
    );
    const pages = byProduct<ListingSource>('zego-recording').list({ startMs: now - DAY, endMs: now }, controller.signal);
    const iterator = pages[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort();
    await assert.rejects(iterator.next(), { kind: 'cancelled' });
    assert.equal(transport.requests.length, 1);
  });
});
