/**
 * The one place the UI's `SourceFactory` meets the vendor layer: settings (request timeout,
 * per-vendor endpoint overrides) and VS Code's `http.proxy` are read each time sources are built;
 * the registry is invalidated when they change (`SOURCE_SETTING_KEYS`).
 */
import type { Account } from '../model/account';
import type { Logger } from '../model/logger';
import { createTaskSources } from '../vendors/createTaskSources';
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

export function createVendorSourceFactory(logger: Logger): SourceFactory {
  return (account, secret) => {
    const settings = currentSettings();
    const timeoutMs = settings.requestTimeoutSeconds * 1000;
    return createTaskSources(withEndpointOverride(account, settings), secret, { logger, timeoutMs, proxy: settings.httpProxy });
  };
}
