/**
 * Every setting as a typed, checked value: what package.json declares, with its default and bounds,
 * so a hand-edited settings.json with a wrong type or an out-of-range number still gives a working
 * value. Pure (the reader is passed in); `index.ts` reads VS Code's configuration through it.
 */
import { SettingKeys, type SettingKey } from '../ids/settingKeys';
import { retentionFrom, type RetentionPolicy } from '../model/retention';
import type { Product } from '../model/task';

/** `mediaTasks.notifications`: nothing, only ends and failures, or every status change. */
export type NotificationSetting = 'off' | 'ended' | 'all';

export interface MediaTasksSettings {
  /** How often running tasks are polled, s (at least 2: below that TRTC's and ZEGO's rate limits go to polling alone). */
  readonly refreshIntervalSeconds: number;
  /** How far back a listing looks by default, h. */
  readonly defaultTimeRangeHours: number;
  readonly notifications: NotificationSetting;
  readonly statusBarAlwaysShow: boolean;
  /** Per-request timeout, s. */
  readonly requestTimeoutSeconds: number;
  /** Base URLs replacing each vendor's host for accounts that set none (sandbox, proxy, private deployment). */
  readonly endpoints: { readonly tencent?: string; readonly zego?: string };
  /** Which host requests to the Tencent override are signed for: its own (sandbox, private deployment) or Tencent Cloud's (forwarding gateway). */
  readonly tencentSignedHost: 'endpoint' | 'vendor';
  /** Try the Sandbox and `npm run demo` add the sandbox's hostile-strings apps too. */
  readonly sandboxHostileStrings: boolean;
  /** Refuse every write action (stopping a task). */
  readonly readOnly: boolean;
  /** How long and how many ended tasks the ledger keeps. */
  readonly ledgerRetention: RetentionPolicy;
  /** VS Code's `http.proxy`, when set. */
  readonly httpProxy?: string;
  /** The local callback receiver: off unless the user turns it on; 127.0.0.1 only. */
  readonly callbackReceiver: { readonly enabled: boolean; readonly port: number };
  /** Long-running alerts: hours per product (0 = off), which tasks may alert, how long Snooze lasts (h). */
  readonly alerts: {
    readonly hours: Readonly<Record<Product, number>>;
    /** The vendor's own limit on a running task's life, as the user's start calls set it, hours (0 = off). */
    readonly limitHours: Readonly<Partial<Record<Product, number>>>;
    readonly scope: 'watched' | 'all';
    readonly snoozeHours: number;
  };
}

/** Hours a running task of each product may run before it alerts, and each default (h). */
const ALERT_HOURS: Readonly<Record<Product, readonly [SettingKey, number]>> = {
  'trtc-recording': [SettingKeys.alertsHoursTrtcRecording, 6],
  'trtc-relay': [SettingKeys.alertsHoursTrtcRelay, 6],
  gme: [SettingKeys.alertsHoursGme, 6],
  css: [SettingKeys.alertsHoursCss, 12],
  'zego-recording': [SettingKeys.alertsHoursZegoRecording, 6],
};

/**
 * The vendor limits, with the vendor defaults: ZEGO ends a recording at its StartRecord `MaxRecordTime`
 * (default 86,400 s); TRTC answers DescribeCloudRecording and DeleteCloudRecording for a task only until its
 * CreateCloudRecording `ResourceExpiredHour` (default 72, 6 to 720).
 */
const ALERT_LIMIT_HOURS: Readonly<Partial<Record<Product, readonly [SettingKey, number, number]>>> = {
  'zego-recording': [SettingKeys.alertsLimitZegoMaxRecordTime, 24, 24],
  'trtc-recording': [SettingKeys.alertsLimitTrtcResourceExpired, 72, 720],
};

/** The settings whose change means the long-running alerts are evaluated again. */
export const ALERT_SETTING_KEYS: readonly SettingKey[] = [
  SettingKeys.alertsScope,
  ...Object.values(ALERT_HOURS).map(([key]) => key),
  ...Object.values(ALERT_LIMIT_HOURS).map(([key]) => key),
];

function numberIn(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

export function parseNotificationSetting(value: unknown): NotificationSetting {
  return value === 'off' || value === 'all' ? value : 'ended';
}

export function readSettings(get: (key: SettingKey) => unknown): MediaTasksSettings {
  return {
    refreshIntervalSeconds: numberIn(get(SettingKeys.refreshIntervalSeconds), 10, 2, 3600),
    defaultTimeRangeHours: numberIn(get(SettingKeys.defaultTimeRangeHours), 24, 1, 2160),
    notifications: parseNotificationSetting(get(SettingKeys.notifications)),
    statusBarAlwaysShow: get(SettingKeys.statusBarAlwaysShow) === true,
    requestTimeoutSeconds: numberIn(get(SettingKeys.requestTimeoutSeconds), 15, 1, 300),
    endpoints: { tencent: text(get(SettingKeys.endpointTencent)), zego: text(get(SettingKeys.endpointZego)) },
    tencentSignedHost: get(SettingKeys.endpointTencentSignedHost) === 'vendor' ? 'vendor' : 'endpoint',
    sandboxHostileStrings: get(SettingKeys.sandboxHostileStrings) === true,
    readOnly: get(SettingKeys.readOnly) === true,
    ledgerRetention: retentionFrom(get(SettingKeys.ledgerRetentionDays), get(SettingKeys.ledgerMaxEntries)),
    httpProxy: text(get(SettingKeys.httpProxy)),
    callbackReceiver: {
      enabled: get(SettingKeys.callbackReceiverEnabled) === true,
      port: Math.round(numberIn(get(SettingKeys.callbackReceiverPort), 8787, 1024, 65535)),
    },
    alerts: {
      hours: Object.fromEntries(Object.entries(ALERT_HOURS).map(([product, [key, fallback]]) => [product, numberIn(get(key), fallback, 0, 8760)])) as Record<
        Product,
        number
      >,
      limitHours: Object.fromEntries(
        Object.entries(ALERT_LIMIT_HOURS).map(([product, [key, fallback, max]]) => [product, numberIn(get(key), fallback, 0, max)]),
      ),
      scope: get(SettingKeys.alertsScope) === 'all' ? 'all' : 'watched',
      snoozeHours: numberIn(get(SettingKeys.alertsSnoozeHours), 2, 0.01, 720),
    },
  };
}

/** The settings whose change means every vendor source must be built again. */
export const SOURCE_SETTING_KEYS: readonly SettingKey[] = [
  SettingKeys.requestTimeoutSeconds,
  SettingKeys.endpointTencent,
  SettingKeys.endpointTencentSignedHost,
  SettingKeys.endpointZego,
  SettingKeys.httpProxy,
];
