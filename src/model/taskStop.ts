/**
 * Stopping a task: the one write action the extension performs. The vendor layer answers with what
 * is known about the outcome, never with a guess: a stop whose answer was lost (timeout, reset,
 * garbled reply, 5xx) is `unknown`, and the caller re-queries the task instead of sending it again.
 */
import type { MediaApiError } from './errors';
import type { Product, Task, TaskStatus } from './task';

/** What a stop needs to name the task to its vendor. */
export type StopTarget = Pick<Task, 'accountId' | 'product' | 'taskId' | 'appId' | 'room'>;

export type StopOutcome =
  /** The vendor accepted the stop. */
  | { readonly kind: 'stopped'; readonly requestId?: string }
  /** The vendor says the task had already ended (or never existed): nothing was stopped now. */
  | { readonly kind: 'alreadyEnded'; readonly error: MediaApiError }
  /** The request may or may not have been applied; only a fresh query can tell. */
  | { readonly kind: 'unknown'; readonly error: MediaApiError };

/** What the stop probe learnt about a key, without stopping anything. */
export type StopPermission =
  | { readonly kind: 'allowed' }
  /** The vendor refused the action for this key (CAM); `error.code` says how. */
  | { readonly kind: 'denied'; readonly error: MediaApiError }
  /** The probe could not tell (network, timeout, unexpected answer). */
  | { readonly kind: 'unknown'; readonly error: MediaApiError };

export interface TaskStopper {
  readonly product: Product;
  /** The vendor's action name (`DeleteCloudRecording`). */
  readonly action: string;
  /**
   * The permission a key needs, as the vendor's access management spells it (`trtc:DeleteCloudRecording`);
   * undefined for vendors without per-action permissions (ZEGO: the ServerSecret may do everything).
   */
  readonly permission?: string;
  /**
   * Sends the stop once. Resolves with the outcome; rejects with `MediaApiError` when the vendor
   * refused the request before applying it (permission, signature, parameters, region).
   */
  stop(target: StopTarget): Promise<StopOutcome>;
  /**
   * Asks the vendor to stop a task id that cannot exist, so nothing is stopped: a "no such task"
   * answer proves the key may call the action, a permission error proves it may not.
   */
  probe(signal?: AbortSignal): Promise<StopPermission>;
}

/** Tasks a stop can end: those the vendor reports as starting, running or paused. */
export function isStoppable(status: TaskStatus): boolean {
  return status === 'starting' || status === 'running' || status === 'paused';
}

/** `rawStatus` of the snapshot the extension records the moment a stop is sent, until the vendor answers. */
export const STOP_REQUESTED = 'StopRequested';
