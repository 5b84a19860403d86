/**
 * The ZEGO cloud-recording front door: gateway checks and signature, rate limit (10/s per AppId for
 * DescribeTasks), body, then the action. Answers are HTTP 200 with `Code` (0 = success).
 */
import type { World, ZegoApp } from '../demo/world';
import type { VendorEmulator, VendorReply, VendorRequest } from '../exchange';
import { RateLimiter } from '../rateLimiter';
import { describeRecordStatus } from './describeRecordStatus';
import { describeTasks } from './describeTasks';
import { ZEGO_RATE_LIMITED, ZEGO_SYSTEM_ERROR, ZegoApiError, zegoFailure, zegoSuccess } from './errors';
import { verifyZegoRequest } from './verify';

/** The emulated actions; each page says "10 requests/second". */
const ACTIONS: Readonly<Record<string, (app: ZegoApp, body: Buffer, nowMs: number) => Record<string, unknown>>> = {
  DescribeTasks: describeTasks,
  DescribeRecordStatus: describeRecordStatus,
};

/** "Rate limit: 10 requests/second." */
export const ZEGO_RATE_LIMIT = 10;

export function zegoEmulator(world: World): VendorEmulator {
  const limiter = new RateLimiter(ZEGO_RATE_LIMIT);
  function answer(req: VendorRequest): Record<string, unknown> {
    const { app, action } = verifyZegoRequest(world, req.query, req.nowMs);
    const handler = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    if (!handler) throw new ZegoApiError(100000007, `unsupported Action: ${action}`);
    if (!limiter.tryTake(`${app.appId}/${action}`, req.arrivalMs)) throw new ZegoApiError(ZEGO_RATE_LIMITED, 'request rate over limit');
    if (req.bodyError) throw new ZegoApiError(100000012, 'failed to read HTTP body');
    return handler(app, req.body, req.nowMs);
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
