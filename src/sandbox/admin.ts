/**
 * The admin API under `/_sandbox/` (never subject to faults or rate limits):
 *   GET /_sandbox/demo            demo credentials and current task ids
 *   GET|DELETE /_sandbox/stats    per-action counters / reset them
 *   POST|DELETE /_sandbox/faults  `{ ...FaultSettings, scope?: { action } }` / clear all
 *   POST /_sandbox/bulk           `BulkTaskRequest` → `BulkTaskSet`
 *   POST /_sandbox/callbacks      `{ url, replayFromMs?, hostileStrings? }` registers a loopback callback target
 *   GET|DELETE /_sandbox/callbacks  `{ targets }` with their delivery counts / remove them all
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJsonObject, readBody } from './body';
import { CallbackTargetError } from './callbacks/target';
import { BulkRequestError } from './demo/bulk';
import type { FaultController } from './faults';
import { sendJson } from './respond';
import type { StatsRecorder } from './stats';
import type { BulkTaskRequest, BulkTaskSet, DemoCredentials, FaultScope, SandboxCallbacks } from './types';

export interface AdminDeps {
  readonly demo: () => DemoCredentials;
  readonly faults: FaultController;
  readonly stats: StatsRecorder;
  readonly addBulkTasks: (request: BulkTaskRequest) => BulkTaskSet;
  readonly callbacks: Pick<SandboxCallbacks, 'register' | 'targets' | 'clear'>;
  readonly now: () => number;
}

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const { body, error } = await readBody(req);
  const parsed = error ? undefined : parseJsonObject(body);
  if (!parsed) throw new AdminError(400, 'the body must be a JSON object');
  return parsed;
}

function parseScope(scope: unknown): FaultScope | undefined {
  if (scope === undefined) return undefined;
  const action = (scope as { action?: unknown } | null)?.action;
  if (typeof action !== 'string' || action === '') throw new AdminError(400, 'scope must be { "action": "<name>" }');
  return { action };
}

async function dispatch(deps: AdminDeps, req: IncomingMessage, route: string): Promise<unknown> {
  switch (`${req.method} ${route}`) {
    case 'GET demo':
      return deps.demo();
    case 'GET stats':
      return deps.stats.snapshot();
    case 'DELETE stats':
      deps.stats.reset();
      return { ok: true };
    case 'POST faults': {
      const { scope, ...settings } = await jsonBody(req);
      deps.faults.set(settings, parseScope(scope));
      return { ok: true };
    }
    case 'DELETE faults':
      deps.faults.clear();
      return { ok: true };
    case 'POST bulk':
      return deps.addBulkTasks((await jsonBody(req)) as unknown as BulkTaskRequest);
    case 'POST callbacks': {
      const { url, replayFromMs, hostileStrings } = await jsonBody(req);
      if (typeof url !== 'string') throw new AdminError(400, 'url must be a string such as "http://127.0.0.1:PORT/"');
      if (replayFromMs !== undefined && typeof replayFromMs !== 'number') throw new AdminError(400, 'replayFromMs must be a Unix time in ms');
      if (hostileStrings !== undefined && typeof hostileStrings !== 'boolean') throw new AdminError(400, 'hostileStrings must be true or false');
      // A URL off loopback, or a replay from too long ago, is a CallbackTargetError: 400 with its reason.
      return deps.callbacks.register(url, { replayFromMs, hostileStrings });
    }
    case 'GET callbacks':
      return { targets: deps.callbacks.targets() };
    case 'DELETE callbacks':
      deps.callbacks.clear();
      return { ok: true };
    default:
      throw new AdminError(404, `no admin route ${req.method} /_sandbox/${route}`);
  }
}

export async function handleAdmin(deps: AdminDeps, req: IncomingMessage, res: ServerResponse, route: string): Promise<void> {
  try {
    sendJson(res, 200, await dispatch(deps, req, route), deps.now());
  } catch (err) {
    const status =
      err instanceof AdminError ? err.status : err instanceof BulkRequestError || err instanceof CallbackTargetError || err instanceof RangeError ? 400 : 500;
    sendJson(res, status, { error: err instanceof Error ? err.message : String(err) }, deps.now());
  }
}
