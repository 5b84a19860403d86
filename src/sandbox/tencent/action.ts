/** The shape every emulated Tencent action has: where it lives, what it accepts, how it answers. */
import type { TencentApp } from '../demo/world';
import type { Params, ParamSpec } from './params';

/** The credential-scope service names of the three products. */
export type TencentService = 'gme' | 'trtc' | 'live';

export interface ActionContext {
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
  readonly params: readonly ParamSpec[];
  /** Response fields without RequestId; throws TencentApiError for documented failures. */
  handle(ctx: ActionContext): Record<string, unknown>;
}
