import { strict as assert } from 'node:assert';
import { Agent, request } from 'node:http';
import { startSandbox } from '../../../src/sandbox';
import {
  callTencent,
  callZego,
  clockedSandbox,
  rawRequest,
  tencentCode,
  VERSIONS,
  zegoJson,
  type Clocked,
  type RawResponse,
} from '../../fixtures/sandboxCalls';

describe('sandbox: fault injection and the admin API', () => {
  let c: Clocked;
  const gme = async (): Promise<RawResponse> => {
    c.now += 1000;
    const app = c.sb.demo().tencent[0];
    return callTencent(c.sb, app, { action: 'DescribeTaskInfo', version: VERSIONS.gme, params: { BizId: app.gmeBizId, RoomId: 'lobby' } }, c.now);
  };
  const zego = async () => {
    c.now += 1000;
    return zegoJson(await callZego(c.sb, c.sb.demo().zego[0], { body: { Status: 2, StartTime: c.now - 60_000, EndTime: c.now } }, c.now));
  };

  beforeEach(async () => {
    c = await clockedSandbox();
  });
  afterEach(() => c.sb.close());

  it('adds latency', async () => {
    c.sb.faults.set({ latencyMs: 150 });
    const started = Date.now();
    assert.equal(tencentCode(await gme()), 'OK');
    assert.ok(Date.now() - started >= 140);
  });

  it('answers the vendor internal error at errorRate 1 and a seeded mix at 0.5', async () => {
    c.sb.faults.set({ errorRate: 1 });
    assert.equal(tencentCode(await gme()), 'InternalError');
    assert.equal((await zego()).Code, 300010000);
    c.sb.faults.set({ errorRate: 0.5 });
    const codes = new Set<string>();
    for (let i = 0; i < 30; i++) codes.add(tencentCode(await gme()));
    assert.deepEqual([...codes].sort(), ['InternalError', 'OK']);
  });

  it('storms every request with the rate-limit error, counted in stats', async () => {
    c.sb.faults.set({ rateLimitStorm: true });
    assert.equal(tencentCode(await gme()), 'RequestLimitExceeded');
    assert.equal((await zego()).Code, 300000003);
    assert.equal(c.sb.stats.snapshot().DescribeTaskInfo.rateLimited, 1);
    assert.equal(c.sb.stats.snapshot().DescribeTasks.rateLimited, 1);
  });

  it('sends malformed JSON, an HTML 502 page and HTTP 503s', async () => {
    c.sb.faults.set({ malformedJson: true });
    const cut = await gme();
    assert.equal(cut.status, 200);
    assert.throws(() => JSON.parse(cut.text) as unknown, SyntaxError);
    c.sb.faults.clear();
    c.sb.faults.set({ htmlErrorPage: true });
    const html = await gme();
    assert.equal(html.status, 502);
    assert.match(String(html.headers['content-type']), /^text\/html/);
    assert.match(html.text, /<title>502 Bad Gateway<\/title>/);
    c.sb.faults.clear();
    c.sb.faults.set({ http5xx: 1 });
    assert.equal((await gme()).status, 503);
  });

  it('resets the connection', async () => {
    c.sb.faults.set({ resetConnection: true });
    await assert.rejects(gme(), (err: NodeJS.ErrnoException) => err.code === 'ECONNRESET' || /socket hang up/.test(err.message));
  });

  it('stalls the body after the headers, and close() still returns promptly', async () => {
    c.sb.faults.set({ stallBody: true });
    const app = c.sb.demo().tencent[0];
    const received = await new Promise<{ status: number; length: number; bytes: number; ended: boolean }>((resolve, reject) => {
      // Unsigned on purpose: the stall applies to whatever the answer would have been.
      const req = request(`${c.sb.url}/`, { method: 'POST', agent: false }, (res) => {
        let bytes = 0;
        let ended = false;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => (ended = true));
        res.on('error', () => undefined);
        setTimeout(() => resolve({ status: res.statusCode ?? 0, length: Number(res.headers['content-length']), bytes, ended }), 300);
      });
      req.on('error', reject);
      req.setHeader('Content-Type', 'application/json');
      req.end(JSON.stringify({ BizId: app.gmeBizId, RoomId: 'lobby' }));
    });
    assert.equal(received.status, 200);
    assert.equal(received.ended, false);
    assert.ok(received.bytes > 0 && received.bytes < received.length);
    const started = Date.now();
    await c.sb.close();
    assert.ok(Date.now() - started < 1000);
  });

  it('shifts the sandbox clock: Date header moves and a client on true time gets SignatureExpire', async () => {
    c.sb.faults.set({ clockSkewMs: 10 * 60_000 });
    const res = await gme();
    assert.equal(tencentCode(res), 'AuthFailure.SignatureExpire');
    assert.equal(res.headers.date, new Date(c.now + 10 * 60_000).toUTCString());
  });

  it('limits faults to one action when scoped, and clears them all', async () => {
    c.sb.faults.set({ errorRate: 1 }, { action: 'DescribeTasks' });
    assert.equal(tencentCode(await gme()), 'OK');
    assert.equal((await zego()).Code, 300010000);
    c.sb.faults.clear();
    assert.equal((await zego()).Code, 0);
  });

  it('serves the admin API over HTTP', async () => {
    const demo = await rawRequest(c.sb, 'GET', '/_sandbox/demo', {});
    assert.deepEqual(JSON.parse(demo.text), c.sb.demo());
    const set = await rawRequest(
      c.sb,
      'POST',
      '/_sandbox/faults',
      { 'Content-Type': 'application/json' },
      JSON.stringify({ htmlErrorPage: true, scope: { action: 'DescribeTaskInfo' } }),
    );
    assert.equal(set.status, 200);
    assert.equal((await gme()).status, 502);
    assert.equal((await zego()).Code, 0);
    assert.equal((await rawRequest(c.sb, 'DELETE', '/_sandbox/faults', {})).status, 200);
    assert.equal((await gme()).status, 200);
    const bad = await rawRequest(c.sb, 'POST', '/_sandbox/faults', {}, JSON.stringify({ errorRate: 2 }));
    assert.equal(bad.status, 400);
    assert.equal((await rawRequest(c.sb, 'POST', '/_sandbox/faults', {}, JSON.stringify({ explode: true }))).status, 400);
    assert.equal((await rawRequest(c.sb, 'POST', '/_sandbox/faults', {}, JSON.stringify({ errorRate: 1, scope: 'all' }))).status, 400);
    const stats = JSON.parse((await rawRequest(c.sb, 'GET', '/_sandbox/stats', {})).text) as Record<string, { requests: number }>;
    assert.equal(stats.DescribeTaskInfo.requests, 2);
    assert.equal((await rawRequest(c.sb, 'DELETE', '/_sandbox/stats', {})).status, 200);
    assert.deepEqual(c.sb.stats.snapshot(), {});
    const bulk = await rawRequest(c.sb, 'POST', '/_sandbox/bulk', {}, JSON.stringify({ product: 'zego', count: 10 }));
    assert.equal((JSON.parse(bulk.text) as { roomId: string }).roomId, 'bulk-1');
    assert.equal((await rawRequest(c.sb, 'POST', '/_sandbox/bulk', {}, JSON.stringify({ product: 'vod', count: 1 }))).status, 400);
    assert.equal((await rawRequest(c.sb, 'GET', '/_sandbox/nothing', {})).status, 404);
  });

  it('close() destroys idle keep-alive sockets instead of waiting for them', async () => {
    const sb = await startSandbox();
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      request(`${sb.url}/_sandbox/stats`, { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    const started = Date.now();
    await sb.close();
    agent.destroy();
    assert.ok(Date.now() - started < 1000);
  });
});
