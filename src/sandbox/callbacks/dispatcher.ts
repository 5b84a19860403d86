/**
 * Sends the demo tasks' signed callbacks to the registered targets: every second while there is one
 * (an unref'd timer, so it never keeps a process alive), or when asked with an explicit time. HTTP 200 is
 * delivered; anything else, a refused connection or no answer within the timeout is a failed try that
 * the vendor's retry rule may try again. Runs one delivery pass at a time.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import type { Logger } from '../../model/logger';
import type { World } from '../demo/world';
import type { CallbackTargetOptions, CallbackTargetStats, SandboxCallbacks } from '../types';
import { CallbackTarget, type Delivery } from './target';

const TICK_MS = 1000;
/** A target that has not answered by then has failed the try. */
const REQUEST_TIMEOUT_MS = 5000;

export class CallbackDispatcher implements SandboxCallbacks {
  private readonly byUrl = new Map<string, CallbackTarget>();
  private readonly requests = new Set<ClientRequest>();
  private timer: NodeJS.Timeout | undefined;
  private passes: Promise<void> = Promise.resolve();
  private busy = false;

  constructor(
    private readonly world: World,
    private readonly now: () => number,
    private readonly logger: Logger,
  ) {}

  register(url: string, options: CallbackTargetOptions = {}): CallbackTargetStats {
    const target = new CallbackTarget(url, options, this.now());
    this.byUrl.set(target.url.href, target);
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), TICK_MS);
      this.timer.unref();
    }
    this.logger.info(`sandbox: sending demo callbacks to ${target.url.href}`);
    return target.stats();
  }

  targets(): CallbackTargetStats[] {
    return [...this.byUrl.values()].map((t) => t.stats());
  }

  /** Removes every target, stops the timer and abandons the requests under way. */
  clear(): void {
    this.byUrl.clear();
    clearInterval(this.timer);
    this.timer = undefined;
    for (const req of this.requests) req.destroy();
  }

  deliverDue(nowMs: number = this.now()): Promise<void> {
    const pass = this.passes.then(() => this.deliver(nowMs));
    this.passes = pass.catch(() => undefined);
    return pass;
  }

  private tick(): void {
    // A slow target must not pile up passes: the next tick picks up whatever this one left.
    if (this.busy) return;
    this.deliverDue().catch((err: unknown) => this.logger.error(err instanceof Error ? err : String(err)));
  }

  private async deliver(nowMs: number): Promise<void> {
    this.busy = true;
    try {
      for (const target of this.byUrl.values()) target.enqueue(this.world, nowMs);
      // Again until nothing is due: TRTC's first retry comes at once. A target cleared meanwhile gets no more.
      for (;;) {
        const tries = [...this.byUrl.values()].flatMap((target) => target.takeDue(nowMs).map((delivery) => ({ target, delivery })));
        if (tries.length === 0) return;
        await Promise.all(tries.map(({ target, delivery }) => this.attempt(target, delivery)));
      }
    } finally {
      this.busy = false;
    }
  }

  private async attempt(target: CallbackTarget, delivery: Delivery): Promise<void> {
    const status = await this.post(target.url, delivery);
    const outcome = target.settle(delivery, status);
    const { kind, taskId } = delivery.callback;
    this.logger.debug(`sandbox: ${kind} callback for ${taskId} → ${target.url.href}: ${status ?? 'no answer'} (try ${delivery.tries}, ${outcome})`);
  }

  private post(url: URL, delivery: Delivery): Promise<number | undefined> {
    const { headers, body } = delivery.request;
    return new Promise((resolve) => {
      const req = httpRequest(
        url,
        {
          method: 'POST',
          agent: false,
          timeout: REQUEST_TIMEOUT_MS,
          headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), ...headers },
        },
        (res) => {
          // The status is the answer; the body is read only to free the socket.
          resolve(res.statusCode);
          res.resume();
        },
      );
      this.requests.add(req);
      req.on('close', () => {
        this.requests.delete(req);
        resolve(undefined);
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(undefined));
      req.end(body);
    });
  }
}
