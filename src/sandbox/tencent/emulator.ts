/**
 * The Tencent Cloud API 3.0 front door, checks in the gateway's order: method, Authorization format,
 * common headers, action, SecretId, credential date, clock skew, signature, version, rate limit,
 * region, body, parameters. Every failure is HTTP 200 with `Response.Error`.
 */
import type { TencentService } from '../../vendors/tencent/actions';
import { parseAuthorization, utcDate } from '../../vendors/tencent/sign';
import { tencentKeyBySecretId, type World } from '../demo/world';
import type { VendorEmulator, VendorReply, VendorRequest } from '../exchange';
import { parseJsonObjectLossless } from '../jsonText';
import { RateLimiter } from '../rateLimiter';
import type { TencentAction } from './action';
import { isTencentService, resolveAction } from './actions';
import { TencentApiError } from './errors';
import { readParams } from './params';
import { tencentFailure, tencentSuccess } from './reply';
import { headerValue, verifyTc3Signature } from './verify';

/** "Timestamp ... cannot differ by more than five minutes." */
export const TENCENT_MAX_SKEW_SEC = 300;
/** Every action's page: "A maximum of 20 requests can be initiated per second for this API." */
export const TENCENT_RATE_LIMIT = 20;

function requiredHeader(req: VendorRequest, name: string, param: string): string {
  const value = headerValue(req.headers, name)?.trim();
  if (!value) throw new TencentApiError('MissingParameter', `The request is missing a required parameter \`${param}\`.`);
  return value;
}

function bodyParams(req: VendorRequest): Record<string, unknown> {
  if (req.method === 'GET') return Object.fromEntries(req.query);
  const contentType = (headerValue(req.headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== 'application/json') {
    throw new TencentApiError('InvalidParameter', 'POST requests must have Content-Type application/json.');
  }
  const body = parseJsonObjectLossless(req.body);
  if (!body) throw new TencentApiError('InvalidParameter', 'The request body must be a JSON object.');
  return body;
}

/** The hosts a signature may be for, per service; undefined: the Host the request arrived with. */
export type SignedHosts = (service: TencentService) => readonly string[] | undefined;

/**
 * The regions an action serves for a request: the international list when the Host is an `.intl.`
 * name, the mainland list for another Tencent Cloud host, and either site's for a loopback host (the
 * sandbox cannot tell which site an endpoint override stands for).
 */
function regionsFor(action: TencentAction, host: string): readonly string[] | undefined {
  if (!action.siteRegions) return action.regions;
  const name = host.toLowerCase();
  if (name.includes('.intl.tencentcloudapi.com')) return action.siteRegions.intl;
  if (name.includes('tencentcloudapi.com')) return action.siteRegions.mainland;
  return [...new Set([...action.siteRegions.intl, ...action.siteRegions.mainland])];
}

/** The service a Tencent Cloud host serves (`trtc.tencentcloudapi.com`, `live.ap-guangzhou.…`, `gme.intl.…`). */
function hostService(host: string): string | undefined {
  return /^([a-z0-9-]+)\.(?:[a-z0-9-]+\.)*tencentcloudapi\.com(?::\d+)?$/i.exec(host.trim())?.[1]?.toLowerCase();
}

/**
 * The credential scope names the service the key is used for, and a Tencent Cloud host accepts only
 * its own (a signature for `trtc` is no good at `live.tencentcloudapi.com`). At a loopback address
 * (an endpoint override pointing at the sandbox) or an alias host (`SandboxOptions.aliasHosts`) the
 * scope alone names the service, and one loopback exception is documented: the official Node SDK,
 * given `127.0.0.1:PORT` as its endpoint, derives the service from the endpoint's first label and
 * signs `…/127/tc3_request`
 * (https://github.com/TencentCloud/tencentcloud-sdk-nodejs, src/common/abstract_client.ts).
 */
function checkScopeService(scopeService: string, host: string, aliasHosts: readonly string[]): void {
  const served = hostService(host);
  const hostName = host
    .trim()
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '');
  const loopback = hostName === 'localhost' || hostName === '::1' || /^127\.\d+\.\d+\.\d+$/.test(hostName) || aliasHosts.includes(hostName.toLowerCase());
  const ok = served !== undefined ? scopeService === served : loopback && (isTencentService(scopeService) || scopeService === hostName.split('.')[0]);
  if (!ok) {
    throw new TencentApiError('AuthFailure.SignatureFailure', `The credential scope's service \`${scopeService}\` does not match the host \`${host}\`.`);
  }
}

/** CAM's refusal, in its own words: the operation (`service:Action`) and the resource it guards. */
function unauthorized(service: string, action: string, region: string | undefined): TencentApiError {
  return new TencentApiError(
    'AuthFailure.UnauthorizedOperation',
    `you are not authorized to perform operation (${service}:${action})\nresource (qcs::${service}:${region ?? ''}:uin/100000000001:*) has no permission`,
  );
}

function answer(
  world: World,
  limiterFor: (action: { rateLimit?: number }) => RateLimiter,
  signedHosts: SignedHosts,
  aliasHosts: readonly string[],
  req: VendorRequest,
): Record<string, unknown> {
  if (req.method !== 'GET' && req.method !== 'POST') throw new TencentApiError('UnsupportedProtocol');
  if (req.bodyError === 'tooLarge') throw new TencentApiError('RequestSizeLimitExceeded');
  if (req.bodyError) throw new TencentApiError('InvalidParameter', 'The request body could not be read.');
  const auth = parseAuthorization(headerValue(req.headers, 'authorization') ?? '');
  if (!auth) throw new TencentApiError('AuthFailure.InvalidAuthorization');
  const actionName = requiredHeader(req, 'x-tc-action', 'Action');
  const version = requiredHeader(req, 'x-tc-version', 'Version');
  const timestampText = requiredHeader(req, 'x-tc-timestamp', 'Timestamp');
  if (!/^\d{1,12}$/.test(timestampText)) throw new TencentApiError('InvalidParameter', 'The value of parameter `Timestamp` is invalid.');
  const timestampSec = Number(timestampText);

  checkScopeService(auth.service, headerValue(req.headers, 'host') ?? '', aliasHosts);
  const action = resolveAction(auth.service, headerValue(req.headers, 'host') ?? '', actionName);
  if (!action) throw new TencentApiError('InvalidAction', `The requested action \`${actionName}\` does not exist.`);
  const key = tencentKeyBySecretId(world, auth.secretId);
  if (!key) throw new TencentApiError('AuthFailure.SecretIdNotFound');
  // A temporary (STS) key is valid only with its token; a long-term key needs none.
  if (key.token !== undefined && headerValue(req.headers, 'x-tc-token') !== key.token) {
    throw new TencentApiError('AuthFailure.TokenFailure', 'The X-TC-Token is missing or does not belong to this temporary key.');
  }
  const { app } = key;
  if (auth.date !== utcDate(timestampSec)) {
    throw new TencentApiError('AuthFailure.SignatureFailure', 'The date in the credential scope must be the UTC date of X-TC-Timestamp.');
  }
  const serverSec = Math.floor(req.nowMs / 1000);
  if (Math.abs(serverSec - timestampSec) > TENCENT_MAX_SKEW_SEC) {
    throw new TencentApiError(
      'AuthFailure.SignatureExpire',
      `Signature expired. Please use local time and enable NTP service for time synchronization to avoid a deviation between \`Timestamp\` and the server time ${serverSec}.`,
    );
  }
  verifyTc3Signature(req, auth, key.secretKey, timestampSec, signedHosts(action.service));
  if (version !== action.version) throw new TencentApiError('NoSuchVersion', `The API version \`${version}\` does not exist for ${actionName}.`);
  if (action.write && key.readOnly) throw unauthorized(action.service, action.name, headerValue(req.headers, 'x-tc-region'));
  if (!limiterFor(action).tryTake(`${auth.secretId}/${action.name}`, req.arrivalMs)) throw new TencentApiError('RequestLimitExceeded');
  const regions = regionsFor(action, headerValue(req.headers, 'host') ?? '');
  if (regions) {
    const region = requiredHeader(req, 'x-tc-region', 'Region');
    if (!regions.includes(region)) {
      throw new TencentApiError('UnsupportedRegion', `${actionName} does not support the region \`${region}\`; it supports ${regions.join(', ')}.`);
    }
  }
  const params = readParams(action.params, bodyParams(req), req.method === 'GET');
  return action.handle({ world, app, params, nowMs: req.nowMs });
}

/** `aliasHosts`: made-up host names that stand for the sandbox's own address (`SandboxOptions.aliasHosts`). */
export function tencentEmulator(world: World, signedHosts: SignedHosts = () => undefined, aliasHosts: readonly string[] = []): VendorEmulator {
  const limiters = new Map<number, RateLimiter>();
  const limiterFor = (action: { rateLimit?: number }): RateLimiter => {
    const limit = action.rateLimit ?? TENCENT_RATE_LIMIT;
    let limiter = limiters.get(limit);
    if (!limiter) limiters.set(limit, (limiter = new RateLimiter(limit)));
    return limiter;
  };
  return {
    actionOf: (req) => headerValue(req.headers, 'x-tc-action')?.trim() || undefined,
    handle(req: VendorRequest): VendorReply {
      try {
        return tencentSuccess(answer(world, limiterFor, signedHosts, aliasHosts, req));
      } catch (err) {
        if (err instanceof TencentApiError) return tencentFailure(err);
        throw err;
      }
    },
    rateLimitReply: () => tencentFailure(new TencentApiError('RequestLimitExceeded')),
    internalErrorReply: () => tencentFailure(new TencentApiError('InternalError')),
  };
}
