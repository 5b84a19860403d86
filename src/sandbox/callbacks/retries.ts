/**
 * When each vendor tries a callback again after an answer other than HTTP 200, in ms after its first try:
 * - TRTC retries at once, then every 10 s for one minute (https://trtc.io/document/54914).
 * - ZEGO retries at most twice, 5 s apart, then the callback is lost
 *   (https://www.zegocloud.com/docs/cloud-recording-server/recording-status-callback).
 * - GME (https://www.tencentcloud.com/document/product/607/53749) and CSS
 *   (https://www.tencentcloud.com/document/product/267/38082) document no retry: one try only.
 */
import type { CallbackKind } from '../../model/callback';

export const RETRY_AFTER_MS: Readonly<Record<CallbackKind, readonly number[]>> = {
  trtc: [0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000],
  zego: [5_000, 10_000],
  gme: [],
  css: [],
};
