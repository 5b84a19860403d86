/**
 * What the user can do about a failure: one short sentence, chosen here from the error's kind, vendor
 * and code (the vendor layer classifies; it does not word advice), so every hint is localized.
 */
import type { ApiErrorKind, MediaApiError } from '../model/errors';
import type { Localizer } from './localize';

type HintSource = Pick<MediaApiError, 'vendor' | 'kind' | 'code'>;

/** Codes our own layers raise before or instead of a vendor call. */
function codeHint(code: string, l10n: Localizer): string | undefined {
  switch (code) {
    case 'Cancelled':
      return l10n.t('Try again.');
    case 'Unexpected':
      return l10n.t('Try again; the log has details.');
    case 'NotListed':
      return l10n.t('The last snapshot is kept; Forget removes it.');
    case 'ProductNotConfigured':
      return l10n.t('Edit the account to add the product’s application id.');
    case 'UnknownAccount':
      return l10n.t('Refresh the view.');
    case 'MissingCredentials':
      return l10n.t('Re-enter the credentials.');
    case 'InvalidTimeRange':
      return l10n.t('Pick an end time after the start time.');
    case 'StartTimeTooOld':
      return l10n.t('Pick a start time the vendor still answers for (see the message).');
    case 'InvalidTaskId':
      return l10n.t('Stop the task from its room row.');
    case 'UnsupportedRegion':
      return l10n.t('Set the product’s region to one the message lists.');
    case 'ProxyAuthenticationRequired':
      return l10n.t('The proxy in the http.proxy setting refused the request: check the proxy user name and password.');
    default:
      return undefined;
  }
}

function tencentHint(kind: ApiErrorKind, l10n: Localizer): string | undefined {
  switch (kind) {
    case 'auth':
      return l10n.t('Tencent Cloud rejected the key: check the SecretId and SecretKey (no spaces; the key may be disabled or deleted).');
    case 'permission':
      return l10n.t('The key lacks permission for this API: grant it in CAM (Cloud Access Management).');
    case 'clockSkew':
      return l10n.t("Tencent Cloud says the request time is more than 5 minutes off; synchronize this computer's clock (NTP).");
    case 'serviceNotActivated':
      return l10n.t('The service is not activated, suspended or in arrears for this account; check the Tencent Cloud console.');
    case 'server':
      return l10n.t('Tencent Cloud had an internal error; try again later.');
    case 'vendor':
      return l10n.t("See Tencent Cloud's message.");
    default:
      return undefined;
  }
}

function zegoHint(kind: ApiErrorKind, l10n: Localizer): string | undefined {
  switch (kind) {
    case 'auth':
      return l10n.t('ZEGO rejected the signature: check the AppId and ServerSecret.');
    case 'clockSkew':
      return l10n.t("ZEGO says the request time is more than 10 minutes off; synchronize this computer's clock (NTP).");
    case 'serviceNotActivated':
      return l10n.t('Cloud recording is not activated for this AppId; enable it in the ZEGO console.');
    case 'taskEnded':
      return l10n.t('The recording task has already stopped.');
    case 'server':
      return l10n.t('ZEGO had an internal error; try again later.');
    case 'vendor':
      return l10n.t("See ZEGO's message.");
    default:
      return undefined;
  }
}

function kindHint(kind: ApiErrorKind, l10n: Localizer): string {
  switch (kind) {
    case 'auth':
      return l10n.t('The credentials were rejected; check the key and secret.');
    case 'permission':
      return l10n.t('The key is valid but not allowed to call this API; grant the permission.');
    case 'clockSkew':
      return l10n.t("This computer's clock is too far off; synchronize it (NTP) and try again.");
    case 'rateLimit':
      return l10n.t('Too many requests; the extension slows down and tries again.');
    case 'timeout':
      return l10n.t('The service did not answer in time; try again, or check the network and proxy settings.');
    case 'network':
      return l10n.t('Check the network connection, the proxy setting and the endpoint.');
    case 'cancelled':
      return l10n.t('The request was cancelled.');
    case 'malformed':
      return l10n.t("The answer was not the API's JSON; check the endpoint and proxy settings.");
    case 'server':
      return l10n.t('The service had a problem; try again later.');
    case 'invalidInput':
      return l10n.t('A parameter was rejected; check the account settings and the query.');
    case 'notFound':
      return l10n.t('The room or task does not exist (any more).');
    case 'taskEnded':
      return l10n.t('The task has ended, so the vendor no longer answers for it; its last snapshot is kept.');
    case 'serviceNotActivated':
      return l10n.t('The product is not activated (or is suspended) for this account; enable it in the console.');
    case 'unsupported':
      return l10n.t('This operation is not supported for this account or API (the credentials themselves were accepted).');
    case 'vendor':
      return l10n.t("See the vendor's message.");
  }
}

/** The most specific hint: our own code, then the vendor's wording for the kind, then the kind's. */
export function errorHint(error: HintSource, l10n: Localizer): string {
  return codeHint(error.code, l10n) ?? (error.vendor === 'tencent' ? tencentHint(error.kind, l10n) : zegoHint(error.kind, l10n)) ?? kindHint(error.kind, l10n);
}
