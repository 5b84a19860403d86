/**
 * A loopback HTTP server that answers every request from a script the test sets per case: status,
 * headers, raw body bytes and how the body is delivered (whole, cut by a socket reset, or stalled).
 * The vendor clients reach it through their endpoint override, so transport, client, readers and
 * normalizers all run for real.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Delivery = 'whole' | 'cut' | 'stall';

export interface ScriptedReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly delivery: Delivery;
}

/** What the server saw of one request. */
export interface SeenRequest {
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** Picks the reply for a request; `index` counts requests since the script was set. */
export type Script = (request: SeenRequest, index: number) => ScriptedReply;

export class ScriptedServer {
  private server: http.Server | undefined;
  private script: Script = () => ({ status: 500, headers: {}, body: Buffer.alloc(0), delivery: 'whole' });
  private seen: SeenRequest[] = [];
  url = '';

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const request: SeenRequest = { url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.seen.push(request);
        deliver(res, this.script(request, this.seen.length - 1));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Sets the script for the next case and forgets the requests seen so far. */
  serve(script: Script): void {
    this.script = script;
    this.seen = [];
  }

  get requests(): readonly SeenRequest[] {
    return this.seen;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

function deliver(res: http.ServerResponse, reply: ScriptedReply): void {
  const half = reply.body.subarray(0, Math.floor(reply.body.length / 2));
  if (reply.delivery === 'whole') {
    res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(reply.body.length) });
    res.end(reply.body);
    return;
  }
  // Both promise the whole body; `cut` then resets the socket, `stall` sends nothing more.
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(reply.body.length) });
  res.write(half);
  if (reply.delivery === 'cut') setImmediate(() => res.socket?.destroy());
}
