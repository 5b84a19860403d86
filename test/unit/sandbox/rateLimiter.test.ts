import { strict as assert } from 'node:assert';
import { callTencent, callZego, clockedSandbox, tencentCode, VERSIONS, zegoJson, type Clocked } from '../../fixtures/sandboxCalls';

describe('sandbox: vendor rate limits, counted by the stats referee', () => {
  let c: Clocked;
  beforeEach(async () => {
    c = await clockedSandbox();
    // Mid-second, so the 25 requests below share one wall-clock second.
    c.now += 100;
  });
  afterEach(() => c.sb.close());

  it('lets 20 Tencent requests per second per action and credential through and rejects exactly the excess', async () => {
    const app = c.sb.demo().tencent[0];
    const second = String(Math.floor(c.now / 1000));
    const codes = await Promise.all(
      Array.from({ length: 25 }, () =>
        callTencent(c.sb, app, { action: 'DescribeTaskInfo', version: VERSIONS.gme, params: { BizId: app.gmeBizId, RoomId: 'lobby' } }, c.now).then(
          tencentCode,
        ),
      ),
    );
    assert.equal(codes.filter((code) => code === 'OK').length, 20);
    assert.equal(codes.filter((code) => code === 'RequestLimitExceeded').length, 5);
    const stats = c.sb.stats.snapshot().DescribeTaskInfo;
    assert.equal(stats.requests, 25);
    assert.equal(stats.rateLimited, 5);
    assert.equal(stats.maxPerSecond, 25);
    assert.deepEqual(stats.perSecond, { [second]: 25 });

    // Another credential and another action have budgets of their own; the next second starts afresh.
    const other = c.sb.demo().tencent[1];
    const otherCode = await callTencent(
      c.sb,
      other,
      { action: 'DescribeTaskInfo', version: VERSIONS.gme, params: { BizId: other.gmeBizId, RoomId: '1001' } },
      c.now,
    );
    assert.equal(tencentCode(otherCode), 'OK');
    const relay = await callTencent(
      c.sb,
      app,
      { action: 'DescribeStreamIngest', version: VERSIONS.trtc, params: { SdkAppId: app.trtcSdkAppId, TaskId: 'x' } },
      c.now,
    );
    assert.equal(tencentCode(relay), 'OK');
    c.now += 1000;
    const next = await callTencent(c.sb, app, { action: 'DescribeTaskInfo', version: VERSIONS.gme, params: { BizId: app.gmeBizId, RoomId: 'lobby' } }, c.now);
    assert.equal(tencentCode(next), 'OK');
  });

  it('lets 10 ZEGO DescribeTasks per second per AppId through and answers 300000003 beyond', async () => {
    const app = c.sb.demo().zego[0];
    const body = { Status: 2, StartTime: c.now - 3_600_000, EndTime: c.now };
    const codes = await Promise.all(Array.from({ length: 15 }, () => callZego(c.sb, app, { body }, c.now).then((r) => zegoJson(r).Code)));
    assert.equal(codes.filter((code) => code === 0).length, 10);
    assert.equal(codes.filter((code) => code === 300000003).length, 5);
    const stats = c.sb.stats.snapshot().DescribeTasks;
    assert.equal(stats.requests, 15);
    assert.equal(stats.rateLimited, 5);
    c.sb.stats.reset();
    assert.deepEqual(c.sb.stats.snapshot(), {});
  });

  it('does not spend the budget on requests that fail authentication', async () => {
    const app = c.sb.demo().tencent[0];
    const call = (secretKey?: string) =>
      callTencent(c.sb, app, { action: 'DescribeTaskInfo', version: VERSIONS.gme, params: { BizId: app.gmeBizId, RoomId: 'lobby' }, secretKey }, c.now).then(
        tencentCode,
      );
    const bad = await Promise.all(Array.from({ length: 30 }, () => call('wrong')));
    assert.ok(bad.every((code) => code === 'AuthFailure.SignatureFailure'));
    assert.equal(await call(), 'OK');
    assert.equal(c.sb.stats.snapshot().DescribeTaskInfo.requests, 31);
  });
});
