/**
 * ZEGO `Code != 0` → `MediaApiError`, from the cloud-recording return codes
 * (https://www.zegocloud.com/docs/cloud-recording-server/return-codes) and the gateway's common codes
 * (https://www.zegocloud.com/docs/live-streaming-server/api-reference/return-codes).
 */
import { MediaApiError, type ApiErrorKind } from '../../model/errors';
import { isRetryableKind } from '../shared/retry';

const KINDS: ReadonlyMap<number, ApiErrorKind> = new Map<number, ApiErrorKind>([
  [100000004, 'clockSkew'],
  [100000005, 'auth'],
  [100000010, 'auth'],
  [100000001, 'invalidInput'],
  [100000017, 'serviceNotActivated'],
  [300000002, 'serviceNotActivated'],
  [300000003, 'rateLimit'],
  [300000004, 'invalidInput'],
  [300001000, 'notFound'],
  [300001001, 'taskEnded'],
  [100000015, 'server'],
  [300010000, 'server'],
]);

export function zegoErrorKind(code: number): ApiErrorKind {
  return KINDS.get(code) ?? 'vendor';
}

export function zegoApiError(action: string, code: number, message: string, requestId: string | undefined, httpStatus: number): MediaApiError {
  const kind = zegoErrorKind(code);
  return new MediaApiError({
    vendor: 'zego',
    action,
    kind,
    code: String(code),
    message,
    requestId,
    httpStatus,
    retryable: isRetryableKind(kind),
  });
}
