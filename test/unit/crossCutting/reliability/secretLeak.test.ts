/**
 * Secret-leak proof at the vendor layer. The real sources run every failure class against the
 * sandbox with faults injected (and against a hostile server that echoes the request back), with
 * known secrets. Every `MediaApiError` is rendered every way it can reach a person or a file
 * (message, hint, code, RequestId, stack, summary, String, JSON, util.inspect) and every line the
 * logger got is kept; none may contain a SecretKey, a ServerSecret, an Authorization header, a
 * TC3 credential, or any signature that was actually sent (captured at the transport boundary).
 */
import { errorHint } from '../../../../src/display/hints';
import { plainLocalizer } from '../../../../src/display/localize';
import { strict as assert } from 'node:assert';
import { inspect } from 'node:util';
import type { TencentAccount, ZegoAccount, AccountSecret, Account } from '../../../../src/model/account';
import { MediaApiError } from '../../../../src/model/errors';
import type { Product, Task } from '../../../../src/model/task';
import type { TaskSource } from '../../../../src/model/taskSource';
import { startSandbox, type FaultSettings, type RunningSandbox, type TencentDemoApp, type ZegoDemoApp } from '../../../../src/sandbox';
import { RateLimiterRegistry } from '../../../../src/vendors/shared/rateLimiter';
import { HttpTransport, type Transport, type TransportRequest, type TransportResponse } from '../../../../src/vendors/shared/transport';
import { accountFor, exercise, QUICK_RETRY, RecordingLogger, settleWithin, sourceFor } from '../../../fixtures/fuzz/harness';
import { ScriptedServer } from '../../../fixtures/fuzz/scriptedServer';

/** Records what each request carried that must never come back out: the signatures actually sent. */
class CapturingTransport implements Transport {
  readonly authorizations = new Set<string>();
  readonly signatures = new Set<string>();
  requests = 0;
  private readonly inner = new HttpTransport();

  send(request: TransportRequest): Promise<TransportResponse> {
    this.requests++;
    const authorization = request.headers.Authorization;
    if (authorization) {
      this.authorizations.add(authorization);
      const tc3 = /Signature=([0-9a-f]{64})$/.exec(authorization);
      assert.ok(tc3, `a TC3 Authorization: ${authorization.slice(0, 20)}…`);
      this.signatures.add(tc3[1]);
    }
    const zego = new URL(request.url).searchParams.get('Signature');
    if (zego) this.signatures.add(zego);
    return this.inner.send(request);
  }
}

const WRONG_SECRET_KEY = 'WrongSecretKeyTypedByTheUser0123456789';
const WRONG_SERVER_SECRET = '0123456789abcdef0123456789abcdef';

interface FailureClass {
  readonly name: string;
  readonly faults?: Partial<FaultSettings>;
  readonly timeoutMs?: number;
  /** Local clock offset, ms. */
  readonly localSkewMs?: number;
  readonly secret?: 'wrong' | 'unknownId';
  /** The error kind every target must end with; `healed` means the call must succeed. */
  readonly expect: MediaApiError['kind'] | 'healed';
}

const CLASSES: readonly FailureClass[] = [
  { name: 'wrong SecretKey / ServerSecret', secret: 'wrong', expect: 'auth' },
  { name: 'unknown SecretId / AppId', secret: 'unknownId', expect: 'auth' },
  { name: 'server clock +10 min', faults: { clockSkewMs: 600_000 }, expect: 'healed' },
  { name: 'local clock -10 min', localSkewMs: -600_000, expect: 'healed' },
  { name: 'rate-limit storm', faults: { rateLimitStorm: true }, expect: 'rateLimit' },
  { name: 'HTTP 503 burst', faults: { http5xx: 1 }, expect: 'server' },
  { name: 'vendor internal error', faults: { errorRate: 1 }, expect: 'server' },
  { name: 'connection reset', faults: { resetConnection: true }, expect: 'network' },
  { name: 'stalled body + timeout', faults: { stallBody: true }, timeoutMs: 200, expect: 'timeout' },
  { name: 'latency spike + timeout', faults: { latencyMs: 500 }, timeoutMs: 200, expect: 'timeout' },
  { name: 'truncated JSON', faults: { malformedJson: true }, expect: 'malformed' },
  { name: 'HTML error page', faults: { htmlErrorPage: true }, expect: 'malformed' },
];

const PRODUCTS: readonly Product[] = ['gme', 'trtc-recording', 'trtc-relay', 'css', 'zego-recording'];

/** Every way an error reaches a person, a log or a file. */
function renderings(error: unknown): string[] {
  if (!(error instanceof MediaApiError)) return [inspect(error, { depth: null, showHidden: true })];
  return [
    error.message,
    errorHint(error, plainLocalizer),
    error.code,
    error.requestId ?? '',
    error.stack ?? '',
    error.summary(),
    String(error),
    JSON.stringify(error),
    JSON.stringify({ ...error, message: error.message, stack: error.stack }),
    inspect(error, { depth: null, showHidden: true }),
  ];
}

interface Needles {
  readonly secrets: readonly string[];
  readonly sent: CapturingTransport;
}

/** The forbidden strings found in `texts`, with where; empty when clean. */
function leaks(texts: readonly string[], needles: Needles): string[] {
  const found: string[] = [];
  const literal = [...needles.secrets, ...needles.sent.authorizations, ...needles.sent.signatures];
  const patterns = [/Authorization/i, /TC3-HMAC-SHA256\s+Credential=/, /Credential=/, /\b[0-9a-f]{64}\b/i, /\b[0-9a-f]{32}\b/i];
  texts.forEach((text, i) => {
    for (const value of literal) if (text.includes(value)) found.push(`#${i} contains ${value.slice(0, 12)}…: ${text.slice(0, 160)}`);
    for (const pattern of patterns) if (pattern.test(text)) found.push(`#${i} matches ${pattern}: ${text.slice(0, 160)}`);
  });
  return found;
}

describe('secret-leak proof: every failure class through the real sources', function () {
  this.timeout(60_000);
  let sb: RunningSandbox;
  let app: TencentDemoApp;
  let zapp: ZegoDemoApp;
  const sent = new CapturingTransport();
  const logger = new RecordingLogger();
  const texts: string[] = [];
  const tally = { runs: 0, errors: 0, healed: 0 };

  before(async () => {
    sb = await startSandbox({ port: 0 });
    ({
      tencent: [app],
      zego: [zapp],
    } = sb.demo());
  });
  after(async () => {
    await sb.close();
    console.log(
      `      secrets: ${tally.runs} runs over ${CLASSES.length} failure classes × ${PRODUCTS.length} APIs, ${sent.requests} requests, ` +
        `${sent.signatures.size} signatures captured; ${tally.errors} errors and ${tally.healed} healed results rendered, ` +
        `${logger.lines.length} log lines scanned; leaks ${leaks([...texts, ...logger.lines], needles()).length}`,
    );
  });
  afterEach(() => sb.faults.clear());

  const needles = (): Needles => ({ secrets: [app.secretKey, zapp.serverSecret, WRONG_SECRET_KEY, WRONG_SERVER_SECRET], sent });

  function accountAndSecret(product: Product, c: FailureClass): { account: Account; secret: AccountSecret } {
    if (product === 'zego-recording') {
      const account: ZegoAccount = { id: 'leak-z', label: 'z', vendor: 'zego', appId: c.secret === 'unknownId' ? 4242 : zapp.appId, endpoint: sb.url };
      return { account, secret: { vendor: 'zego', serverSecret: c.secret === 'wrong' ? WRONG_SERVER_SECRET : zapp.serverSecret } };
    }
    const demoApp = { region: app.region, trtcSdkAppId: app.trtcSdkAppId, gmeBizId: app.gmeBizId, cssDomain: app.cssDomain };
    const account: TencentAccount = { ...(accountFor('tencent', sb.url) as TencentAccount), id: 'leak-t', ...demoApp };
    const secretId = c.secret === 'unknownId' ? 'AKIDunknownUnknownUnknownUnknown0000' : app.secretId;
    return { account, secret: { vendor: 'tencent', secretId, secretKey: c.secret === 'wrong' ? WRONG_SECRET_KEY : app.secretKey } };
  }

  /** A source as the UI uses it, but describing the demo's own rooms and task ids. */
  async function run(product: Product, c: FailureClass): Promise<{ tasks?: Task[]; error?: unknown }> {
    const source: TaskSource = sourceFor(product, {
      endpoint: sb.url,
      ...accountAndSecret(product, c),
      transport: sent,
      logger,
      limiters: new RateLimiterRegistry(),
      retry: QUICK_RETRY,
      timeoutMs: c.timeoutMs ?? 3000,
      now: () => Date.now() + (c.localSkewMs ?? 0),
    });
    const settled = await settleWithin(10_000, async (signal) => {
      if (source.kind === 'byRoom') {
        const task = await source.describeRoom(app.gmeRoomIds[0], signal);
        return task ? [task] : [];
      }
      if (source.kind === 'byTaskId') {
        const ids = product === 'trtc-recording' ? app.trtcRecordingTaskIds : app.trtcRelayTaskIds;
        return [await source.describeTask(ids[0] ?? 'no-task', 'room', signal)];
      }
      return exercise(source, signal, 3);
    });
    assert.notEqual(settled.type, 'hang', `${product} under ${c.name} hung`);
    return settled.type === 'tasks' ? { tasks: settled.tasks } : settled.type === 'thrown' ? { error: settled.error } : {};
  }

  for (const c of CLASSES) {
    it(`${c.name}: ${c.expect === 'healed' ? 'heals' : `ends as ${c.expect}`} on every API, and nothing it produced holds a secret or signature`, async () => {
      if (c.faults) sb.faults.set(c.faults);
      const before = texts.length;
      const logBefore = logger.lines.length;
      const outcomes = await Promise.all(PRODUCTS.map(async (product) => [product, await run(product, c)] as const));
      for (const [product, outcome] of outcomes) {
        tally.runs++;
        if (c.expect === 'healed') {
          // `taskEnded`: a demo recording may end between demo() and the call; the key still worked.
          const ok = outcome.tasks !== undefined || (outcome.error instanceof MediaApiError && outcome.error.kind === 'taskEnded');
          assert.ok(ok, `${product}: ${outcome.error instanceof Error ? outcome.error.message : ''}`);
          tally.healed++;
          texts.push(JSON.stringify(outcome.tasks ?? null), ...renderings(outcome.error ?? null));
          continue;
        }
        assert.ok(outcome.error instanceof MediaApiError, `${product} under ${c.name}: ${String(outcome.error ?? 'no error')}`);
        assert.equal(outcome.error.kind, c.expect, `${product}: ${outcome.error.code} ${outcome.error.message}`);
        tally.errors++;
        texts.push(...renderings(outcome.error));
      }
      assert.ok(logger.lines.length > logBefore, 'the run logged');
      assert.deepEqual(leaks([...texts.slice(before), ...logger.lines.slice(logBefore)], needles()), []);
    });
  }

  it('captured what was sent: a TC3 and a ZEGO signature per request, so the scan had real needles', () => {
    assert.ok(sent.authorizations.size > 20, `${sent.authorizations.size} Authorization headers`);
    assert.ok([...sent.signatures].some((s) => s.length === 64) && [...sent.signatures].some((s) => s.length === 32));
    // The needles work: the raw request material would be caught.
    assert.ok(leaks([[...sent.authorizations][0]], needles()).length > 0);
  });

  describe('a hostile server that echoes the request back', () => {
    const echo = new ScriptedServer();
    before(() => echo.start());
    after(() => echo.close());

    for (const product of PRODUCTS) {
      it(`${product}: an Authorization header and signed URL echoed into Code, Message and RequestId do not come out`, async () => {
        echo.serve((request) => {
          const said = `${String(request.headers.authorization ?? '')} ${request.url}`;
          const body =
            product === 'zego-recording'
              ? { Code: 300000003, Message: `echo: ${said}`, RequestId: said }
              : { Response: { Error: { Code: `RequestLimitExceeded.${said}`, Message: `echo: ${said}` }, RequestId: said } };
          return { status: 200, headers: { 'Content-Type': 'application/json' }, body: Buffer.from(JSON.stringify(body)), delivery: 'whole' };
        });
        const echoLogger = new RecordingLogger();
        const { account, secret } = accountAndSecret(product, { name: 'echo', expect: 'rateLimit' });
        const source = sourceFor(product, { endpoint: echo.url, account: { ...account, endpoint: echo.url }, secret, transport: sent, logger: echoLogger });
        const settled = await settleWithin(5000, (signal) => exercise(source, signal, 1));
        assert.equal(settled.type, 'thrown', JSON.stringify(settled).slice(0, 400));
        const error = settled.type === 'thrown' ? settled.error : undefined;
        assert.ok(error instanceof MediaApiError);
        assert.deepEqual(leaks([...renderings(error), ...echoLogger.lines], needles()), []);
      });
    }

    it('trtc-relay and zego-recording: a signature echoed into a successful RequestId does not reach the Task', async () => {
      for (const product of ['trtc-relay', 'zego-recording'] as const) {
        echo.serve((request) => {
          const said = `${String(request.headers.authorization ?? '')} ${request.url}`;
          const task = { TaskId: 'YRHu6-E4IyvEAAAD', RoomId: 'r', Status: 2, RecordBeginTimestamp: Date.now() - 1000 };
          const body =
            product === 'zego-recording'
              ? { Code: 0, Message: 'ok', RequestId: said, Data: { PageOffset: 1, PageSize: 50, TotalCount: 1, TaskList: [task] } }
              : { Response: { Status: 'InProgress', RequestId: said } };
          return { status: 200, headers: { 'Content-Type': 'application/json' }, body: Buffer.from(JSON.stringify(body)), delivery: 'whole' };
        });
        const { account, secret } = accountAndSecret(product, { name: 'echo', expect: 'rateLimit' });
        const source = sourceFor(product, {
          endpoint: echo.url,
          account: { ...account, endpoint: echo.url },
          secret,
          transport: sent,
          logger: new RecordingLogger(),
        });
        const settled = await settleWithin(5000, (signal) => exercise(source, signal, 1));
        assert.equal(settled.type, 'tasks', JSON.stringify(settled).slice(0, 400));
        const tasks = settled.type === 'tasks' ? settled.tasks : [];
        assert.ok(tasks.length > 0 && tasks.every((t) => t.requestId !== undefined), `${product}: the RequestId is kept, masked`);
        assert.deepEqual(leaks([JSON.stringify(tasks)], needles()), [], product);
      }
    });
  });
});
