/** ZEGO return codes (gateway-wide 1000000xx, cloud recording 3000xxxxx) and the JSON every answer has. */
import { randomInt } from 'node:crypto';
import type { VendorReply } from '../exchange';

export class ZegoApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** ZEGO request ids are long decimal strings (`2237080460466033406`). */
function zegoRequestId(): string {
  return `${randomInt(1e9, 1e10 - 1)}${randomInt(1e9, 1e10 - 1)}`;
}

export const ZEGO_RATE_LIMITED = 300000003;
export const ZEGO_INVALID_PARAMETER = 300000004;
export const ZEGO_SYSTEM_ERROR = 300010000;

export function zegoSuccess(data: Record<string, unknown>): VendorReply {
  return {
    json: JSON.stringify({ Code: 0, Message: 'success', RequestId: zegoRequestId(), Data: data }),
    outcome: 'Success',
    rateLimited: false,
  };
}

export function zegoFailure(error: ZegoApiError): VendorReply {
  return {
    json: JSON.stringify({ Code: error.code, Message: error.message, RequestId: zegoRequestId() }),
    outcome: String(error.code),
    rateLimited: error.code === ZEGO_RATE_LIMITED,
  };
}
