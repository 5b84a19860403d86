/**
 * The one place the UI's `SourceFactory` meets the vendor layer: settings (request timeout,
 * per-vendor endpoint overrides) and VS Code's `http.proxy` are read each time sources are built;
 * the registry is invalidated when they change (`SOURCE_SETTING_KEYS`).
 */
import type { Account } from '../model/account';
import type { Logger } from '../model/logger';
import type { StopperFactory } from '../tasks/taskStops';
import { createTaskSources, type TaskSourceDeps } from '../vendors/createTaskSources';
import { createTaskStoppers } from '../vendors/createTaskStoppers';
import { createRedactor } from '../vendors/shared/redact';
import type { RedactorFactory } from '../log/redact';
import { currentSettings } from '../settings';
import type { MediaTasksSettings } from '../settings/values';
import type { SourceFactory } from './sourceRegistry';

/** The vendor layer's redaction policy, for the log channel. */
export const vendorRedactorFactory: RedactorFactory = createRedactor;

/**
 * The account with `mediaTasks.endpoints.<vendor>` applied (accounts with an endpoint of their own,
 * like the sandbox's, keep it), and the host its Tencent requests are signed for: the setting's
 * `mediaTasks.endpoints.tencentSignedHost` applies to the setting's override only.
 */
function withEndpointOverride(account: Account, settings: MediaTasksSettings): { account: Account; signedHost: 'endpoint' | 'vendor' } {
  const override = settings.endpoints[account.vendor];
  if (account.endpoint || !override) return { account, signedHost: 'endpoint' };
  return { account: { ...account, endpoint: override }, signedHost: settings.tencentSignedHost };
}

/** The account as the settings redirect it, and the vendor-layer options the settings give. */
function fromSettings(account: Account, logger: Logger): { account: Account; deps: TaskSourceDeps } {
  const settings = currentSettings();
  const { account: target, signedHost } = withEndpointOverride(account, settings);
  return { account: target, deps: { logger, timeoutMs: settings.requestTimeoutSeconds * 1000, proxy: settings.httpProxy, tencentSignedHost: signedHost } };
}

export function createVendorSourceFactory(logger: Logger): SourceFactory {
  return (account, secret) => {
    const built = fromSettings(account, logger);
    return createTaskSources(built.account, secret, built.deps);
  };
}

/** The stop actions, built with the same settings as the sources. */
export function createVendorStopperFactory(logger: Logger): StopperFactory {
  return (account, secret) => {
    const built = fromSettings(account, logger);
    return createTaskStoppers(built.account, secret, built.deps);
  };
}
