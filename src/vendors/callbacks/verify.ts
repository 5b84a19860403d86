/**
 * One entry point for a received or pasted callback: size and encoding limits, vendor detection,
 * the vendor's signature checked against the keys of the accounts that could have sent it, then the
 * body read. A callback is accepted only when a key verifies it, and the key says which account it
 * belongs to; everything else is refused with the reason, before anything is recorded.
 */
import {
  MAX_CALLBACK_BYTES,
  type CallbackEvent,
  type CallbackKind,
  type CallbackVerdict,
  type KeyringEntry,
  type ReceivedCallback,
} from '../../model/callback';
import type { Vendor } from '../../model/task';
import { ShapeError, isObject, type RawObject } from '../shared/fields';
import { parseJsonLossless } from '../shared/json';
import { readCssCallback, readGmeCallback, readTrtcCallback, readZegoCallback } from './events';
import { cssCallbackSign, gmeCallbackSignature, sameSignature, trtcCallbackSign, zegoCallbackSignature } from './signatures';

const VENDOR_OF: Readonly<Record<CallbackKind, Vendor>> = { trtc: 'tencent', gme: 'tencent', css: 'tencent', zego: 'zego' };
const NAME: Readonly<Record<CallbackKind, string>> = { trtc: 'TRTC', gme: 'GME', css: 'CSS', zego: 'ZEGO' };

/** Which vendor's callback the body is, from the fields only that vendor sends. */
export function callbackKind(body: RawObject, headers: ReceivedCallback['headers']): CallbackKind | undefined {
  if ('EventGroupId' in body && 'EventInfo' in body) return 'trtc';
  if ('BizID' in body && 'TaskID' in body) return 'gme';
  if ('event_type' in body && 'task_id' in body && 'signature' in body && 'nonce' in body) return 'zego';
  if ('event_type' in body && 'sign' in body && 't' in body) return 'css';
  if (headers.sign !== undefined) return 'trtc';
  return undefined;
}

function decode(body: Buffer): { text?: string; reason?: string } {
  if (body.length === 0) return { reason: 'The callback body is empty.' };
  if (body.length > MAX_CALLBACK_BYTES) return { reason: `The callback body is ${body.length} bytes; at most ${MAX_CALLBACK_BYTES} are accepted.` };
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return { text: text.decode(body) };
  } catch {
    return { reason: 'The callback body is not UTF-8 text, as every vendor sends.' };
  }
}

function signatureMatches(kind: CallbackKind, key: string, body: RawObject, received: ReceivedCallback, nowMs: number): string | true {
  switch (kind) {
    case 'trtc': {
      const sign = received.headers.sign?.trim();
      if (!sign) return 'The TRTC callback has no Sign header: TRTC signs every callback once a key is set in its console.';
      return sameSignature(sign, trtcCallbackSign(key, received.body)) || 'wrong';
    }
    case 'gme': {
      const sign = received.headers.signature?.trim();
      if (!sign) return 'The GME callback has no Signature header.';
      const expected = gmeCallbackSignature(key, received.body);
      return sameSignature(sign, expected.base64) || sameSignature(sign.toLowerCase(), expected.hex) || 'wrong';
    }
    case 'zego': {
      const { signature, timestamp, nonce } = body;
      if (typeof signature !== 'string' || signature === '') return 'The ZEGO callback has no signature field.';
      if (typeof timestamp !== 'string' && typeof timestamp !== 'number') return 'The ZEGO callback has no timestamp.';
      if (typeof nonce !== 'string' && typeof nonce !== 'number') return 'The ZEGO callback has no nonce.';
      return sameSignature(signature.toLowerCase(), zegoCallbackSignature(key, String(timestamp), String(nonce))) || 'wrong';
    }
    case 'css': {
      const { sign, t } = body;
      if (typeof sign !== 'string' || sign === '') return 'The CSS callback has no sign field.';
      if (typeof t !== 'string' && typeof t !== 'number') return 'The CSS callback has no t (expiry) field.';
      if (!sameSignature(sign.toLowerCase(), cssCallbackSign(key, String(t)))) return 'wrong';
      // "t: expiration time; the signature is invalid after it."
      if (Number(t) * 1000 < nowMs) return `The CSS callback's signature expired at ${new Date(Number(t) * 1000).toISOString()} (its t field).`;
      return true;
    }
  }
}

function readEvent(kind: CallbackKind, body: RawObject, received: ReceivedCallback): CallbackEvent {
  switch (kind) {
    case 'trtc':
      return readTrtcCallback(body, received.headers.sdkappid?.trim() || undefined);
    case 'gme':
      return readGmeCallback(body);
    case 'zego':
      return readZegoCallback(body);
    case 'css':
      return readCssCallback(body);
  }
}

/**
 * Verifies and reads a callback. Never throws: anything wrong, from the bytes to the shape, is a
 * refusal with a reason that says what was recognised and what failed.
 */
export function verifyCallback(received: ReceivedCallback, keyring: readonly KeyringEntry[], nowMs: number): CallbackVerdict {
  const decoded = decode(received.body);
  if (decoded.text === undefined) return { ok: false, reason: decoded.reason! };
  let parsed: unknown;
  try {
    parsed = parseJsonLossless(decoded.text);
  } catch {
    return { ok: false, reason: 'The callback body is not JSON: every vendor sends a JSON object.' };
  }
  if (!isObject(parsed)) return { ok: false, reason: 'The callback body is JSON but not an object.' };
  const kind = callbackKind(parsed, received.headers);
  if (!kind) return { ok: false, reason: 'Not a recording callback of TRTC, GME, CSS or ZEGO: none of their fields are there.' };
  const name = NAME[kind];
  const candidates = keyring.filter((k) => k.vendor === VENDOR_OF[kind] && k.keys[kind]);
  if (candidates.length === 0) {
    return { ok: false, kind, reason: `A ${name} callback, but no account has a ${name} callback key: set one with Set Callback Keys….` };
  }
  let problem: string | undefined;
  let match: KeyringEntry | undefined;
  for (const entry of candidates) {
    const verdict = signatureMatches(kind, entry.keys[kind]!, parsed, received, nowMs);
    if (verdict === true) {
      match = entry;
      break;
    }
    if (verdict !== 'wrong') problem = verdict;
  }
  if (!match) {
    return {
      ok: false,
      kind,
      reason: problem ?? `A ${name} callback whose signature matches none of your ${name} callback keys: it was changed, or sent with another key.`,
    };
  }
  try {
    return { ok: true, accountId: match.accountId, kind, event: readEvent(kind, parsed, received) };
  } catch (err) {
    const detail = err instanceof ShapeError ? err.message : 'unreadable';
    return { ok: false, kind, reason: `A signed ${name} callback of an undocumented shape: ${detail}.` };
  }
}
