import { strict as assert } from 'node:assert';
import type { TencentDemoApp } from '../../../../src/sandbox';
import { callTencent, clockedSandbox, rawRequest, tencentCode, tencentJson, VERSIONS, type Clocked, type TencentCall } from '../../../fixtures/sandboxCalls';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('sandbox: Tencent TC3 verification and common errors', () => {
  let c: Clocked;
  let app: TencentDemoApp;
  const gme = (extra: Partial<TencentCall> = {}): TencentCall => ({
    action: 'DescribeTaskInfo',
    version: VERSIONS.gme,
    params: { BizId: app.gmeBizId, RoomId: app.gmeRoomIds[0] },
    ...extra,
  });
  const code = async (call: TencentCall) => tencentCode(await callTencent(c.sb, app, call, c.now));

  before(async () => {
    c = await clockedSandbox();
    app = c.sb.demo().tencent[0];
  });
  after(() => c.sb.close());
  // A fresh wall-clock second per test keeps the 20/s limit out of these checks.
  beforeEach(() => {
    c.now += 1000;
  });

  it('accepts a correctly signed POST and answers with a uuid RequestId and the sandbox Date', async () => {
    const res = await callTencent(c.sb, app, gme(), c.now);
    assert.equal(res.status, 200);
    assert.equal(tencentCode(res), 'OK');
    assert.match(tencentJson(res).RequestId, UUID);
    assert.equal(res.headers.date, new Date(c.now).toUTCString());
  });

  it('accepts a signed GET whose query carries the parameters', async () => {
    const res = await callTencent(
      c.sb,
      app,
      { action: 'DescribeStreamIngest', version: VERSIONS.trtc, method: 'GET', params: { SdkAppId: app.trtcSdkAppId, TaskId: app.trtcRelayTaskIds[0] } },
      c.now,
    );
    assert.equal(tencentCode(res), 'OK');
  });

  it('verifies over exactly the SignedHeaders the client chose (x-tc-action too)', async () => {
    assert.equal(await code(gme({ sign: ['content-type', 'host', 'x-tc-action'] })), 'OK');
    // The signed x-tc-action value no longer matches what is sent.
    assert.equal(
      await code(gme({ sign: ['content-type', 'host', 'x-tc-action', 'x-tc-region'], headerOverrides: { 'X-TC-Region': 'ap-tokyo' } })),
      'AuthFailure.SignatureFailure',
    );
  });

  it('accepts host signed with or without the port of the Host header', async () => {
    assert.equal(await code(gme({ host: '127.0.0.1', headerOverrides: { Host: `127.0.0.1:${c.sb.port}` } })), 'OK');
    assert.equal(await code(gme({ host: `127.0.0.1:${c.sb.port}`, service: 'gme' })), 'OK');
    assert.equal(await code(gme({ host: 'gme.tencentcloudapi.com', headerOverrides: { Host: 'live.tencentcloudapi.com' } })), 'AuthFailure.SignatureFailure');
  });

  it('hashes the raw body bytes: a tampered body fails', async () => {
    const sentBody = JSON.stringify({ BizId: app.gmeBizId, RoomId: app.gmeRoomIds[1] });
    assert.equal(await code(gme({ sentBody })), 'AuthFailure.SignatureFailure');
    // Same JSON value, different bytes: still a different signature.
    assert.equal(await code(gme({ sentBody: JSON.stringify({ RoomId: app.gmeRoomIds[0], BizId: app.gmeBizId }) })), 'AuthFailure.SignatureFailure');
  });

  it('rejects a missing or malformed Authorization with AuthFailure.InvalidAuthorization', async () => {
    assert.equal(await code(gme({ headerOverrides: { Authorization: undefined } })), 'AuthFailure.InvalidAuthorization');
    assert.equal(await code(gme({ headerOverrides: { Authorization: 'SKIP' } })), 'AuthFailure.InvalidAuthorization');
    const plain = await rawRequest(c.sb, 'POST', '/', { 'Content-Type': 'application/json' }, '{}');
    assert.equal(tencentCode(plain), 'AuthFailure.InvalidAuthorization');
    assert.match(tencentJson(plain).RequestId, UUID);
  });

  it('rejects an unknown SecretId, a wrong key, and SignedHeaders without content-type', async () => {
    const stranger = { ...app, secretId: 'AKIDnobodyEXAMPLE' };
    assert.equal(tencentCode(await callTencent(c.sb, stranger, gme(), c.now)), 'AuthFailure.SecretIdNotFound');
    assert.equal(await code(gme({ secretKey: 'wrong-key' })), 'AuthFailure.SignatureFailure');
    const res = await callTencent(c.sb, app, gme({ sign: ['host'] }), c.now);
    assert.equal(tencentCode(res), 'AuthFailure.SignatureFailure');
    assert.match(tencentJson(res).Error?.Message ?? '', /content-type and host/);
  });

  it('allows 300 s of clock skew each way and answers SignatureExpire beyond', async () => {
    const nowSec = Math.floor(c.now / 1000);
    assert.equal(await code(gme({ timestampSec: nowSec - 300 })), 'OK');
    assert.equal(await code(gme({ timestampSec: nowSec + 300 })), 'OK');
    assert.equal(await code(gme({ timestampSec: nowSec - 301 })), 'AuthFailure.SignatureExpire');
    assert.equal(await code(gme({ timestampSec: nowSec + 301 })), 'AuthFailure.SignatureExpire');
  });

  it('requires the scope date to be the UTC date of X-TC-Timestamp (the midnight UTC+8 bug)', async () => {
    const nowSec = Math.floor(c.now / 1000);
    // Signed for one timestamp, sent with another a day later in the header: the scope date no longer matches.
    const res = await callTencent(c.sb, app, gme({ timestampSec: nowSec - 86_400, headerOverrides: { 'X-TC-Timestamp': String(nowSec) } }), c.now);
    assert.equal(tencentCode(res), 'AuthFailure.SignatureFailure');
    assert.match(tencentJson(res).Error?.Message ?? '', /UTC date/);
  });

  it('answers InvalidAction, NoSuchVersion, UnsupportedProtocol and MissingParameter for common-parameter mistakes', async () => {
    assert.equal(await code(gme({ action: 'DescribeNothing' })), 'InvalidAction');
    // A real action, but not in the service the credential scope names.
    assert.equal(await code(gme({ service: 'gme', action: 'DescribeRecordTask', version: VERSIONS.live })), 'InvalidAction');
    assert.equal(await code(gme({ version: '2017-03-12' })), 'NoSuchVersion');
    assert.equal(await code(gme({ method: 'PUT' })), 'UnsupportedProtocol');
    assert.equal(await code(gme({ method: 'DELETE' })), 'UnsupportedProtocol');
    assert.equal(await code(gme({ headerOverrides: { 'X-TC-Version': undefined } })), 'MissingParameter');
  });

  it('takes the service from the credential scope, which a Tencent Cloud host must match', async () => {
    assert.equal(await code(gme({ service: 'gme', host: 'gme.intl.tencentcloudapi.com' })), 'OK');
    assert.equal(await code(gme({ service: 'gme', host: 'gme.ap-guangzhou.tencentcloudapi.com' })), 'OK');
    // A signature for another service, or none the vendor knows, is refused at a real host.
    assert.equal(await code(gme({ service: 'trtc', host: 'gme.tencentcloudapi.com' })), 'AuthFailure.SignatureFailure');
    assert.equal(await code(gme({ service: '127', host: 'live.tencentcloudapi.com' })), 'AuthFailure.SignatureFailure');
    assert.equal(await code(gme({ service: '127', host: 'gme.intl.tencentcloudapi.com' })), 'AuthFailure.SignatureFailure');
    // At a loopback address (an endpoint override) the scope names the service...
    assert.equal(await code(gme({ service: 'gme', host: '127.0.0.1:8080' })), 'OK');
    assert.equal(await code(gme({ service: 'cvm', host: '127.0.0.1' })), 'AuthFailure.SignatureFailure');
    // ...with the one documented exception: the official SDK pointed at 127.0.0.1 signs scope "127".
    assert.equal(await code(gme({ service: '127', host: '127.0.0.1' })), 'OK');
  });

  it('verifies an STS key’s X-TC-Token, and needs none for a long-term key', async () => {
    const sts = c.sb.demo().tencent.find((a) => a.token);
    assert.ok(sts, 'a demo app uses STS temporary credentials');
    const taskInfo: TencentCall = { action: 'DescribeTaskInfo', version: VERSIONS.gme, params: { BizId: sts.gmeBizId, RoomId: '1001' } };
    c.now += 1000;
    assert.equal(tencentCode(await callTencent(c.sb, sts, taskInfo, c.now)), 'OK');
    c.now += 1000;
    assert.equal(tencentCode(await callTencent(c.sb, sts, { ...taskInfo, headerOverrides: { 'X-TC-Token': undefined } }, c.now)), 'AuthFailure.TokenFailure');
    c.now += 1000;
    assert.equal(
      tencentCode(await callTencent(c.sb, sts, { ...taskInfo, headerOverrides: { 'X-TC-Token': `${sts.token}x` } }, c.now)),
      'AuthFailure.TokenFailure',
    );
    assert.equal(app.token, undefined);
    assert.equal(await code(gme({})), 'OK');
  });

  it('checks the region against each action page and ignores it for GME', async () => {
    const recording = (region: string | null): TencentCall => ({
      action: 'DescribeCloudRecording',
      version: VERSIONS.trtc,
      region,
      params: { SdkAppId: app.trtcSdkAppId, TaskId: 'x' },
    });
    assert.equal(await code(recording('ap-tokyo')), 'UnsupportedRegion');
    assert.equal(await code(recording(null)), 'MissingParameter');
    assert.equal(
      await code({ action: 'DescribeStreamIngest', version: VERSIONS.trtc, region: 'ap-guangzhou', params: { SdkAppId: 1, TaskId: 'x' } }),
      'UnsupportedRegion',
    );
    assert.equal(
      await code({ action: 'DescribeRecordTask', version: VERSIONS.live, region: 'ap-beijing', params: { StartTime: 1, EndTime: 2 } }),
      'UnsupportedRegion',
    );
    assert.equal(await code(gme({ region: 'xx-nowhere' })), 'OK');
    assert.equal(await code(gme({ region: null })), 'OK');
  });

  it('answers UnknownParameter, MissingParameter.* and InvalidParameter* as the pages document', async () => {
    const rec = (params: Record<string, unknown>): TencentCall => ({ action: 'DescribeCloudRecording', version: VERSIONS.trtc, params });
    const ingest = (params: Record<string, unknown>): TencentCall => ({ action: 'DescribeStreamIngest', version: VERSIONS.trtc, params });
    assert.equal(await code(gme({ params: { BizId: app.gmeBizId, RoomId: 'lobby', Extra: 1 } })), 'UnknownParameter');
    assert.equal(await code(gme({ params: { RoomId: 'lobby' } })), 'MissingParameter');
    assert.equal(await code(gme({ params: { BizId: String(app.gmeBizId), RoomId: 'lobby' } })), 'InvalidParameter');
    assert.equal(await code(gme({ params: { BizId: app.gmeBizId, RoomId: '' } })), 'InvalidParameterValue.InvalidRoomId');
    assert.equal(await code(rec({ TaskId: 'x' })), 'MissingParameter.SdkAppId');
    assert.equal(await code(rec({ SdkAppId: app.trtcSdkAppId })), 'MissingParameter.TaskId');
    assert.equal(await code(rec({ SdkAppId: 'abc', TaskId: 'x' })), 'InvalidParameter.SdkAppId');
    assert.equal(await code(ingest({ TaskId: 'x' })), 'MissingParameter.SdkAppId');
    assert.equal(await code(ingest({ SdkAppId: app.trtcSdkAppId })), 'MissingParameter.TaskId');
    assert.equal(await code(ingest({ SdkAppId: app.trtcSdkAppId, TaskId: 42 })), 'InvalidParameter.TaskId');
  });

  it('rejects a signed body that is not a JSON object, and a POST that is not application/json', async () => {
    const notJson = await callTencent(c.sb, app, gme({ params: [1, 2] as unknown as Record<string, unknown> }), c.now);
    assert.equal(tencentCode(notJson), 'InvalidParameter');
    assert.equal(await code(gme({ contentType: 'text/plain' })), 'InvalidParameter');
    assert.equal(await code(gme({ contentType: 'application/json; charset=utf-8' })), 'OK');
  });
});
