/**
 * The ZEGO cloud-recording front door: gateway checks and signature, rate limit (per AppId and action:
 * 10/s for DescribeTasks, 50/s for StopRecord), body, then the action. Answers are HTTP 200 with `Code` (0 = success).
 */
import type { World, ZegoApp } from '../demo/world';
import type { VendorEmulator, VendorReply, VendorRequest } from '../exchange';
import { RateLimiter } from '../rateLimiter';
import { describeRecordStatus } from './describeRecordStatus';
import { describeTasks } from './describeTasks';
import { stopRecord } from './stopRecord';
import { ZEGO_RATE_LIMITED, ZEGO_SYSTEM_ERROR, ZegoApiError, zegoFailure, zegoSuccess } from './errors';
import { verifyZegoRequest } from './verify';

/** DescribeTasks: "Rate limit: 10 requests/second." */
export const ZEGO_RATE_LIMIT = 10;

interface ZegoAction {
  /** Requests per second per AppId, as the action's page says. */
  readonly limit: number;
  readonly handle: (app: ZegoApp, body: Buffer, nowMs: number) => Record<string, unknown>;
}

const ACTIONS: Readonly<Record<string, ZegoAction>> = {
  DescribeTasks: { limit: ZEGO_RATE_LIMIT, handle: describeTasks },
  // "Call frequency limit: 50 times/second."
  StopRecord: { limit: 50, handle: stopRecord },
  // "Call frequency limit: 10 times/second."
  DescribeRecordStatus: { limit: 10, handle: describeRecordStatus },
};

export function zegoEmulator(world: World): VendorEmulator {
  const limiters = new Map(Object.entries(ACTIONS).map(([name, a]) => [name, new RateLimiter(a.limit)]));
  function answer(req: VendorRequest): Record<string, unknown> {
    const { app, action } = verifyZegoRequest(world, req.query, req.nowMs);
    const emulated = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    const limiter = limiters.get(action);
    if (!emulated || !limiter) throw new ZegoApiError(100000007, `unsupported Action: ${action}`);
    if (!limiter.tryTake(`${app.appId}/${action}`, req.arrivalMs)) throw new ZegoApiError(ZEGO_RATE_LIMITED, 'request rate over limit');
    if (req.bodyError) throw new ZegoApiError(100000012, 'failed to read HTTP body');
    return emulated.handle(app, req.body, req.nowMs);
  }
  return {
    actionOf: (req) => req.query.get('Action') || undefined,
    handle(req: VendorRequest): VendorReply {
      try {
        return zegoSuccess(answer(req));
      } catch (err) {
        if (err instanceof ZegoApiError) return zegoFailure(err);
        throw err;
      }
    },
    rateLimitReply: () => zegoFailure(new ZegoApiError(ZEGO_RATE_LIMITED, 'request rate over limit')),
    internalErrorReply: () => zegoFailure(new ZegoApiError(ZEGO_SYSTEM_ERROR, 'system error')),
  };
}
