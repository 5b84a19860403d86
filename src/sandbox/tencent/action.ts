/** The shape every emulated Tencent action has: where it lives, what it accepts, how it answers. */
import type { TencentAction as DocumentedAction, TencentService } from '../../vendors/tencent/actions';
import type { TencentApp, World } from '../demo/world';
import type { Params, ParamSpec } from './params';

export type { TencentService };

/**
 * Name, service, version and region list as the vendor's pages document them: one table, shared with
 * the client, so the emulator and the client cannot drift apart on what the docs say.
 */
export function documented(action: DocumentedAction): Pick<TencentAction, 'service' | 'name' | 'version' | 'regions' | 'siteRegions'> {
  return { service: action.service, name: action.name, version: action.version, regions: action.regions, siteRegions: action.siteRegions };
}

export interface ActionContext {
  /** The whole demo world (VOD FileIds name tasks of any product). */
  readonly world: World;
  /** The app the request's SecretId belongs to. */
  readonly app: TencentApp;
  readonly params: Params;
  /** Sandbox clock, Unix ms. */
  readonly nowMs: number;
}

export interface TencentAction {
  readonly service: TencentService;
  readonly name: string;
  readonly version: string;
  /** Regions the action's page lists ("This API only supports"); absent when Region is not required. */
  readonly regions?: readonly string[];
  /** Per-site region lists where the mainland and international pages differ. */
  readonly siteRegions?: DocumentedAction['siteRegions'];
  /** A write action (a stop): CAM refuses it to the demo's read-only keys. */
  readonly write?: boolean;
  readonly params: readonly ParamSpec[];
  /** Requests per second when the page documents another limit than the usual 20 (VOD: 100). */
  readonly rateLimit?: number;
  /** Response fields without RequestId; throws TencentApiError for documented failures. */
  handle(ctx: ActionContext): Record<string, unknown>;
}
