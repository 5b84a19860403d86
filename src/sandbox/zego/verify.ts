/**
 * ZEGO's gateway checks on the query-string common parameters, then
 * Signature = md5(AppId + SignatureNonce + ServerSecret + Timestamp) with the project's signer.
 */
import { timingSafeEqual } from 'node:crypto';
import { ZEGO_SIGNATURE_VERSION, zegoSignature } from '../../vendors/zego/sign';
import { zegoAppById, type World, type ZegoApp } from '../demo/world';
import { ZegoApiError } from './errors';

/** "A maximum error of 10 minutes is allowed." */
export const ZEGO_MAX_SKEW_SEC = 600;

function required(query: URLSearchParams, name: string, code: number): string {
  const value = query.get(name) ?? '';
  if (value === '') throw new ZegoApiError(code, `${name} is empty`);
  return value;
}

export function verifyZegoRequest(world: World, query: URLSearchParams, nowMs: number): { app: ZegoApp; action: string } {
  const action = required(query, 'Action', 100000006);
  const appIdText = required(query, 'AppId', 100000001);
  if (!/^\d{1,10}$/.test(appIdText) || Number(appIdText) > 0xffffffff) throw new ZegoApiError(100000001, 'AppId format error');
  const timestampText = required(query, 'Timestamp', 100000002);
  if (!/^\d{1,12}$/.test(timestampText)) throw new ZegoApiError(100000003, 'Timestamp format error: Unix seconds expected');
  const nonce = required(query, 'SignatureNonce', 100000008);
  const signature = required(query, 'Signature', 100000009);
  const version = required(query, 'SignatureVersion', 100000013);
  if (version !== ZEGO_SIGNATURE_VERSION) throw new ZegoApiError(100000014, `unsupported SignatureVersion, only ${ZEGO_SIGNATURE_VERSION}`);

  const appId = Number(appIdText);
  const app = zegoAppById(world, appId);
  if (!app) throw new ZegoApiError(100000010, 'failed to get ServerSecret, please check AppId');
  const timestampSec = Number(timestampText);
  if (Math.abs(Math.floor(nowMs / 1000) - timestampSec) > ZEGO_MAX_SKEW_SEC) throw new ZegoApiError(100000004, 'signature expired');
  const expected = Buffer.from(zegoSignature(appId, nonce, app.serverSecret, timestampSec));
  const given = Buffer.from(signature.toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new ZegoApiError(100000005, 'signature error');
  return { app, action };
}
