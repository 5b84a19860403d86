/**
 * Cancellation against the sandbox: aborting a listing or a call stops its requests within a second,
 * wherever it is (a request in flight mid-listing, a stalled body, a retry backoff, the rate-limiter
 * queue). The referee is the sandbox's own request counter, read at the abort and a second later.
 */
import { strict as assert } from 'node:assert';
import type { TencentAccount, ZegoAccount } from '../../../../src/model/account';
import { MediaApiError } from '../../../../src/model/errors';
import { silentLogger } from '../../../../src/model/logger';
import type { ListingSource, TaskIdSource, TaskSource } from '../../../../src/model/taskSource';
import { startSandbox, type FaultSettings, type RunningSandbox } from '../../../../src/sandbox';
import { createTaskSources, type TaskSourceDeps } from '../../../../src/vendors/createTaskSources';
import { ClockOffsets } from '../../../../src/vendors/shared/clockOffsets';
import { RateLimiterRegistry } from '../../../../src/vendors/shared/rateLimiter';
import { DEFAULT_RETRY_POLICY, type RetryDeps } from '../../../../src/vendors/shared/retry';
import { sleep } from '../../../../src/vendors/shared/abort';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Stopped {
  /** From `abort()` to the operation rejecting. */
  readonly latencyMs: number;
  /** Sandbox arrivals for the action at the abort, and one second after the operation rejected. */
  readonly atAbort: number;
  readonly secondLater: number;
}

describe('cancellation stops requests within a second', function () {
  this.timeout(30_000);
  let sb: RunningSandbox;
  const figures: string[] = [];

  before(async () => {
    sb = await startSandbox({ port: 0 });
  });
  after(async () => {
    await sb.close();
    for (const line of figures) console.log(`      ${line}`);
  });
  afterEach(() => {
    sb.faults.clear();
    sb.stats.reset();
  });

  /** Real timing everywhere: process-like limiters, real backoff (long waits: jitter at its top). */
  function deps(extra: Partial<TaskSourceDeps> = {}): TaskSourceDeps {
    const retry: RetryDeps = { policy: DEFAULT_RETRY_POLICY, random: () => 0.99, sleep };
    return { logger: silentLogger, limiters: new RateLimiterRegistry(), clockOffsets: new ClockOffsets(), retry, timeoutMs: 15_000, ...extra };
  }

  function cssBulkSource(): { source: ListingSource; streamName: string } {
    const bulk = sb.addBulkTasks({ product: 'css', count: 2000, startMs: Date.now() - 6 * DAY, endMs: Date.now() - HOUR });
    assert.ok(bulk.product === 'css');
    const account: TencentAccount = {
      id: 'cancel-css',
      label: 'css',
      vendor: 'tencent',
      site: 'intl',
      region: bulk.region,
      endpoint: sb.url,
      cssEnabled: true,
      cssDomain: bulk.domainName,
      cssApp: bulk.appName,
    };
    const [source] = createTaskSources(account, { vendor: 'tencent', secretId: bulk.secretId, secretKey: bulk.secretKey }, deps());
    return { source: source as ListingSource, streamName: bulk.streamName };
  }

  function zegoBulkSource(): { source: ListingSource; roomId: string; startMs: number } {
    const bulk = sb.addBulkTasks({ product: 'zego', count: 1000 });
    assert.ok(bulk.product === 'zego');
    const account: ZegoAccount = { id: 'cancel-zego', label: 'zego', vendor: 'zego', appId: bulk.appId, endpoint: sb.url };
    const [source] = createTaskSources(account, { vendor: 'zego', serverSecret: bulk.serverSecret }, deps());
    return { source: source as ListingSource, roomId: bulk.roomId, startMs: bulk.startMs };
  }

  function trtcRelaySource(extra: Partial<TaskSourceDeps> = {}): TaskIdSource {
    const app = sb.demo().tencent[0];
    const account: TencentAccount = {
      id: 'cancel-trtc',
      label: 't',
      vendor: 'tencent',
      site: 'intl',
      region: app.region,
      endpoint: sb.url,
      trtcSdkAppId: app.trtcSdkAppId,
    };
    const sources: TaskSource[] = createTaskSources(account, { vendor: 'tencent', secretId: app.secretId, secretKey: app.secretKey }, deps(extra));
    return sources.find((s) => s.product === 'trtc-relay') as TaskIdSource;
  }

  const arrivals = (action: string): number => sb.stats.snapshot()[action]?.requests ?? 0;

  /**
   * Starts `operation`, aborts it once `ready` resolves, and measures how fast it rejects (as a
   * `cancelled` MediaApiError) and whether the sandbox saw any request after that.
   */
  async function abortWhen(action: string, operation: (signal: AbortSignal) => Promise<unknown>, ready: () => Promise<void>): Promise<Stopped> {
    const controller = new AbortController();
    const running = operation(controller.signal).then(
      () => assert.fail('the operation finished instead of being cancelled'),
      (error: unknown) => error,
    );
    await ready();
    const atAbort = arrivals(action);
    const abortedAt = performance.now();
    controller.abort();
    const error = await running;
    const latencyMs = performance.now() - abortedAt;
    assert.ok(error instanceof MediaApiError, String(error));
    assert.equal(error.kind, 'cancelled', `${error.code} ${error.message}`);
    await sleep(1000);
    return { latencyMs, atAbort, secondLater: arrivals(action) };
  }

  function report(what: string, stopped: Stopped): void {
    figures.push(
      `cancellation: ${what}: rejected ${Math.round(stopped.latencyMs)} ms after abort(); sandbox requests ${stopped.atAbort} at abort, ${stopped.secondLater} a second later`,
    );
    assert.ok(stopped.latencyMs < 1000, `${what}: ${stopped.latencyMs} ms`);
    assert.equal(stopped.secondLater, stopped.atAbort, `${what}: requests after the abort`);
  }

  const waitUntil = async (condition: () => boolean): Promise<void> => {
    while (!condition()) await sleep(10);
  };

  it('CSS listing aborted mid-page (a request in flight behind 400 ms latency)', async () => {
    const { source, streamName } = cssBulkSource();
    sb.faults.set({ latencyMs: 400 }, { action: 'DescribeRecordTask' });
    let pages = 0;
    const stopped = await abortWhen(
      'DescribeRecordTask',
      async (signal) => {
        for await (const _page of source.list({ startMs: Date.now() - 7 * DAY, endMs: Date.now(), room: streamName }, signal)) pages++;
      },
      async () => {
        await waitUntil(() => pages >= 1 && arrivals('DescribeRecordTask') >= 2);
        await sleep(150); // the second page's request is on the wire
      },
    );
    assert.ok(pages >= 1 && pages < 10, `${pages} pages read before the abort`);
    report('CSS listing mid-page', stopped);
  });

  it('ZEGO listing aborted mid-page (a request in flight behind 400 ms latency)', async () => {
    const { source, roomId, startMs } = zegoBulkSource();
    sb.faults.set({ latencyMs: 400 }, { action: 'DescribeTasks' });
    let pages = 0;
    const stopped = await abortWhen(
      'DescribeTasks',
      async (signal) => {
        for await (const _page of source.list({ startMs, endMs: Date.now(), room: roomId, statuses: 'ended' }, signal)) pages++;
      },
      async () => {
        await waitUntil(() => pages >= 2);
        await sleep(150);
      },
    );
    assert.ok(pages >= 2 && pages < 20, `${pages} pages read before the abort`);
    report('ZEGO listing mid-page', stopped);
  });

  const ONE_CALL: ReadonlyArray<readonly [string, string, Partial<FaultSettings>]> = [
    ['a stalled body (headers and half the JSON, then nothing) with a 15 s timeout', 'stalled body', { stallBody: true }],
    ['a rate-limit storm, aborted during the ~1 s retry backoff', 'retry backoff', { rateLimitStorm: true }],
  ];
  for (const [title, what, faults] of ONE_CALL) {
    it(title, async () => {
      const relay = trtcRelaySource();
      sb.faults.set(faults, { action: 'DescribeStreamIngest' });
      const stopped = await abortWhen(
        'DescribeStreamIngest',
        (signal) => relay.describeTask('any', 'r', signal),
        () => waitUntil(() => arrivals('DescribeStreamIngest') >= 1).then(() => sleep(200)),
      );
      assert.equal(stopped.atAbort, 1, 'aborted during the first attempt or the wait after it');
      report(what, stopped);
    });
  }

  it('60 calls queued in the rate limiter (20/s), aborted together', async () => {
    const relay = trtcRelaySource({ limiters: new RateLimiterRegistry() });
    const stopped = await abortWhen(
      'DescribeStreamIngest',
      (signal) => Promise.all(Array.from({ length: 60 }, (_, i) => relay.describeTask(`task-${i}`, 'r', signal))),
      () => waitUntil(() => arrivals('DescribeStreamIngest') >= 5),
    );
    assert.ok(stopped.atAbort < 60, `${stopped.atAbort} of 60 had started`);
    report('rate-limiter queue', stopped);
  });
});
