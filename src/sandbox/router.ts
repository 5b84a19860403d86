/**
 * One port for everything: `/_sandbox/*` is the admin API; a query string with `Action` and
 * `SignatureVersion` is ZEGO; anything else is Tencent Cloud API 3.0. Faults are applied here,
 * between counting the request and handing it to the vendor emulator.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../model/logger';
import { handleAdmin, type AdminDeps } from './admin';
import { readBody } from './body';
import type { VendorEmulator, VendorRequest } from './exchange';
import type { FaultController } from './faults';
import { send } from './respond';
import type { StatsRecorder } from './stats';

export interface RouterDeps {
  readonly tencent: VendorEmulator;
  readonly zego: VendorEmulator;
  readonly faults: FaultController;
  readonly stats: StatsRecorder;
  readonly admin: AdminDeps;
  readonly now: () => number;
  readonly logger: Logger;
}

const ADMIN_PREFIX = '/_sandbox/';
const BAD_GATEWAY_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function route(deps: RouterDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const arrivalMs = deps.now();
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  if (url.pathname.startsWith(ADMIN_PREFIX)) {
    await handleAdmin(deps.admin, req, res, url.pathname.slice(ADMIN_PREFIX.length));
    return;
  }
  const { body, error } = await readBody(req);
  const query = url.searchParams;
  const vendor = query.has('Action') && query.has('SignatureVersion') ? deps.zego : deps.tencent;
  const received: VendorRequest = {
    method: req.method ?? '',
    rawQuery: url.search.slice(1),
    query,
    headers: req.headers,
    body,
    bodyError: error,
    arrivalMs,
    nowMs: arrivalMs,
  };
  const action = vendor.actionOf(received);
  if (action !== undefined) deps.stats.arrival(action, arrivalMs);

  const f = deps.faults.effective(action);
  const nowMs = arrivalMs + f.clockSkewMs;
  if (f.latencyMs > 0) await sleep(f.latencyMs);
  if (f.resetConnection) {
    req.socket.destroy();
    return;
  }
  if (f.htmlErrorPage) {
    send(res, 502, 'text/html', BAD_GATEWAY_PAGE, nowMs);
    return;
  }
  if (deps.faults.chance(f.http5xx)) {
    send(res, 503, 'text/plain', 'Service Unavailable', nowMs);
    return;
  }
  const reply = f.rateLimitStorm
    ? vendor.rateLimitReply()
    : deps.faults.chance(f.errorRate)
      ? vendor.internalErrorReply()
      : vendor.handle({ ...received, nowMs });
  if (reply.rateLimited && action !== undefined) deps.stats.rateLimited(action);
  deps.logger.debug(`sandbox: ${req.method} ${action ?? '(no action)'} → ${reply.outcome}`);

  if (f.stallBody) {
    // Headers promise the whole body; only half of it ever comes.
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(reply.json), Date: new Date(nowMs).toUTCString() });
    res.write(reply.json.slice(0, Math.floor(reply.json.length / 2)));
    return;
  }
  // Cut mid-document: valid UTF-8, invalid JSON.
  const text = f.malformedJson ? reply.json.slice(0, Math.floor(reply.json.length / 2)) : reply.json;
  send(res, 200, 'application/json', text, nowMs);
}

export function createRouter(deps: RouterDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(deps, req, res).catch((err: unknown) => {
      deps.logger.error(err instanceof Error ? err : String(err));
      if (!res.headersSent) send(res, 500, 'text/plain', 'sandbox internal error', deps.now());
      else res.destroy();
    });
  };
}
