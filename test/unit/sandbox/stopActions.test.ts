/** The sandbox's stop actions on the wire: signatures, CAM, parameter types and per-action rate limits, strictly. */
import { strict as assert } from 'node:assert';
import type { TencentDemoApp, ZegoDemoApp } from '../../../src/sandbox';
import { callTencent, callZego, clockedSandbox, tencentCode, tencentJson, VERSIONS, zegoJson, type Clocked } from '../../fixtures/sandboxCalls';

describe('sandbox: stop actions', () => {
  let c: Clocked;
  let app: TencentDemoApp;
  let zapp: ZegoDemoApp;

  beforeEach(async () => {
    c = await clockedSandbox();
    app = c.sb.demo().tencent[0];
    zapp = c.sb.demo().zego[0];
  });
  afterEach(() => c.sb.close());

  const relayStop = (taskId: string, extra: Record<string, unknown> = {}) =>
    callTencent(c.sb, app, { action: 'StopStreamIngest', version: VERSIONS.trtc, params: { SdkAppId: app.trtcSdkAppId, TaskId: taskId }, ...extra }, c.now);

  it('checks the TC3 signature of a stop before anything else happens', async () => {
    const taskId = app.trtcRelayTaskIds[0];
    assert.equal(tencentCode(await relayStop(taskId, { secretKey: 'x'.repeat(32) })), 'AuthFailure.SignatureFailure');
    assert.equal(
      tencentCode(await relayStop(taskId, { sentBody: JSON.stringify({ SdkAppId: app.trtcSdkAppId, TaskId: 'other' }) })),
      'AuthFailure.SignatureFailure',
    );
  });

  it('CAM refuses stops to the read-only key, naming the operation, and lets it describe', async () => {
    const ro = { ...app, secretId: app.readOnlyKey.secretId, secretKey: app.readOnlyKey.secretKey };
    const denied = tencentJson(
      await callTencent(c.sb, ro, { action: 'DeleteCloudRecording', version: VERSIONS.trtc, params: { SdkAppId: app.trtcSdkAppId, TaskId: 'x' } }, c.now),
    );
    assert.equal(denied.Error?.Code, 'AuthFailure.UnauthorizedOperation');
    assert.match(denied.Error?.Message ?? '', /\(trtc:DeleteCloudRecording\)/);
    const described = await callTencent(
      c.sb,
      ro,
      { action: 'DescribeStreamIngest', version: VERSIONS.trtc, params: { SdkAppId: app.trtcSdkAppId, TaskId: 'x' } },
      c.now,
    );
    assert.equal(tencentCode(described), 'OK');
  });

  it('GME StopRecord takes TaskId as a JSON integer only: a string is InvalidTaskId, an unknown integer TaskNotFound', async () => {
    const signed = (params: Record<string, unknown>, raw?: string) =>
      callTencent(c.sb, app, { action: 'StopRecord', version: VERSIONS.gme, region: null, params, ...(raw ? { sentBody: raw } : {}) }, c.now);
    assert.equal(tencentCode(await signed({ TaskId: '446192236330927912', BizId: app.gmeBizId })), 'InvalidParameterValue.InvalidTaskId');
    assert.equal(tencentCode(await signed({ TaskId: 1, BizId: app.gmeBizId })), 'ResourceNotFound.TaskNotFound');
    assert.equal(tencentCode(await signed({ TaskId: 1, BizId: app.gmeBizId + 1 })), 'InvalidParameterValue.InvalidBizId');
  });

  it('counts the 20/s limit per key and stop action', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 22; i++) codes.push(tencentCode(await relayStop(`unknown-${i}`)));
    assert.equal(codes.filter((code) => code === 'RequestLimitExceeded').length, 2);
    assert.equal(c.sb.stats.snapshot().StopStreamIngest.rateLimited, 2);
  });

  it("ZEGO StopRecord: md5 signature, 50/s (not DescribeTasks' 10/s), 300001000 for an unknown task", async () => {
    assert.equal(zegoJson(await callZego(c.sb, zapp, { action: 'StopRecord', body: { TaskId: 'x' }, serverSecret: '0'.repeat(32) }, c.now)).Code, 100000005);
    const codes: number[] = [];
    for (let i = 0; i < 52; i++) codes.push(zegoJson(await callZego(c.sb, zapp, { action: 'StopRecord', body: { TaskId: `unknown-task-${i}` } }, c.now)).Code);
    assert.equal(codes.filter((code) => code === 300001000).length, 50);
    assert.equal(codes.filter((code) => code === 300000003).length, 2);
    c.now += 1000;
    assert.equal(zegoJson(await callZego(c.sb, zapp, { action: 'StopRecord', body: {} }, c.now)).Code, 300000004);
  });
});
