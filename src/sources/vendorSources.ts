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

/**
 * The account with `mediaTasks.endpoints.<vendor>` applied (accounts with an endpoint of their own,
 * like the sandbox's, keep it), and the host its Tencent requests are signed for: the setting's
 * `mediaTasks.endpoints.tencentSignedHost` applies to the setting's override only.
 */
function withEndpointOverride(account: Account, config: vscode.WorkspaceConfiguration): { account: Account; signedHost: 'endpoint' | 'vendor' } {
  const override = config.get<string>(`endpoints.${account.vendor}`)?.trim();
  if (account.endpoint || !override) return { account, signedHost: 'endpoint' };
  return { account: { ...account, endpoint: override }, signedHost: config.get<string>('endpoints.tencentSignedHost') === 'vendor' ? 'vendor' : 'endpoint' };
}

/** The account as the settings redirect it, and the vendor-layer options the settings give. */
function fromSettings(account: Account, logger: Logger): { account: Account; deps: TaskSourceDeps } {
  const config = vscode.workspace.getConfiguration('mediaTasks');
  const proxy = vscode.workspace.getConfiguration('http').get<string>('proxy')?.trim() || undefined;
  const timeoutMs = Math.max(1, config.get<number>('requestTimeoutSeconds', 15)) * 1000;
  const { account: target, signedHost } = withEndpointOverride(account, config);
  return { account: target, deps: { logger, timeoutMs, proxy, tencentSignedHost: signedHost } };
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
