/**
 * The transport against a throwaway loopback server: one behaviour per route. These test failure
 * classification of the transport itself, not any vendor API.
 */
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpTransport, type TransportRequest } from '../../../../src/vendors/shared/transport';

const ROUTES: Record<string, (res: http.ServerResponse, req: http.IncomingMessage) => void> = {
  '/json': (res) => {
    res.setHeader('Date', 'Thu, 01 Jan 2026 00:00:00 GMT');
    res.end('{"Response":{"TaskId":446192236330927912}}');
  },
  '/html': (res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end('<html><body>502 Bad Gateway</body></html>');
  },
  '/empty': (res) => res.end(),
  '/truncated': (res) => res.end('{"Response":{"TaskId":4461'),
  '/500': (res) => {
    res.statusCode = 503;
    res.end('{"error":"unavailable"}');
  },
  '/reset': (_res, req) => req.socket.destroy(),
  // Headers and part of a Content-Length body, then the connection is closed (FIN) or reset (RST).
  // Not chunked, so node-fetch v2 alone would wait for the rest of a closed one until the timeout.
  '/closed-mid-body': (res) => {
    res.setHeader('Content-Length', '100');
    res.write('{"Response":', () => setTimeout(() => res.socket?.destroy(), 20));
  },
  '/reset-mid-body': (res) => {
    res.setHeader('Content-Length', '100');
    res.write('{"Response":', () => setTimeout(() => res.socket?.resetAndDestroy(), 20));
  },
  '/stall': (res) => {
    res.setHeader('Content-Length', '100');
    res.write('{"Response":');
  },
};

describe('HttpTransport (loopback server)', () => {
  let server: http.Server;
  let base: string;
  const transport = new HttpTransport();
  const request = (path: string, extra: Partial<TransportRequest> = {}): TransportRequest => ({
    vendor: 'tencent',
    action: 'Test',
    url: `${base}${path}`,
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    timeoutMs: 2000,
    ...extra,
  });

  before(async () => {
    server = http.createServer((req, res) => ROUTES[req.url ?? '']?.(res, req));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('parses JSON losslessly and exposes the Date header', async () => {
    const answer = await transport.send(request('/json'));
    assert.deepEqual(answer.body, { Response: { TaskId: '446192236330927912' } });
    assert.equal(answer.date, 'Thu, 01 Jan 2026 00:00:00 GMT');
    assert.equal(answer.status, 200);
  });

  for (const [path, code] of [
    ['/html', 'HtmlPage'],
    ['/empty', 'EmptyBody'],
    ['/truncated', 'InvalidJson'],
  ]) {
    it(`classifies ${path} as malformed (${code}), not retryable`, async () => {
      await assert.rejects(transport.send(request(path)), { kind: 'malformed', code, retryable: false });
    });
  }

  it('classifies 5xx as a retryable server error', async () => {
    await assert.rejects(transport.send(request('/500')), { kind: 'server', code: 'HTTP503', httpStatus: 503, retryable: true });
  });

  it('classifies a reset connection as a retryable network error', async () => {
    await assert.rejects(transport.send(request('/reset')), { kind: 'network', code: 'ECONNRESET', retryable: true });
  });

  for (const path of ['/closed-mid-body', '/reset-mid-body']) {
    it(`reports ${path} at once as a retryable network error, not a timeout`, async () => {
      const started = Date.now();
      await assert.rejects(transport.send(request(path, { timeoutMs: 10_000 })), { kind: 'network', code: 'ECONNRESET', retryable: true });
      assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
    });
  }

  it('still answers after a connection closed mid-body: the next request on the keep-alive agent succeeds', async () => {
    await assert.rejects(transport.send(request('/closed-mid-body')), { kind: 'network' });
    assert.equal((await transport.send(request('/json'))).status, 200);
  });

  it('classifies a refused connection as a retryable network error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(transport.send(request('', { url: `http://127.0.0.1:${port}/` })), {
      kind: 'network',
      code: 'ECONNREFUSED',
      retryable: true,
    });
  });

  it('times out on a stalled body (the timeout covers reading it)', async () => {
    await assert.rejects(transport.send(request('/stall', { timeoutMs: 150 })), { kind: 'timeout', retryable: true });
  });

  it("reports the caller's abort as cancelled, distinct from a timeout", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(transport.send(request('/stall', { signal: controller.signal })), { kind: 'cancelled', retryable: false });
  });
});
