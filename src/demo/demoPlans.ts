/**
 * The sandbox's demo credentials (from `demo()` in process, or `GET /_sandbox/demo` over HTTP)
 * turned into accounts to add and tasks and rooms to pin. The JSON is read defensively. Pure.
 */
import type { AccountSecret } from '../model/account';
import type { CallbackKeys } from '../model/callback';
import type { NewAccount } from '../accounts/accountStore';
import { isUint32 } from '../accounts/accountCodec';

export interface DemoAccountPlan {
  readonly account: NewAccount;
  readonly secret: AccountSecret;
  readonly trtcRecordingTaskIds: readonly string[];
  readonly trtcRelayTaskIds: readonly string[];
  /** The room of each TRTC task, by task id, as the sandbox reports it. */
  readonly trtcTaskRooms: Readonly<Record<string, string>>;
  readonly gmeRoomIds: readonly string[];
  /** The keys the sandbox signs this app's callbacks with; empty when it names none. */
  readonly callbackKeys: CallbackKeys;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length > 0) : []);
/** Only the non-empty string keys, so a missing or malformed one is simply absent. */
const keysOf = (v: unknown, fields: readonly (keyof CallbackKeys)[]): CallbackKeys =>
  isObject(v)
    ? Object.fromEntries(
        fields.flatMap((field) => {
          const key = str(v[field]);
          return key ? [[field, key]] : [];
        }),
      )
    : {};
const stringMap = (v: unknown): Record<string, string> =>
  isObject(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0)) : {};

export interface DemoPlanOptions {
  /**
   * Also the sandbox's "Hostile strings" apps (test data for escaping: markup, script breakouts, bidi
   * overrides). A demo shows realistic accounts only, so they are left out unless asked for.
   */
  readonly hostileStrings?: boolean;
}

/** The plans for a sandbox at `url`; malformed apps are skipped, and hostile-strings apps unless asked for. */
export function demoAccountPlans(demo: unknown, url: string, options: DemoPlanOptions = {}): DemoAccountPlan[] {
  if (!isObject(demo)) return [];
  const wanted = (app: unknown): app is Json => isObject(app) && (options.hostileStrings === true || app.hostileStrings !== true);
  const plans: DemoAccountPlan[] = [];
  for (const app of Array.isArray(demo.tencent) ? demo.tencent : []) {
    if (!wanted(app)) continue;
    const label = str(app.label);
    const secretId = str(app.secretId);
    const secretKey = str(app.secretKey);
    const region = str(app.region);
    if (!label || !secretId || !secretKey || !region) continue;
    plans.push({
      account: {
        vendor: 'tencent',
        label,
        endpoint: url,
        site: 'intl',
        region,
        trtcSdkAppId: isUint32(app.trtcSdkAppId) ? app.trtcSdkAppId : undefined,
        gmeBizId: isUint32(app.gmeBizId) ? app.gmeBizId : undefined,
        cssEnabled: true,
        cssDomain: str(app.cssDomain),
        ...(isObject(app.vod) && isUint32(app.vod.subAppId) ? { vodSubAppId: app.vod.subAppId } : {}),
      },
      secret: { vendor: 'tencent', secretId, secretKey, token: str(app.token) },
      trtcRecordingTaskIds: strings(app.trtcRecordingTaskIds),
      trtcRelayTaskIds: strings(app.trtcRelayTaskIds),
      trtcTaskRooms: stringMap(app.trtcTaskRooms),
      gmeRoomIds: strings(app.gmeRoomIds),
      callbackKeys: keysOf(app.callbackKeys, ['trtc', 'gme', 'css']),
    });
  }
  for (const app of Array.isArray(demo.zego) ? demo.zego : []) {
    if (!wanted(app)) continue;
    const label = str(app.label);
    const serverSecret = str(app.serverSecret);
    if (!label || !serverSecret || !isUint32(app.appId)) continue;
    plans.push({
      account: { vendor: 'zego', label, endpoint: url, appId: app.appId },
      secret: { vendor: 'zego', serverSecret },
      trtcRecordingTaskIds: [],
      trtcRelayTaskIds: [],
      trtcTaskRooms: {},
      gmeRoomIds: [],
      callbackKeys: keysOf({ zego: app.callbackSecret }, ['zego']),
    });
  }
  return plans;
}

/** The same demo app as an account already saved: same vendor, label and application ids. */
export function isSameDemoApp(plan: NewAccount, existing: NewAccount): boolean {
  if (plan.vendor !== existing.vendor || plan.label !== existing.label) return false;
  if (plan.vendor === 'zego' && existing.vendor === 'zego') return plan.appId === existing.appId;
  if (plan.vendor === 'tencent' && existing.vendor === 'tencent') return plan.trtcSdkAppId === existing.trtcSdkAppId && plan.gmeBizId === existing.gmeBizId;
  return false;
}
