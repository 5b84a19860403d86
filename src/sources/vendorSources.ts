/**
 * The one place the UI's `SourceFactory` meets the vendor layer: settings (request timeout,
 * per-vendor endpoint overrides) and VS Code's `http.proxy` are read each time sources are built;
 * the registry is invalidated when they change.
 */
import * as vscode from 'vscode';
import type { Account } from '../model/account';
import type { Logger } from '../model/logger';
import type { StopperFactory } from '../tasks/taskStops';
import { createTaskSources, type TaskSourceDeps } from '../vendors/createTaskSources';
import { createTaskStoppers } from '../vendors/createTaskStoppers';
import { createRedactor } from '../vendors/shared/redact';
import type { RedactorFactory } from '../log/redact';
import type { SourceFactory } from './sourceRegistry';

/** The settings whose change means every source must be built again. */
export const SOURCE_SETTINGS = ['mediaTasks.requestTimeoutSeconds', 'mediaTasks.endpoints', 'http.proxy'] as const;

/** The vendor layer's redaction policy, for the log channel. */
export const vendorRedactorFactory: RedactorFactory = createRedactor;

function withEndpointOverride(account: Account, config: vscode.WorkspaceConfiguration): Account {
  if (account.endpoint) return account;
  const override = config.get<string>(`endpoints.${account.vendor}`)?.trim();
  return override ? { ...account, endpoint: override } : account;
}

/** The account as the settings redirect it, and the vendor-layer options the settings give. */
function fromSettings(account: Account, logger: Logger): { account: Account; deps: TaskSourceDeps } {
  const config = vscode.workspace.getConfiguration('mediaTasks');
  const proxy = vscode.workspace.getConfiguration('http').get<string>('proxy')?.trim() || undefined;
  const timeoutMs = Math.max(1, config.get<number>('requestTimeoutSeconds', 15)) * 1000;
  return { account: withEndpointOverride(account, config), deps: { logger, timeoutMs, proxy } };
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
