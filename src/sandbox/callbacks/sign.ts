/**
 * Signs a demo callback the way its vendor does, with the vendors' own signers (src/vendors/callbacks/signatures.ts
 * cites each page): TRTC a `Sign` header over the raw body (and the app in `SdkAppId`), GME a `Signature`
 * header over the raw body, ZEGO `timestamp`, `nonce` and `signature` fields, CSS `t` (the expiry) and `sign`.
 * The bytes are fixed here, so every retry sends exactly the same request, as a vendor's retry does.
 */
import { cssCallbackSign, gmeCallbackSignature, trtcCallbackSign, zegoCallbackSignature } from '../../vendors/callbacks/signatures';
import { hash32 } from '../demo/hash';
import { stringifyJson } from '../jsonText';
import type { DemoCallback } from './demoCallback';

/** "The default validity period of a callback notification from Tencent Cloud is 10 minutes" (267/38082). */
const CSS_SIGN_VALID_SEC = 600;

export interface SignedCallback {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function signCallback(callback: DemoCallback): SignedCallback {
  const seconds = Math.floor(callback.dueMs / 1000);
  switch (callback.kind) {
    case 'trtc': {
      const body = stringifyJson(callback.body);
      return { headers: { Sign: trtcCallbackSign(callback.key, body), SdkAppId: String(callback.sdkAppId) }, body };
    }
    case 'gme': {
      const body = stringifyJson(callback.body);
      return { headers: { Signature: gmeCallbackSignature(callback.key, body).base64 }, body };
    }
    case 'zego': {
      const timestamp = String(seconds);
      // ZEGO's nonce is a random number; the demo's is a hash, so a run can be replayed byte for byte.
      const nonce = String(hash32(callback.taskId, callback.dueMs, 'nonce'));
      const signature = zegoCallbackSignature(callback.key, timestamp, nonce);
      return { headers: {}, body: stringifyJson({ ...callback.body, timestamp, nonce, signature }) };
    }
    case 'css': {
      const t = seconds + CSS_SIGN_VALID_SEC;
      return { headers: {}, body: stringifyJson({ ...callback.body, t, sign: cssCallbackSign(callback.key, String(t)) }) };
    }
  }
}
