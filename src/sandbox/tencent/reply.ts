/**
 * Tencent responses: always HTTP 200 with `{"Response": {...}}` and a RequestId; failures carry
 * `Response.Error` (the official Node SDK only reads errors from HTTP 200 bodies).
 */
import { randomUUID } from 'node:crypto';
import type { VendorReply } from '../exchange';
import { stringifyJson } from '../jsonText';
import type { TencentApiError } from './errors';

/** `fields` may hold bigints (GME TaskId); they are written as raw integers. */
export function tencentSuccess(fields: Record<string, unknown>): VendorReply {
  return { json: stringifyJson({ Response: { ...fields, RequestId: randomUUID() } }), outcome: 'Success', rateLimited: false };
}

export function tencentFailure(error: TencentApiError): VendorReply {
  return {
    json: stringifyJson({ Response: { Error: { Code: error.code, Message: error.message }, RequestId: randomUUID() } }),
    outcome: error.code,
    rateLimited: error.code === 'RequestLimitExceeded',
  };
}
