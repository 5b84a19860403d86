/** The vendor clients as the extension builds them, pointed at a running sandbox's first demo apps. */
import type { TencentAccount, ZegoAccount } from '../../../src/model/account';
import { silentLogger } from '../../../src/model/logger';
import type { RunningSandbox, TencentDemoApp, ZegoDemoApp } from '../../../src/sandbox';
import type { TaskSourceDeps } from '../../../src/vendors/createTaskSources';
import { ClockOffsets } from '../../../src/vendors/shared/clockOffsets';
import { RateLimiterRegistry } from '../../../src/vendors/shared/rateLimiter';
import { DEFAULT_RETRY_POLICY } from '../../../src/vendors/shared/retry';

/** The real retry policy without its waits, so retried faults do not slow the tests. */
export const fastRetry = { policy: DEFAULT_RETRY_POLICY, random: () => 0, sleep: async () => undefined };

/** Fresh limiters and clock offsets per call, so no test inherits another's pacing. */
export function sandboxDeps(extra: Partial<TaskSourceDeps> = {}): TaskSourceDeps {
  return { logger: silentLogger, limiters: new RateLimiterRegistry(), clockOffsets: new ClockOffsets(), retry: fastRetry, timeoutMs: 5000, ...extra };
}

export function sandboxTencentAccount(sb: RunningSandbox, app: TencentDemoApp, extra: Partial<TencentAccount> = {}): TencentAccount {
  return {
    id: 'sb-t',
    label: app.label,
    vendor: 'tencent',
    site: 'intl',
    region: app.region,
    endpoint: sb.url,
    trtcSdkAppId: app.trtcSdkAppId,
    gmeBizId: app.gmeBizId,
    cssEnabled: true,
    cssDomain: app.cssDomain,
    ...extra,
  };
}

export function sandboxZegoAccount(sb: RunningSandbox, zapp: ZegoDemoApp): ZegoAccount {
  return { id: 'sb-z', label: zapp.label, vendor: 'zego', appId: zapp.appId, endpoint: sb.url };
}
