/**
 * The official Node SDK (tencentcloud-sdk-nodejs-common) as an oracle for signing and request shape,
 * pointed at the sandbox both ways the notes describe (vendor-apis.md F.3). It runs on the real clock.
 */
import { strict as assert } from 'node:assert';
import { Agent } from 'node:http';
import type { Socket } from 'node:net';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { startSandbox, type RunningSandbox, type TencentDemoApp } from '../../../../src/sandbox';

type Mode = 'endpoint' | 'agent';

function client(sb: RunningSandbox, app: TencentDemoApp, host: string, version: string, mode: Mode): CommonClient {
  const credential = { secretId: app.secretId, secretKey: app.secretKey };
  if (mode === 'endpoint') {
    // The SDK derives the service from the endpoint: the credential scope says "127".
    return new CommonClient(host, version, {
      credential,
      region: app.region,
      profile: { httpProfile: { protocol: 'http://', endpoint: `127.0.0.1:${sb.port}` } },
    });
  }
  // Keeps the vendor's host name (signed as such) and only redirects the socket.
  const agent = new Agent();
  const create = agent.createConnection.bind(agent) as (options: object, cb?: unknown) => Socket;
  (agent as unknown as { createConnection: (options: object, cb?: unknown) => Socket }).createConnection = (options, cb) =>
    create({ ...options, host: '127.0.0.1', port: sb.port }, cb);
  return new CommonClient(host, version, { credential, region: app.region, profile: { httpProfile: { protocol: 'http://', agent } } });
}

/** The SDK throws TencentCloudSDKHttpException for `Response.Error`; return the code instead. */
async function outcome(promise: Promise<unknown>): Promise<{ code: string; response?: Record<string, unknown> }> {
  try {
    return { code: 'OK', response: (await promise) as Record<string, unknown> };
  } catch (err) {
    return { code: String((err as { code?: string }).code ?? err) };
  }
}

describe('sandbox: official Tencent Cloud SDK interop', () => {
  let sb: RunningSandbox;
  let app: TencentDemoApp;
  before(async () => {
    sb = await startSandbox({ seed: 11 });
    app = sb.demo().tencent[0];
  });
  after(() => sb.close());

  for (const mode of ['endpoint', 'agent'] as const) {
    describe(`${mode === 'endpoint' ? 'endpoint 127.0.0.1:PORT (service "127")' : 'custom agent keeping the real host'}`, () => {
      it('passes verification for GME DescribeTaskInfo', async () => {
        const r = await outcome(
          client(sb, app, 'gme.tencentcloudapi.com', '2018-07-11', mode).request('DescribeTaskInfo', { BizId: app.gmeBizId, RoomId: 'lobby' }),
        );
        assert.equal(r.code, 'OK');
        assert.ok(r.response?.RequestId);
      });

      it('passes verification for TRTC DescribeCloudRecording (ended tasks answer ResourceNotFound)', async () => {
        const trtc = client(sb, app, 'trtc.tencentcloudapi.com', '2019-07-22', mode);
        const codes = await Promise.all(
          sb.demo().tencent[0].trtcRecordingTaskIds.map((TaskId) => outcome(trtc.request('DescribeCloudRecording', { SdkAppId: app.trtcSdkAppId, TaskId }))),
        );
        assert.ok(
          codes.every((r) => r.code === 'OK' || r.code === 'ResourceNotFound'),
          JSON.stringify(codes),
        );
        assert.ok(
          codes.some((r) => r.code === 'OK'),
          'some recording is always live',
        );
      });

      it('passes verification for CSS DescribeRecordTask', async () => {
        const end = Math.floor(Date.now() / 1000);
        const r = await outcome(
          client(sb, app, 'live.tencentcloudapi.com', '2018-08-01', mode).request('DescribeRecordTask', { StartTime: end - 86_400, EndTime: end }),
        );
        assert.equal(r.code, 'OK');
        assert.equal((r.response?.TaskList as unknown[]).length, 100);
      });

      it('still rejects the SDK with a wrong key', async () => {
        const wrong = { ...app, secretKey: 'not-the-key' };
        const r = await outcome(
          client(sb, wrong, 'gme.tencentcloudapi.com', '2018-07-11', mode).request('DescribeTaskInfo', { BizId: app.gmeBizId, RoomId: 'lobby' }),
        );
        assert.equal(r.code, 'AuthFailure.SignatureFailure');
      });
    });
  }
});
