/**
 * TC3 signing throughput: our signer (serializing the payload as the client does) against the
 * official SDK's `Sign.sign3` on the same payloads, interleaved in the same process.
 */
import { performance } from 'node:perf_hooks';
import { tc3Sign } from '../src/vendors/tencent/sign';
import { atLeast, median, type Figure } from './figure';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Sign = require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign').default as {
  sign3(input: Record<string, unknown>): string;
};

const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';

function payloads(): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [];
  for (let i = 0; i < 64; i++) {
    list.push({ SdkAppId: 1400000000 + i, TaskId: `task-${i.toString(36).padStart(12, '0')}` });
    list.push({ StartTime: 1700000000 + i, EndTime: 1700600000 + i, StreamName: `stream-${i}`, ScrollToken: 'x'.repeat(i) });
  }
  return list;
}

function signOurs(payload: Record<string, unknown>, timestamp: number): string {
  return tc3Sign({
    method: 'POST',
    canonicalQuery: '',
    headers: [
      ['content-type', 'application/json'],
      ['host', 'trtc.tencentcloudapi.com'],
    ],
    payload: JSON.stringify(payload),
    service: 'trtc',
    timestampSec: timestamp,
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
  }).authorization;
}

function signSdk(payload: Record<string, unknown>, timestamp: number): string {
  return Sign.sign3({
    method: 'POST',
    url: 'https://trtc.tencentcloudapi.com/',
    payload,
    timestamp,
    service: 'trtc',
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    headers: { 'Content-Type': 'application/json' },
  });
}

function time(sign: typeof signOurs, items: Record<string, unknown>[], timestamp: number): number {
  const started = performance.now();
  for (const payload of items) sign(payload, timestamp);
  return performance.now() - started;
}

export function signingThroughput(runs = 7, rounds = 40): Figure {
  const items = payloads();
  const timestamp = Math.floor(Date.now() / 1000);
  // Both must produce the same Authorization, or the comparison means nothing.
  for (const payload of items) {
    if (signOurs(payload, timestamp) !== signSdk(payload, timestamp)) throw new Error('signers disagree');
  }
  time(signOurs, items, timestamp); // warm both paths before measuring
  time(signSdk, items, timestamp);
  const ratios: number[] = [];
  for (let r = 0; r < runs; r++) {
    let ours = 0;
    let sdk = 0;
    for (let i = 0; i < rounds; i++) {
      ours += time(signOurs, items, timestamp);
      sdk += time(signSdk, items, timestamp);
    }
    ratios.push(sdk / ours);
  }
  const signatures = items.length * rounds;
  return atLeast(
    'TC3 signing throughput (ours ÷ SDK Sign.sign3)',
    median(ratios),
    'ratio',
    2.0,
    `median of ${runs} runs × ${signatures} signatures each, interleaved`,
  );
}
