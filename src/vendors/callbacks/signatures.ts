/**
 * The vendors' callback signatures, each as its page publishes it:
 * - TRTC: `Sign` header = base64(HMAC-SHA256(key, raw body)), over the body bytes as received
 *   (https://trtc.io/document/54912, https://trtc.io/document/64802).
 * - ZEGO: `signature` = hex sha1 of the callback secret, `timestamp` and `nonce`, sorted and joined
 *   (https://www.zegocloud.com/docs/cloud-recording-server/recording-status-callback).
 * - GME: `Signature` header = HMAC-SHA1(raw body, key) (https://www.tencentcloud.com/document/product/607/53749);
 *   the page does not say the encoding, so base64 and hex are both accepted.
 * - CSS: `sign` = MD5(key + t), `t` the expiry in Unix seconds (https://www.tencentcloud.com/document/product/267/38082).
 *   It covers the key and the expiry only, like ZEGO's: for those two vendors a valid signature proves who
 *   sent the callback, not that no byte of the body changed.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export function trtcCallbackSign(key: string, rawBody: Buffer | string): string {
  return createHmac('sha256', key).update(rawBody).digest('base64');
}

export function zegoCallbackSignature(secret: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([secret, timestamp, nonce].sort().join('')).digest('hex');
}

export function gmeCallbackSignature(key: string, rawBody: Buffer | string): { readonly base64: string; readonly hex: string } {
  const digest = createHmac('sha1', key).update(rawBody).digest();
  return { base64: digest.toString('base64'), hex: digest.toString('hex') };
}

export function cssCallbackSign(key: string, t: string): string {
  return createHash('md5').update(`${key}${t}`).digest('hex');
}

/** Constant-time comparison of two signature strings (a length mismatch is simply false). */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
