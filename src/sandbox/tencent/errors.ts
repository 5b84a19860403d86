/** Tencent Cloud API 3.0 errors: a code from the documented lists and a message in the vendor's style. */

const MESSAGES: Readonly<Record<string, string>> = {
  'AuthFailure.InvalidAuthorization': 'The Authorization header is missing or is not in the TC3-HMAC-SHA256 format.',
  'AuthFailure.SecretIdNotFound': 'The SecretId is not found, please ensure that your SecretId is correct.',
  'AuthFailure.SignatureExpire':
    'Signature expired. Please use local time and enable NTP service for time synchronization to avoid a deviation between `Timestamp` and the server time.',
  'AuthFailure.SignatureFailure': 'The provided credentials could not be validated. Please check your signature is correct.',
  InternalError: 'An internal error has occurred. Retry your request, but if the problem persists, contact us.',
  InvalidAction: 'The requested action does not exist.',
  NoSuchVersion: 'The API version does not exist.',
  RequestLimitExceeded: 'Your current request frequency exceeds the limit of 20 requests per second for this API. Please reduce the frequency of calls.',
  RequestSizeLimitExceeded: 'The request body is too large.',
  UnsupportedProtocol: 'The HTTP method is not supported: only GET and POST are.',
  UnsupportedRegion: 'The API does not support the region.',
};

export class TencentApiError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? MESSAGES[code] ?? code);
  }
}
