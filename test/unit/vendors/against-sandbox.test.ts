/** Every vendor operation end to end against the in-process sandbox, over real loopback HTTP. */
import { strict as assert } from 'node:assert';
import type { TencentAccount, ZegoAccount } from '../../../src/model/account';
import type { MediaApiError } from '../../../src/model/errors';
import type { ListingSource, RoomSource, TaskIdSource, TaskSource } from '../../../src/model/taskSource';
import type { Task } from '../../../src/model/task';
import { startSandbox, type RunningSandbox, type TencentDemoApp, type ZegoDemoApp } from '../../../src/sandbox';
import { createTaskSources, type TaskSourceDeps } from '../../../src/vendors/createTaskSources';
import { ClockOffsets } from '../../../src/vendors/shared/clockOffsets';
import { listingEndMs, listingStartMs } from '../../../src/tasks/listingWindow';
import { RateLimiterRegistry } from '../../../src/vendors/shared/rateLimiter';
import { DEFAULT_RETRY_POLICY } from '../../../src/vendors/shared/retry';
import { fastRetry, sandboxDeps, sandboxTencentAccount, sandboxZegoAccount } from '../../fixtures/sandboxClients';

const HOUR = 3_600_000;

describe('vendor clients against the sandbox', function () {
  this.timeout(60_000);
  let sb: RunningSandbox;
  let app: TencentDemoApp;
  let zapp: ZegoDemoApp;

  before(async () => {
    sb = await startSandbox({ port: 0 });
    const demo = sb.demo();
    app = demo.tencent[0];
    zapp = demo.zego[0];
  });
  after(() => sb.close());
  afterEach(() => {
    sb.faults.clear();
    sb.stats.reset();
  });

  const tencentAccount = (extra: Partial<TencentAccount> = {}): TencentAccount => sandboxTencentAccount(sb, app, extra);
  const zegoAccount = (): ZegoAccount => sandboxZegoAccount(sb, zapp);

  function tencentSources(extra: Partial<TaskSourceDeps> = {}, secretKey = app.secretKey, account = tencentAccount()) {
    const list = createTaskSources(account, { vendor: 'tencent', secretId: app.secretId, secretKey }, deps(extra));
    return <T extends TaskSource>(product: string): T => list.find((s) => s.product === product) as T;
  }
  function zegoSource(extra: Partial<TaskSourceDeps> = {}, serverSecret = zapp.serverSecret): ListingSource {
    return createTaskSources(zegoAccount(), { vendor: 'zego', serverSecret }, deps(extra))[0] as ListingSource;
  }
  const deps = sandboxDeps;
  async function collect(pages: AsyncIterable<readonly Task[]>): Promise<Task[]> {
    const all: Task[] = [];
    for await (const page of pages) all.push(...page);
    return all;
  }

  it('every product probes successfully with the demo credentials', async () => {
    const sources = createTaskSources(tencentAccount(), { vendor: 'tencent', secretId: app.secretId, secretKey: app.secretKey }, deps({}));
    assert.equal(sources.length, 4);
    for (const source of [...sources, zegoSource()]) await source.probe();
  });

  it('GME: rooms with a task give a u64 TaskId kept exactly as a decimal string', async () => {
    const gme = tencentSources()<RoomSource>('gme');
    const tasks = (await Promise.all(app.gmeRoomIds.map((room) => gme.describeRoom(room)))).filter((t): t is Task => t !== undefined);
    assert.ok(tasks.length > 0, 'the demo has at least one GME room with a task');
    for (const task of tasks) {
      assert.match(task.taskId, /^\d+$/);
      assert.ok(BigInt(task.taskId) > BigInt(Number.MAX_SAFE_INTEGER), task.taskId);
      assert.equal(task.status, 'running');
      assert.equal(task.appId, String(app.gmeBizId));
    }
  });

  it('TRTC recording and relay: current tasks describe; an unknown recording id is taskEnded', async () => {
    const get = tencentSources();
    const recording = get<TaskIdSource>('trtc-recording');
    for (const id of app.trtcRecordingTaskIds) {
      try {
        const task = await recording.describeTask(id, 'room');
        assert.equal(task.taskId, id);
        assert.ok(['starting', 'running', 'stopping'].includes(task.status), task.status);
      } catch (error) {
        assert.equal((error as MediaApiError).kind, 'taskEnded'); // it may have ended since demo() was taken
      }
    }
    await assert.rejects(recording.describeTask('no-such-task', 'room'), { kind: 'taskEnded' });
    const relay = get<TaskIdSource>('trtc-relay');
    for (const id of app.trtcRelayTaskIds) assert.ok(['running', 'ended'].includes((await relay.describeTask(id, 'r')).status));
    assert.equal((await relay.describeTask('no-such-relay', 'r')).status, 'ended');
  });

  it('a region the action does not support is refused locally; the sandbox sees nothing', async () => {
    const get = tencentSources({}, app.secretKey, tencentAccount({ region: 'eu-frankfurt' }));
    await assert.rejects(get<TaskIdSource>('trtc-recording').describeTask('x', 'r'), { kind: 'invalidInput', code: 'UnsupportedRegion' });
    assert.equal(sb.stats.snapshot().DescribeCloudRecording?.requests ?? 0, 0);
  });

  it('wrong key → auth, unknown SecretId → auth, wrong ServerSecret → auth; no secret in the error', async () => {
    await assert.rejects(tencentSources({}, 'x'.repeat(32))<TaskIdSource>('trtc-relay').describeTask('t', 'r'), (e: MediaApiError) => {
      assert.equal(e.kind, 'auth');
      assert.equal(e.code, 'AuthFailure.SignatureFailure');
      assert.ok(e.requestId);
      return true;
    });
    const unknown = createTaskSources(tencentAccount(), { vendor: 'tencent', secretId: 'AKIDunknown', secretKey: app.secretKey }, deps({}));
    await assert.rejects(unknown[0].probe(), { kind: 'auth', code: 'AuthFailure.SecretIdNotFound' });
    await assert.rejects(zegoSource({}, 'f'.repeat(32)).probe(), (e: MediaApiError) => {
      assert.equal(e.kind, 'auth');
      assert.ok(!e.message.includes(zapp.serverSecret));
      return true;
    });
  });

  it('CSS: a bulk set pages by ScrollToken to exactly its count, across a window split', async () => {
    const bulk = sb.addBulkTasks({ product: 'css', count: 1200, startMs: Date.now() - 6 * 24 * HOUR, endMs: Date.now() - HOUR });
    assert.equal(bulk.product, 'css');
    if (bulk.product !== 'css') return;
    const account = tencentAccount({ cssDomain: bulk.domainName, cssApp: bulk.appName, region: bulk.region });
    const list = createTaskSources(account, { vendor: 'tencent', secretId: bulk.secretId, secretKey: bulk.secretKey }, deps({}));
    const css = list.find((s) => s.product === 'css') as ListingSource;
    // Ten days: two windows (7 + 3 days), the bulk tasks in the second.
    const tasks = await collect(css.list({ startMs: Date.now() - 10 * 24 * HOUR, endMs: Date.now(), room: bulk.streamName }));
    assert.equal(tasks.length, 1200);
    assert.equal(new Set(tasks.map((t) => t.taskId)).size, 1200);
    assert.ok(tasks.every((t) => t.status === 'ended' && t.room === bulk.streamName));
    const stats = sb.stats.snapshot().DescribeRecordTask;
    assert.ok(stats.requests > 2, `paged in ${stats.requests} requests`);
    assert.ok(stats.maxPerSecond <= 20, `${stats.maxPerSecond}/s`);
    assert.equal(stats.rateLimited, 0);
  });

  it('ZEGO: a bulk set pages by PageOffset/50 to exactly its count; "running" does not include ended tasks', async () => {
    const bulk = sb.addBulkTasks({ product: 'zego', count: 130 });
    if (bulk.product !== 'zego') return assert.fail('zego bulk expected');
    const account: ZegoAccount = { id: 'bulk', label: 'bulk', vendor: 'zego', appId: bulk.appId, endpoint: sb.url };
    const source = createTaskSources(account, { vendor: 'zego', serverSecret: bulk.serverSecret }, deps({}))[0] as ListingSource;
    const query = { startMs: bulk.startMs, endMs: Date.now(), room: bulk.roomId };
    assert.equal((await collect(source.list({ ...query, statuses: 'ended' }))).length, 130);
    assert.equal((await collect(source.list({ ...query, statuses: 'running' }))).length, 0);
    assert.ok((await collect(zegoSource().list({ startMs: Date.now() - 2 * 24 * HOUR, endMs: Date.now() }))).length > 0);
  });

  it('heals a 20-minute clock skew (Tencent and ZEGO) and keeps the offset', async () => {
    sb.faults.set({ clockSkewMs: 20 * 60_000 });
    const offsets = new ClockOffsets();
    const relay = tencentSources({ clockOffsets: offsets })<TaskIdSource>('trtc-relay');
    await relay.describeTask('t', 'r');
    await relay.describeTask('t', 'r');
    assert.equal(sb.stats.snapshot().DescribeStreamIngest.requests, 3, 'one re-signed request, then the offset is kept');
    assert.ok(Math.abs(offsets.offset(new URL(sb.url).host) - 20 * 60_000) < 5_000);
    await zegoSource({ clockOffsets: new ClockOffsets() }).probe();
  });

  it('CSS: a listing with no room (or an empty one) sends no StreamName, so the API does not refuse it', async () => {
    const css = tencentSources({}, app.secretKey, tencentAccount({ cssApp: '' }))<ListingSource>('css');
    const now = Date.now();
    assert.ok((await collect(css.list({ startMs: now - 24 * HOUR, endMs: now, room: '' }))).length > 0);
  });

  it('lists from the learned clock: with the vendor 15 minutes ahead, the 3-day window stays inside ZEGO’s bound', async () => {
    sb.faults.set({ clockSkewMs: 15 * 60_000 });
    const offsets = new ClockOffsets();
    const source = zegoSource({ clockOffsets: offsets });
    await source.probe(); // refused as expired once, re-signed: the offset is learned
    assert.ok(Math.abs(source.clockOffsetMs() - 15 * 60_000) < 5_000, `offset ${source.clockOffsetMs()}`);
    // The widest window the tree and the ledger ask for (their ZEGO look-back is unbounded).
    const now = Date.now();
    const query = { startMs: listingStartMs(source, now, Number.POSITIVE_INFINITY), endMs: listingEndMs(source, now), statuses: 'all' as const };
    assert.ok(query.startMs > now - 3 * 24 * HOUR + 15 * 60_000, 'the start moved with the vendor clock');
    const tasks = await collect(source.list(query));
    assert.ok(tasks.length > 0, 'ZEGO accepted the window and listed tasks');
  });

  it('maps injected transport faults: HTML page and cut JSON → malformed, reset and 503 → retried then network/server', async () => {
    const relay = tencentSources()<TaskIdSource>('trtc-relay');
    const cases: Array<[Parameters<RunningSandbox['faults']['set']>[0], string, number]> = [
      [{ htmlErrorPage: true }, 'malformed', 1],
      [{ malformedJson: true }, 'malformed', 1],
      [{ resetConnection: true }, 'network', DEFAULT_RETRY_POLICY.maxAttempts],
      [{ http5xx: 1 }, 'server', DEFAULT_RETRY_POLICY.maxAttempts],
      [{ rateLimitStorm: true }, 'rateLimit', DEFAULT_RETRY_POLICY.maxAttempts],
    ];
    for (const [fault, kind, requests] of cases) {
      sb.faults.clear();
      sb.stats.reset();
      sb.faults.set(fault, { action: 'DescribeStreamIngest' });
      await assert.rejects(relay.describeTask('t', 'r'), { kind }, JSON.stringify(fault));
      assert.equal(sb.stats.snapshot().DescribeStreamIngest.requests, requests, JSON.stringify(fault));
    }
  });

  it('a stalled body times out; the caller cancelling is reported as cancelled', async () => {
    sb.faults.set({ stallBody: true });
    const noRetry = { ...fastRetry, policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 } };
    await assert.rejects(tencentSources({ timeoutMs: 300, retry: noRetry })<TaskIdSource>('trtc-relay').describeTask('t', 'r'), { kind: 'timeout' });
    sb.faults.clear();
    sb.faults.set({ latencyMs: 3000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(zegoSource().probe(controller.signal), { kind: 'cancelled' });
  });

  it('the shared limiter keeps every action within its per-second limit, counted at the sandbox', async function () {
    this.timeout(30_000);
    const limiters = new RateLimiterRegistry();
    const relay = tencentSources({ limiters })<TaskIdSource>('trtc-relay');
    const zegoList = zegoSource({ limiters });
    await Promise.all([...Array.from({ length: 50 }, () => relay.describeTask('t', 'r')), ...Array.from({ length: 25 }, () => zegoList.probe())]);
    const stats = sb.stats.snapshot();
    assert.equal(stats.DescribeStreamIngest.requests, 50);
    assert.equal(stats.DescribeStreamIngest.rateLimited, 0);
    assert.ok(stats.DescribeStreamIngest.maxPerSecond <= 20, `${stats.DescribeStreamIngest.maxPerSecond}/s`);
    assert.equal(stats.DescribeTasks.requests, 25);
    assert.equal(stats.DescribeTasks.rateLimited, 0);
    assert.ok(stats.DescribeTasks.maxPerSecond <= 10, `${stats.DescribeTasks.maxPerSecond}/s`);
  });

  it("signs for the host the server checks: the endpoint's (sandbox, private deployment) or Tencent Cloud's (forwarding gateway)", async () => {
    // A sandbox playing a private deployment (only its own host verifies), and one playing Tencent
    // Cloud behind a forwarding gateway (only the vendor's own host verifies).
    const direct = await startSandbox({ port: 0, tencentSignedHost: 'sandbox' });
    const behindGateway = await startSandbox({ port: 0, tencentSignedHost: 'vendor' });
    try {
      const room = app.gmeRoomIds[0]!;
      const ask = (url: string, tencentSignedHost: 'endpoint' | 'vendor') =>
        tencentSources({ tencentSignedHost }, app.secretKey, tencentAccount({ endpoint: url }))<RoomSource>('gme').describeRoom(room);
      await ask(direct.url, 'endpoint');
      await ask(behindGateway.url, 'vendor');
      const refused = async (url: string, mode: 'endpoint' | 'vendor') => {
        const err = (await ask(url, mode).then(
          () => undefined,
          (e: unknown) => e,
        )) as MediaApiError | undefined;
        assert.equal(err?.code, 'AuthFailure.SignatureFailure', `${mode} signing against ${url} was not refused`);
      };
      await refused(direct.url, 'vendor');
      await refused(behindGateway.url, 'endpoint');
    } finally {
      await direct.close();
      await behindGateway.close();
    }
  });
});
