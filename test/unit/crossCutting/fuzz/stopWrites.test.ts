/**
 * The write path under hostile answers: every stop action against a scripted loopback server that
 * answers anything (any status, HTML, cut or stalled bodies, garbage JSON, documented errors). Whatever
 * comes back, the stop resolves to a `StopOutcome` or rejects with a `MediaApiError`, and the server sees
 * exactly one request, except after rate-limit rejections (never applied), which alone are sent again.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Account, AccountSecret } from '../../../../src/model/account';
import { MediaApiError } from '../../../../src/model/errors';
import { silentLogger } from '../../../../src/model/logger';
import type { Product } from '../../../../src/model/task';
import type { TaskStopper } from '../../../../src/model/taskStop';
import { createTaskStoppers } from '../../../../src/vendors/createTaskStoppers';
import { ClockOffsets } from '../../../../src/vendors/shared/clockOffsets';
import { RateLimiterRegistry } from '../../../../src/vendors/shared/rateLimiter';
import { DEFAULT_RETRY_POLICY } from '../../../../src/vendors/shared/retry';
import { hostileValue } from '../../../fixtures/fuzz/arbitraries';
import { jsonText } from '../../../fixtures/fuzz/jsonTree';
import { ScriptedServer, type ScriptedReply } from '../../../fixtures/fuzz/scriptedServer';

const TENCENT_CODES = [
  'RequestLimitExceeded',
  'InternalError',
  'AuthFailure.UnauthorizedOperation',
  'ResourceNotFound',
  'FailedOperation.TaskFinished',
  'InvalidParameter',
  'Weird.Code',
];
const ZEGO_CODES = [300000003, 300010000, 300001001, 300001000, 100000005, 0, 42];

function reply(vendor: 'tencent' | 'zego'): fc.Arbitrary<ScriptedReply> {
  const json = (value: unknown): Buffer => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
  const documented =
    vendor === 'tencent'
      ? fc.constantFrom(...TENCENT_CODES).map((Code) => json({ Response: { Error: { Code, Message: 'm' }, RequestId: 'r' } }))
      : fc.constantFrom(...ZEGO_CODES).map((Code) => json({ Code, Message: 'm', RequestId: '1' }));
  const success =
    vendor === 'tencent' ? fc.constant(json({ Response: { RequestId: 'ok' } })) : fc.constant(json({ Code: 0, Message: 'success', RequestId: '2' }));
  const body = fc.oneof(
    documented,
    success,
    hostileValue.map((v) => Buffer.from(jsonText(v))),
    fc.constant(Buffer.from('<html>502</html>')),
    fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
  );
  return fc.record({
    status: fc.constantFrom(200, 200, 200, 429, 500, 502, 503),
    headers: fc.constantFrom<Readonly<Record<string, string>>>({ 'Content-Type': 'application/json' }, { 'Content-Type': 'text/html' }, {}),
    body,
    delivery: fc.constantFrom('whole', 'whole', 'whole', 'cut', 'stall') as fc.Arbitrary<ScriptedReply['delivery']>,
  });
}

/** The vendor's own rate-limit answer: a whole JSON body under any status the client reads as the API's (below 500). */
const isRateLimit = (r: ScriptedReply): boolean =>
  r.delivery === 'whole' &&
  r.status < 500 &&
  !/html/i.test(r.headers['Content-Type'] ?? '') &&
  /RequestLimitExceeded|"Code":300000003\b/.test(r.body.toString());

async function until(condition: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !condition() && Date.now() < end;) await new Promise((r) => setTimeout(r, 10));
}

describe('fuzz: stop actions under hostile answers (no duplicate stop)', function () {
  this.timeout(120_000);

  const products: readonly Product[] = ['trtc-recording', 'trtc-relay', 'gme', 'css', 'zego-recording'];
  for (const product of products) {
    const vendor = product === 'zego-recording' ? 'zego' : 'tencent';
    it(`${product}: one request per stop unless rate-limited; always a StopOutcome or a MediaApiError`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(reply(vendor), { minLength: DEFAULT_RETRY_POLICY.maxAttempts, maxLength: DEFAULT_RETRY_POLICY.maxAttempts }),
          async (replies) => {
            // A server per case: a request the client gave up on before it arrived cannot land in the next case.
            const server = new ScriptedServer();
            await server.start();
            try {
              server.serve((_req, i) => replies[Math.min(i, replies.length - 1)]!);
              const account: Account =
                vendor === 'zego'
                  ? { id: 'z', label: 'z', vendor: 'zego', appId: 1, endpoint: server.url }
                  : {
                      id: 't',
                      label: 't',
                      vendor: 'tencent',
                      site: 'intl',
                      region: 'ap-singapore',
                      endpoint: server.url,
                      trtcSdkAppId: 1,
                      gmeBizId: 2,
                      cssEnabled: true,
                    };
              const secret: AccountSecret =
                vendor === 'zego' ? { vendor: 'zego', serverSecret: 's'.repeat(32) } : { vendor: 'tencent', secretId: 'AKIDx', secretKey: 'k'.repeat(32) };
              // Virtual time that moves when the limiter waits: a frozen clock would make a retry's pacing
              // wait forever in resolved promises and starve the event loop (the suite hung in CI).
              let virtualMs = 0;
              const stopper = createTaskStoppers(account, secret, {
                logger: silentLogger,
                limiters: new RateLimiterRegistry({ now: () => virtualMs, sleep: async (ms) => void (virtualMs += ms) }),
                clockOffsets: new ClockOffsets(),
                retry: { policy: DEFAULT_RETRY_POLICY, random: () => 0, sleep: async () => undefined },
                timeoutMs: 150,
              }).find((s) => s.product === product) as TaskStopper;
              const target = { accountId: account.id, product, taskId: product === 'gme' ? '446192236330927912' : 'fuzz-task', appId: '1', room: 'r' };
              let outcome: string;
              try {
                outcome = (await stopper.stop(target)).kind;
              } catch (error) {
                assert.ok(error instanceof MediaApiError, `not a MediaApiError: ${String(error)}`);
                outcome = `refused:${error.kind}`;
              }
              // Sent again only while each earlier answer was a rate-limit rejection.
              let allowed = 1;
              while (allowed < replies.length && isRateLimit(replies[allowed - 1]!)) allowed++;
              assert.ok(server.requests.length <= allowed, `${server.requests.length} requests for one stop (${outcome}), ${allowed} allowed`);
              // A stop that timed out on a loaded machine may still be on its way; it must arrive.
              await until(() => server.requests.length >= 1, 5_000);
              assert.ok(server.requests.length >= 1, `the stop (${outcome}) never reached the vendor`);
              if (product === 'gme')
                assert.ok(
                  server.requests.every((r) => r.body.includes('"TaskId":446192236330927912')),
                  'the GME TaskId went out exact',
                );
            } finally {
              await server.close();
            }
          },
        ),
        { numRuns: 30 },
      );
    });
  }
});
