/**
 * Tencent Cloud `Response.Error` → `MediaApiError`. Kinds follow the code families of the common
 * error-code list (https://www.tencentcloud.com/document/product/213/33281#common-error-codes; TRTC's
 * https://cloud.tencent.com/document/api/647/37089) and each action's documented codes.
 */
import { MediaApiError, type ApiErrorKind } from '../../model/errors';
import { isRetryableKind } from '../shared/retry';

/** Ordered: the first matching rule wins, so specific codes precede their family. */
const RULES: ReadonlyArray<readonly [RegExp, ApiErrorKind]> = [
  [/^AuthFailure\.SignatureExpire$/, 'clockSkew'],
  // An operation the account or API does not support, not a key problem, whatever its family.
  [/^AuthFailure\.UnsupportedOperation$/, 'unsupported'],
  [/^(AuthFailure\.)?UnauthorizedOperation(\.|$)|^AuthFailure\.UnRealNameAuthenticated$/, 'permission'],
  [/^AuthFailure(\.|$)/, 'auth'],
  [/^RequestLimitExceeded(\.|$)/, 'rateLimit'],
  [/^UnsupportedOperation\.ServiceNotOpened$|^ResourceNotFound\.(StopService|FreezeService|ForbidService|UserDisableService)$/, 'serviceNotActivated'],
  [/^ResourceNotFound(\.|$)|^FailedOperation\.TaskNotExist$/, 'notFound'],
  [/^(InvalidParameter|InvalidParameterValue|MissingParameter|UnknownParameter)(\.|$)|^UnsupportedRegion$|^InvalidAction$|^NoSuchVersion$/, 'invalidInput'],
  [/^(InternalError|ServiceUnavailable)(\.|$)/, 'server'],
  [/^UnsupportedOperation(\.|$)/, 'unsupported'],
];

export function tencentErrorKind(code: string): ApiErrorKind {
  return RULES.find(([pattern]) => pattern.test(code))?.[1] ?? 'vendor';
}

export function tencentApiError(action: string, code: string, message: string, requestId: string | undefined, httpStatus: number): MediaApiError {
  const kind = tencentErrorKind(code);
  return new MediaApiError({
    vendor: 'tencent',
    action,
    kind,
    code,
    message,
    requestId,
    httpStatus,
    retryable: isRetryableKind(kind),
  });
}

/** The same error with another kind, for per-action meanings of a code. */
export function withKind(error: MediaApiError, kind: ApiErrorKind): MediaApiError {
  return new MediaApiError({ ...error, message: error.message, kind, retryable: isRetryableKind(kind) });
}
