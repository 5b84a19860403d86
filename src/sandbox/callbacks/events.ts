/**
 * Every recording callback the demo apps' tasks emit in a window, computed like the tasks themselves from
 * (seed, time) plus the stop ledger, in due order. Only the demo apps are looked at (a few dozen lanes,
 * a couple of cycles each), never the bulk batches, so asking every second costs next to nothing.
 */
import type { World } from '../demo/world';
import { cssCallbacks } from './cssCallbacks';
import type { CallbackWindow, DemoCallback } from './demoCallback';
import { gmeCallbacks } from './gmeCallbacks';
import { trtcCallbacks } from './trtcCallbacks';
import { zegoCallbacks } from './zegoCallbacks';

export interface CallbackFilter {
  /** Also the "Hostile strings" apps' callbacks (default true). */
  readonly hostileStrings?: boolean;
}

/** The callbacks due in (fromMs, toMs], oldest first. */
export function demoCallbackEvents(world: World, fromMs: number, toMs: number, filter: CallbackFilter = {}): DemoCallback[] {
  const window: CallbackWindow = { fromMs, toMs };
  const wanted = (app: { readonly hostileStrings: boolean }) => filter.hostileStrings !== false || !app.hostileStrings;
  const callbacks: DemoCallback[] = [
    ...world.tencent.filter(wanted).flatMap((app) => [...trtcCallbacks(world, app, window), ...gmeCallbacks(app, window), ...cssCallbacks(world, app, window)]),
    ...world.zego.filter(wanted).flatMap((app) => zegoCallbacks(app, window)),
  ];
  return callbacks.sort((a, b) => a.dueMs - b.dueMs);
}
