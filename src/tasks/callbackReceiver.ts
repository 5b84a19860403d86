/**
 * The opt-in local callback receiver: an HTTP server on 127.0.0.1 only, for developers who forward
 * their backend's callbacks while debugging. POST bodies up to 64 KB, at most `ratePerSecond`
 * requests a second (a forwarding loop or a flood gets 429, nothing is read), each one through the
 * intake. The answer is 200 `{"code":0}` (what TRTC asks for) for an accepted callback and 4xx with
 * the refusal reason otherwise, so the forwarder's own log says why.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_CALLBACK_BYTES, type ReceivedCallback } from '../model/callback';
import type { Logger } from '../model/logger';
import type { CallbackIntake } from './callbackIntake';

export const RECEIVER_HOST = '127.0.0.1';
export const DEFAULT_RECEIVER_RATE = 20;

export interface ReceiverOptions {
  readonly port: number;
  readonly intake: Pick<CallbackIntake, 'accept'>;
  readonly logger: Logger;
  readonly ratePerSecond?: number;
  readonly now?: () => number;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), Connection: 'close' });
  res.end(text);
}

function readLimited(req: IncomingMessage): Promise<Buffer | 'tooLarge'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CALLBACK_BYTES) {
        tooLarge = true;
        chunks.length = 0;
      } else if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'tooLarge' : Buffer.concat(chunks)));
    req.on('error', () => resolve('tooLarge'));
  });
}

export class CallbackReceiver {
  private windowStart = 0;
  private inWindow = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Listens on 127.0.0.1:`port` (0 picks a free port); rejects when the port is taken. */
  static async start(options: ReceiverOptions): Promise<CallbackReceiver> {
    const now = options.now ?? Date.now;
    const rate = options.ratePerSecond ?? DEFAULT_RECEIVER_RATE;
    // The handler needs the receiver, which needs the listening server.
    const holder: { receiver?: CallbackReceiver } = {};
    const server = createServer((req, res) => {
      void holder.receiver?.handle(req, res, options, rate, now);
    });
    server.headersTimeout = 10_000;
    server.requestTimeout = 15_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, RECEIVER_HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const receiver = new CallbackReceiver(server, `http://${RECEIVER_HOST}:${port}/`);
    holder.receiver = receiver;
    options.logger.info(`[callback] receiver listening on ${receiver.url}`);
    return receiver;
  }

  private allowed(nowMs: number, rate: number): boolean {
    const second = Math.floor(nowMs / 1000);
    if (second !== this.windowStart) {
      this.windowStart = second;
      this.inWindow = 0;
    }
    return ++this.inWindow <= rate;
  }

  private async handle(req: IncomingMessage, res: ServerResponse, options: ReceiverOptions, rate: number, now: () => number): Promise<void> {
    try {
      if (!this.allowed(now(), rate)) {
        req.resume();
        reply(res, 429, { code: 429, message: `more than ${rate} callbacks a second` });
        return;
      }
      if (req.method !== 'POST') {
        req.resume();
        reply(res, 405, { code: 405, message: 'callbacks are POST requests' });
        return;
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_CALLBACK_BYTES) {
        req.resume();
        reply(res, 413, { code: 413, message: `at most ${MAX_CALLBACK_BYTES} bytes` });
        return;
      }
      const body = await readLimited(req);
      if (body === 'tooLarge') {
        reply(res, 413, { code: 413, message: `at most ${MAX_CALLBACK_BYTES} bytes` });
        return;
      }
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value[0] : value;
      const received: ReceivedCallback = { headers, body };
      const result = await options.intake.accept(received, 'receiver');
      if (result.ok) reply(res, 200, { code: 0 });
      else reply(res, 401, { code: 401, message: result.reason });
    } catch (err) {
      options.logger.error('[callback] receiver failed on a request', err);
      if (!res.headersSent) reply(res, 500, { code: 500, message: 'internal error' });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

/**
 * Keeps the receiver as the settings say: started when enabled, moved when the port changes,
 * stopped when disabled or disposed. A failure to listen (the port is taken) is reported, not thrown.
 */
export class ReceiverSwitch {
  private running: { readonly port: number; readonly receiver: Promise<CallbackReceiver | undefined> } | undefined;

  constructor(private readonly options: Omit<ReceiverOptions, 'port'> & { readonly onError: (message: string) => void }) {}

  /** The receiver's URL while it listens. */
  async url(): Promise<string | undefined> {
    return (await this.running?.receiver)?.url;
  }

  async apply(setting: { readonly enabled: boolean; readonly port: number }): Promise<void> {
    if (this.running && setting.enabled && this.running.port === setting.port) return;
    await this.stop();
    if (!setting.enabled) return;
    const receiver = CallbackReceiver.start({ ...this.options, port: setting.port }).catch((err: unknown) => {
      this.options.onError(`The callback receiver could not listen on ${RECEIVER_HOST}:${setting.port}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    });
    this.running = { port: setting.port, receiver };
    await receiver;
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    const receiver = await running?.receiver;
    if (receiver) {
      await receiver.close();
      this.options.logger.info('[callback] receiver stopped');
    }
  }

  dispose(): void {
    void this.stop();
  }
}
