/**
 * A real HTTP proxy on 127.0.0.1 for the proxy tests: absolute-form requests (`POST http://host/…`)
 * are forwarded, CONNECT requests tunnelled. Made-up host names are mapped to loopback ports (never
 * looked up in DNS); any other host is refused with 502, so a request that reaches the mapped target
 * can only have come through this proxy. Every request is recorded, and with `requireAuth` set a
 * request without that Basic Proxy-Authorization is answered 407.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  readonly form: 'absolute' | 'connect';
  /** The host the client asked the proxy for (no port). */
  readonly host: string;
  readonly port: number;
  /** The status the proxy answered with itself (407, 502), or 'forwarded'. */
  readonly outcome: 'forwarded' | number;
  /** The client's Proxy-Connection header, which http-proxy-agent sets and VS Code's agent does not always. */
  readonly proxyConnection?: string;
}

export interface LoopbackProxy {
  readonly url: string;
  readonly port: number;
  readonly seen: ProxiedRequest[];
  /** Host name (lower case) → loopback port it stands for. */
  readonly map: Map<string, number>;
  /** `user:password` the proxy demands, or undefined for none. */
  requireAuth: string | undefined;
  close(): Promise<void>;
}

function target(map: Map<string, number>, host: string): { host: string; port: number } | undefined {
  const port = map.get(host.toLowerCase());
  return port === undefined ? undefined : { host: '127.0.0.1', port };
}

export async function startLoopbackProxy(): Promise<LoopbackProxy> {
  const seen: ProxiedRequest[] = [];
  const map = new Map<string, number>();
  const sockets = new Set<net.Socket>();
  // An agent of its own: VS Code's patched http keeps a caller's agent for 127.0.0.1.
  const upstreamAgent = new http.Agent({ keepAlive: false });
  const proxy: Omit<LoopbackProxy, 'url' | 'port' | 'close'> = { seen, map, requireAuth: undefined };
  const authorized = (header: string | undefined): boolean =>
    proxy.requireAuth === undefined || header === `Basic ${Buffer.from(proxy.requireAuth).toString('base64')}`;

  const server = http.createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('not a proxy request (origin-form)');
      return;
    }
    const port = Number(url.port || 80);
    const record = (outcome: ProxiedRequest['outcome']): void => {
      seen.push({ form: 'absolute', host: url.hostname, port, outcome, proxyConnection: req.headers['proxy-connection'] as string | undefined });
    };
    if (!authorized(req.headers['proxy-authorization'])) {
      record(407);
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="loopback test proxy"', 'content-type': 'text/plain' }).end('Proxy Authentication Required');
      return;
    }
    const to = target(map, url.hostname);
    if (!to) {
      record(502);
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`the test proxy does not know ${url.hostname}`);
      return;
    }
    record('forwarded');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = http.request(
      { host: to.host, port: to.port, method: req.method, path: `${url.pathname}${url.search}`, headers, agent: upstreamAgent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => res.destroy(err));
    req.pipe(upstream);
  });

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const [host = '', portText = '443'] = (req.url ?? '').split(/:(?=\d+$)/);
    const record = (outcome: ProxiedRequest['outcome']): void => {
      seen.push({ form: 'connect', host, port: Number(portText), outcome, proxyConnection: req.headers['proxy-connection'] as string | undefined });
    };
    if (!authorized(req.headers['proxy-authorization'])) {
      record(407);
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="loopback test proxy"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const to = target(map, host);
    if (!to) {
      record(502);
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    record('forwarded');
    const upstream = net.connect(to.port, to.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async (): Promise<void> => {
      for (const socket of sockets) socket.destroy();
      upstreamAgent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
