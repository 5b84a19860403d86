/** One recording callback a demo task emits, before it is signed: when it is due, its vendor format and its body. */
import type { CallbackKind } from '../../model/callback';

interface DemoCallbackBase {
  /** When the vendor sends it, Unix ms (the sandbox's clock). */
  readonly dueMs: number;
  readonly taskId: string;
  /** The app's callback key for this product (ZEGO: its callback secret), to sign with. */
  readonly key: string;
  /** The JSON body without its signature fields; a GME TaskID is a bigint, written as a bare integer. */
  readonly body: Readonly<Record<string, unknown>>;
}

export interface TrtcDemoCallback extends DemoCallbackBase {
  readonly kind: 'trtc';
  /** TRTC names the app in the `SdkAppId` header, not in the body. */
  readonly sdkAppId: number;
}

export interface BodySignedDemoCallback extends DemoCallbackBase {
  readonly kind: Exclude<CallbackKind, 'trtc'>;
}

export type DemoCallback = TrtcDemoCallback | BodySignedDemoCallback;

/** Callbacks are asked for by window: those due in (fromMs, toMs], so consecutive windows never repeat one. */
export interface CallbackWindow {
  readonly fromMs: number;
  readonly toMs: number;
}

export function dueIn(window: CallbackWindow, dueMs: number): boolean {
  return dueMs > window.fromMs && dueMs <= window.toMs;
}

/**
 * The end callbacks of a task ended by a stop action follow the stop by this much (the recorder has to
 * leave first). It also keeps them out of the window already sent when the stop came in the same
 * millisecond as a delivery tick.
 */
export const STOP_CALLBACK_DELAY_MS = 1000;
