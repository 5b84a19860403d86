/**
 * ZEGO server API signature (SignatureVersion 2.0), pure: nonce and clock are arguments.
 * Signature = lower-case hex md5(AppId + SignatureNonce + ServerSecret + Timestamp), plain concatenation.
 */
import { createHash, randomBytes } from 'node:crypto';

export const ZEGO_SIGNATURE_VERSION = '2.0';

export function zegoSignature(appId: number, nonce: string, serverSecret: string, timestampSec: number): string {
  return createHash('md5').update(`${appId}${nonce}${serverSecret}${timestampSec}`, 'utf8').digest('hex');
}

/** 16 hex characters from 8 random bytes, as ZEGO's samples make it. */
export function zegoNonce(): string {
  return randomBytes(8).toString('hex');
}

export interface ZegoCommonParams {
  readonly Action: string;
  readonly AppId: string;
  readonly SignatureNonce: string;
  readonly Timestamp: string;
  readonly Signature: string;
  readonly SignatureVersion: string;
}

/** The common query parameters of one signed call. */
export function zegoCommonParams(action: string, appId: number, serverSecret: string, timestampSec: number, nonce: string): ZegoCommonParams {
  return {
    Action: action,
    AppId: String(appId),
    SignatureNonce: nonce,
    Timestamp: String(timestampSec),
    Signature: zegoSignature(appId, nonce, serverSecret, timestampSec),
    SignatureVersion: ZEGO_SIGNATURE_VERSION,
  };
}
