/**
 * The vendor layer's one entry point: the `TaskSource`s of an account, one per configured product.
 * Rate limiters and clock offsets are process-wide by default (the vendors' limits are per action,
 * whichever account calls); keep-alive agents are always process-wide.
 */
import type { Account, AccountSecret } from '../model/account';
import { accountProducts } from '../model/account';
import type { Logger } from '../model/logger';
import type { Product } from '../model/task';
import type { TaskSource } from '../model/taskSource';
import { agentSelector } from './shared/agents';
import { sharedClockOffsets, type ClockOffsets } from './shared/clockOffsets';
import { sharedLimiters, type RateLimiterRegistry } from './shared/rateLimiter';
import { createRedactor } from './shared/redact';
import { DEFAULT_RETRY_DEPS, type RetryDeps } from './shared/retry';
import type { SignedCallDeps } from './shared/signedCall';
import { HttpTransport, type Transport } from './shared/transport';
import { TencentClient, type SignedHost } from './tencent/client';
import { CssListingSource } from './tencent/css';
import { GmeRoomSource } from './tencent/gme';
import { TrtcRecordingSource, TrtcRelaySource } from './tencent/trtc';
import { describeMediaInfos } from './tencent/vod';
import { ZegoClient } from './zego/client';
import { ZegoRecordingSource } from './zego/cloudRecord';

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface TaskSourceDeps {
  readonly logger: Logger;
  /** Per-request timeout, including reading the body. */
  readonly timeoutMs?: number;
  /** Local wall clock, Unix epoch ms (tests inject a skewed one). */
  readonly now?: () => number;
  /** VS Code's `http.proxy` (e.g. `http://proxy:3128`): when set, non-loopback requests carry no agent, so VS Code's proxy handling sends them (shared/agents.ts). */
  readonly proxy?: string;
  /** Which host Tencent requests to the account's endpoint override are signed for (default `endpoint`). */
  readonly tencentSignedHost?: SignedHost;
  /** Overrides for tests: a private limiter registry, clock offsets, retry timing or transport. */
  readonly limiters?: RateLimiterRegistry;
  readonly clockOffsets?: ClockOffsets;
  readonly retry?: RetryDeps;
  readonly transport?: Transport;
}

/** What every signed call of one account shares: transport, limiters, clock, retry policy, redaction. */
export function signedCallDeps(account: Account, secret: AccountSecret, deps: TaskSourceDeps): SignedCallDeps {
  if (account.vendor !== secret.vendor) {
    throw new TypeError(`Account ${account.id} is ${account.vendor} but the secret is ${secret.vendor}`);
  }
  return {
    transport: deps.transport ?? new HttpTransport(agentSelector(deps.proxy)),
    limiters: deps.limiters ?? sharedLimiters,
    clockOffsets: deps.clockOffsets ?? sharedClockOffsets,
    retry: deps.retry ?? DEFAULT_RETRY_DEPS,
    logger: deps.logger,
    redact: createRedactor(secret.vendor === 'tencent' ? [secret.secretKey, secret.token ?? ''] : [secret.serverSecret]),
    now: deps.now ?? Date.now,
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}

export function createTaskSources(account: Account, secret: AccountSecret, deps: TaskSourceDeps): TaskSource[] {
  const callDeps = signedCallDeps(account, secret, deps);
  const now = callDeps.now;
  if (account.vendor === 'zego' && secret.vendor === 'zego') {
    return [new ZegoRecordingSource(account, new ZegoClient(account, secret, callDeps), now)];
  }
  if (account.vendor !== 'tencent' || secret.vendor !== 'tencent') return [];
  const client = new TencentClient(account, secret, callDeps, deps.tencentSignedHost);
  const build = (product: Product): TaskSource => {
    switch (product) {
      case 'trtc-recording':
        return new TrtcRecordingSource(account, account.trtcSdkAppId ?? 0, client, now);
      case 'trtc-relay':
        return new TrtcRelaySource(account, account.trtcSdkAppId ?? 0, client, now);
      case 'gme':
        return new GmeRoomSource(account, account.gmeBizId ?? 0, client, now);
      case 'css':
        return new CssListingSource(account, client, now);
      case 'zego-recording':
        throw new TypeError('zego-recording is not a Tencent product');
    }
  };
  // VOD belongs to the account, not to a product: every Tencent source answers for the account's media.
  const describeMedia: NonNullable<TaskSource['describeMedia']> = (fileIds, signal) => describeMediaInfos(client, fileIds, account.vodSubAppId, signal);
  return accountProducts(account).map((product) => Object.assign(build(product), { describeMedia }));
}
