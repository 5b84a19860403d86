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

function withEndpointOverride(account: Account, settings: MediaTasksSettings): Account {
  if (account.endpoint) return account;
  const override = settings.endpoints[account.vendor];
  return override ? { ...account, endpoint: override } : account;
}

/** The account as the settings redirect it, and the vendor-layer options the settings give. */
function fromSettings(account: Account, logger: Logger): { account: Account; deps: TaskSourceDeps } {
  const settings = currentSettings();
  return { account: withEndpointOverride(account, settings), deps: { logger, timeoutMs: settings.requestTimeoutSeconds * 1000, proxy: settings.httpProxy } };
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
