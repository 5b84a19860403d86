/**
 * Vendor recording callbacks, as the ledger keeps them: what one verified callback says about a task
 * (status, stop facts, files), and the record of it on the task's ledger entry (the timeline shows these).
 */
import type { Product, StorageFile, TaskStatus, Vendor } from './task';

/** Larger than any documented callback (a 310 with many files is a few KB): the paste and receiver limit. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

/** How a callback reached the extension. */
export type CallbackSource = 'paste' | 'receiver';

/** A stop or error fact a callback carries, under the vendor's own field name (`LeaveCode`, `quit_reason` …). */
export type CallbackFacts = Readonly<Record<string, string | number>>;

/** One verified callback, read into what it says about one task. */
export interface CallbackEvent {
  readonly vendor: Vendor;
  readonly product: Product;
  /** TRTC SdkAppId, GME BizID, ZEGO app_id (decimal); CSS: the push domain when the body names it. */
  readonly appId: string;
  readonly taskId: string;
  /** Room id (TRTC, GME, ZEGO) or stream name (CSS). */
  readonly room: string;
  /** The vendor's event code: TRTC `302`, ZEGO `2`, GME `3`, CSS `100`. */
  readonly eventType: string;
  /** When the vendor says the event happened, Unix epoch ms. */
  readonly at: number;
  /** ZEGO `sequence`: later events carry larger numbers. */
  readonly sequence?: number;
  /** The status the event implies, when it implies one. */
  readonly status?: TaskStatus;
  readonly rawStatus?: string;
  readonly startedAt?: number;
  readonly endedAt?: number;
  readonly files: readonly StorageFile[];
  readonly facts: CallbackFacts;
}

/** A callback as recorded on a ledger entry: the event, where it came from, when it arrived. */
export interface CallbackRecord {
  readonly vendor: Vendor;
  readonly eventType: string;
  readonly at: number;
  readonly receivedAt: number;
  readonly source: CallbackSource;
  readonly sequence?: number;
  /** The status the event implied, and whether the ledger took it (a late or out-of-order event is not taken). */
  readonly status?: TaskStatus;
  readonly applied: boolean;
  /** File names the event reported. */
  readonly files: readonly string[];
  readonly facts: CallbackFacts;
}

/** Most callbacks kept per task; the oldest go first. */
export const MAX_CALLBACKS = 50;

export type CallbackKind = 'trtc' | 'zego' | 'gme' | 'css';

export const CALLBACK_KINDS: readonly CallbackKind[] = ['trtc', 'gme', 'css', 'zego'];

/** An account's callback keys, as the user set them (each product has its own key in its console). */
export interface CallbackKeys {
  readonly trtc?: string;
  readonly gme?: string;
  readonly css?: string;
  readonly zego?: string;
}

export interface KeyringEntry {
  readonly accountId: string;
  readonly vendor: Vendor;
  readonly keys: CallbackKeys;
}

export interface ReceivedCallback {
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body bytes as received: TRTC and GME sign exactly these. */
  readonly body: Buffer;
}

export type CallbackVerdict =
  | { readonly ok: true; readonly accountId: string; readonly kind: CallbackKind; readonly event: CallbackEvent }
  | { readonly ok: false; readonly kind?: CallbackKind; readonly reason: string };

/** Checks a callback against the accounts' keys and reads it (the vendor layer's `verifyCallback`). */
export type CallbackVerifier = (received: ReceivedCallback, keyring: readonly KeyringEntry[], nowMs: number) => CallbackVerdict;
