/**
 * The five stop actions end to end against the sandbox over loopback HTTP: each stops a running demo
 * task, the task's next query shows its vendor's real next state, a second stop gets the vendor's
 * "already over" answer, and the request count at the sandbox proves no stop was sent twice by accident.
 */
import { strict as assert } from 'node:assert';
import type { TencentAccount, ZegoAccount } from '../../../src/model/account';
import { MediaApiError } from '../../../src/model/errors';
import type { Product, Task } from '../../../src/model/task';
import type { ListingSource, RoomSource, TaskIdSource, TaskSource } from '../../../src/model/taskSource';
import type { StopOutcome, TaskStopper } from '../../../src/model/taskStop';
import { startSandbox, type RunningSandbox, type TencentDemoApp, type ZegoDemoApp } from '../../../src/sandbox';
import { createTaskSources, type TaskSourceDeps } from '../../../src/vendors/createTaskSources';
import { createTaskStoppers } from '../../../src/vendors/createTaskStoppers';
import { DEFAULT_RETRY_POLICY } from '../../../src/vendors/shared/retry';
import { sandboxDeps, sandboxTencentAccount, sandboxZegoAccount } from '../../fixtures/sandboxClients';

const MINUTE = 60_000;

describe('stop actions against the sandbox', function () {
  this.timeout(60_000);
  let sb: RunningSandbox;
  let app: TencentDemoApp;
  let zapp: ZegoDemoApp;
  /** Sandbox and clients share one clock that runs in real time from a moment the test can move. */
  let offset = 0;
  const now = (): number => Date.now() + offset;

  beforeEach(async () => {
    offset = 0;
    sb = await startSandbox({ seed: 3, now });
    app = sb.demo().tencent[0];
    zapp = sb.demo().zego[0];
  });
  afterEach(() => sb.close());

  const tencentAccount = (): TencentAccount => sandboxTencentAccount(sb, app);
  const zegoAccount = (): ZegoAccount => sandboxZegoAccount(sb, zapp);
  const deps = (extra: Partial<TaskSourceDeps> = {}): TaskSourceDeps => sandboxDeps({ timeoutMs: 3000, now, ...extra });

  function forProduct(product: Product, extra: Partial<TaskSourceDeps> = {}, secretId = app.secretId, secretKey = app.secretKey) {
    const account = product === 'zego-recording' ? zegoAccount() : tencentAccount();
    const secret =
      product === 'zego-recording' ? { vendor: 'zego' as const, serverSecret: zapp.serverSecret } : { vendor: 'tencent' as const, secretId, secretKey };
    const source = createTaskSources(account, secret, deps(extra)).find((s) => s.product === product) as TaskSource;
    const stopper = createTaskStoppers(account, secret, deps(extra)).find((s) => s.product === product) as TaskStopper;
    return { source, stopper };
  }

  /** The first running task of the product, moving the clock a minute at a time until one runs. */
  async function runningTask(product: Product): Promise<Task> {
    const { source } = forProduct(product);
    for (let step = 0; step < 12; step++) {
      const demo = sb.demo().tencent[0];
      let found: Task | undefined;
      if (source.kind === 'byTaskId') {
        const ids = product === 'trtc-recording' ? demo.trtcRecordingTaskIds : demo.trtcRelayTaskIds;
        for (const id of ids) {
          const t = await (source as TaskIdSource).describeTask(id, demo.trtcTaskRooms[id] ?? '').catch(() => undefined);
          if (t?.status === 'running') found ??= t;
        }
      } else if (source.kind === 'byRoom') {
        for (const room of demo.gmeRoomIds) found ??= await (source as RoomSource).describeRoom(room);
      } else {
        for await (const page of (source as ListingSource).list({ startMs: now() - 86_400_000, endMs: now() + 86_400_000, statuses: 'running' })) {
          found ??= page.find((t) => t.status === 'running');
        }
      }
      if (found) return found;
      offset += MINUTE;
    }
    throw new Error(`no running ${product} task in 12 minutes of demo time`);
  }

  /** The task's state as its own query now reports it. */
  async function describe(product: Product, task: Task): Promise<string> {
    const { source } = forProduct(product);
    if (source.kind === 'byTaskId') {
      return (source as TaskIdSource).describeTask(task.taskId, task.room).then(
        (t) => t.rawStatus,
        (e: MediaApiError) => `error:${e.code}`,
      );
    }
    if (source.kind === 'byRoom') {
      const current = await (source as RoomSource).describeRoom(task.room);
      return current?.taskId === task.taskId ? 'TaskPresent' : 'TaskAbsent';
    }
    for await (const page of (source as ListingSource).list({ startMs: now() - 86_400_000, endMs: now() + 86_400_000 })) {
      const seen = page.find((t) => t.taskId === task.taskId);
      if (seen) return `${seen.status}:${seen.rawStatus}`;
    }
    return 'absent';
  }

  const requests = (action: string): number => sb.stats.snapshot()[action]?.requests ?? 0;

  const cases: ReadonlyArray<{ product: Product; action: string; after: RegExp; again: string }> = [
    { product: 'trtc-recording', action: 'DeleteCloudRecording', after: /^Exited$/, again: 'ResourceNotFound' },
    { product: 'trtc-relay', action: 'StopStreamIngest', after: /^NotExist$/, again: 'FailedOperation.TaskFinished' },
    { product: 'gme', action: 'StopRecord', after: /^TaskAbsent$/, again: 'ResourceNotFound.TaskNotFound' },
    { product: 'css', action: 'StopRecordTask', after: /^ended:Stopped:[1-9]\d+$/, again: 'UnsupportedOperation' },
    { product: 'zego-recording', action: 'StopRecord', after: /^ended:3$/, again: '300001001' },
  ];

  for (const { product, action, after, again } of cases) {
    it(`${product}: ${action} stops a running task once; it moves on; a second stop is the vendor's "already over"`, async () => {
      const task = await runningTask(product);
      const { stopper } = forProduct(product);
      assert.equal(stopper.action, action);
      const before = requests(action);
      const first = await stopper.stop(task);
      assert.equal(first.kind, 'stopped', JSON.stringify(first));
      assert.ok((first as Extract<StopOutcome, { kind: 'stopped' }>).requestId, 'the answer carries a RequestId');
      assert.equal(requests(action) - before, 1, 'one request for one stop');
      assert.match(await describe(product, task), after);
      const second = await stopper.stop(task);
      assert.equal(second.kind, 'alreadyEnded');
      assert.equal((second as Extract<StopOutcome, { kind: 'alreadyEnded' }>).error.code, again);
      assert.equal(requests(action) - before, 2);
    });
  }

  it('TRTC recording: Exited for a few seconds after the stop, then the query fails as for any ended task', async () => {
    const task = await runningTask('trtc-recording');
    await forProduct('trtc-recording').stopper.stop(task);
    assert.equal(await describe('trtc-recording', task), 'Exited');
    offset += 15_000;
    assert.equal(await describe('trtc-recording', task), 'error:ResourceNotFound');
  });

  it('GME: the TaskId goes out as the exact integer; the same id rounded through a double names no task', async () => {
    const task = await runningTask('gme');
    assert.ok(BigInt(task.taskId) > 2n ** 53n);
    const rounded = BigInt(Number(task.taskId)).toString();
    assert.notEqual(rounded, task.taskId, 'the demo id is one a double cannot hold');
    const { stopper } = forProduct('gme');
    const wrong = await stopper.stop({ ...task, taskId: rounded });
    assert.equal(wrong.kind, 'alreadyEnded');
    assert.equal(await describe('gme', task), 'TaskPresent', 'a rounded id stops nothing');
    assert.equal((await stopper.stop(task)).kind, 'stopped');
    assert.equal(await describe('gme', task), 'TaskAbsent');
  });

  it('a timeout is "outcome unknown", sent once; the re-query shows whether the stop happened', async () => {
    const task = await runningTask('trtc-relay');
    sb.faults.set({ latencyMs: 1500 }, { action: 'StopStreamIngest' });
    const { stopper } = forProduct('trtc-relay', { timeoutMs: 300 });
    const outcome = await stopper.stop(task);
    assert.equal(outcome.kind, 'unknown');
    assert.equal((outcome as Extract<StopOutcome, { kind: 'unknown' }>).error.kind, 'timeout');
    await new Promise((r) => setTimeout(r, 1700));
    assert.equal(requests('StopStreamIngest'), 1, 'a timed-out stop is never sent again');
    // The sandbox applied it after all: only the re-query can tell.
    assert.equal(await describe('trtc-relay', task), 'NotExist');
  });

  for (const fault of [{ http5xx: 1 }, { htmlErrorPage: true }, { malformedJson: true }, { errorRate: 1 }, { resetConnection: true }] as const) {
    it(`a lost answer (${Object.keys(fault)[0]}) is "outcome unknown" and is not retried`, async () => {
      const task = await runningTask('zego-recording');
      sb.faults.set(fault, { action: 'StopRecord' });
      const outcome = await forProduct('zego-recording').stopper.stop(task);
      assert.equal(outcome.kind, 'unknown', JSON.stringify(outcome));
      assert.equal(requests('StopRecord'), 1);
    });
  }

  it('a rate-limit rejection (never applied) is the only answer a stop is sent again after', async () => {
    const task = await runningTask('css');
    sb.faults.set({ rateLimitStorm: true }, { action: 'StopRecordTask' });
    const { stopper } = forProduct('css');
    await assert.rejects(stopper.stop(task), (e: MediaApiError) => e.kind === 'rateLimit');
    assert.equal(requests('StopRecordTask'), DEFAULT_RETRY_POLICY.maxAttempts);
    sb.faults.clear();
    assert.equal((await stopper.stop(task)).kind, 'stopped');
  });

  it('the probe stops nothing: the demo key is allowed, the read-only key is denied by CAM, naming the permission', async () => {
    const before = await describe('trtc-recording', await runningTask('trtc-recording'));
    for (const product of ['trtc-recording', 'trtc-relay', 'gme', 'css', 'zego-recording'] as const) {
      assert.deepEqual(await forProduct(product).stopper.probe(), { kind: 'allowed' }, product);
    }
    const ro = app.readOnlyKey;
    for (const product of ['trtc-recording', 'trtc-relay', 'gme', 'css'] as const) {
      const { stopper } = forProduct(product, {}, ro.secretId, ro.secretKey);
      const result = await stopper.probe();
      assert.equal(result.kind, 'denied', product);
      const error = (result as { error: MediaApiError }).error;
      assert.equal(error.code, 'AuthFailure.UnauthorizedOperation');
      assert.ok(error.message.includes(stopper.permission ?? '?'), `${error.message} names ${stopper.permission}`);
    }
    assert.equal(before, 'InProgress');
  });

  it('the read-only key may still describe tasks, and a real stop with it is refused before it is applied', async () => {
    const task = await runningTask('trtc-recording');
    const ro = app.readOnlyKey;
    const { source, stopper } = forProduct('trtc-recording', {}, ro.secretId, ro.secretKey);
    assert.equal((await (source as TaskIdSource).describeTask(task.taskId, task.room)).status, 'running');
    await assert.rejects(stopper.stop(task), (e: MediaApiError) => e.kind === 'permission' && e.code === 'AuthFailure.UnauthorizedOperation');
    assert.equal(await describe('trtc-recording', task), 'InProgress');
  });

  it('regions differ by site: StopRecordTask is mainland ap-guangzhou only, refused locally before any request', async () => {
    const account = { ...tencentAccount(), site: 'mainland' as const, region: 'ap-singapore' };
    const [, , , css] = createTaskStoppers(account, { vendor: 'tencent', secretId: app.secretId, secretKey: app.secretKey }, deps());
    await assert.rejects(css.stop({ ...(await runningTask('css')) }), (e: MediaApiError) => e.code === 'UnsupportedRegion' && /ap-guangzhou$/.test(e.message));
    assert.equal(requests('StopRecordTask'), 0);
  });
});
