import { strict as assert } from 'node:assert';
import { MediaApiError } from '../../../../src/model/errors';
import { parseJsonLossless } from '../../../../src/vendors/shared/json';
import { createRedactor } from '../../../../src/vendors/shared/redact';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, shouldRetry, withRetry } from '../../../../src/vendors/shared/retry';
import { splitWindows } from '../../../../src/vendors/shared/windows';
import { ClockOffsets } from '../../../../src/vendors/shared/clockOffsets';
import { sleep } from '../../../../src/vendors/shared/abort';
import { agentSelector, isLoopbackHost } from '../../../../src/vendors/shared/agents';
import * as http from 'node:http';
import * as https from 'node:https';

function apiError(kind: MediaApiError['kind'], retryable: boolean): MediaApiError {
  return new MediaApiError({ vendor: 'tencent', action: 'A', kind, code: kind, message: kind, retryable });
}

describe('lossless JSON', () => {
  it('keeps an integer beyond 2^53 as its exact decimal string', () => {
    const parsed = parseJsonLossless('{"TaskId":446192236330927912,"RecordMode":1}') as Record<string, unknown>;
    assert.equal(parsed.TaskId, '446192236330927912');
    assert.equal(parsed.RecordMode, 1);
  });

  it('keeps safe numbers, floats and 2^53-1 as numbers', () => {
    assert.deepEqual(parseJsonLossless('[9007199254740991, 1.5, -3, 0]'), [9007199254740991, 1.5, -3, 0]);
    assert.equal(parseJsonLossless('9007199254740993'), '9007199254740993');
  });

  it('rejects truncated JSON', () => {
    assert.throws(() => parseJsonLossless('{"Response": {"TaskId": 4461'));
  });
});

describe('redaction', () => {
  const redact = createRedactor(['Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', '']);

  it('masks known secrets, Authorization values and signatures', () => {
    const line =
      'key Gu5t9xGARNpq86cd98joQYCN3EXAMPLE; Authorization: TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, ' +
      'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168';
    const out = redact(line);
    assert.ok(!out.includes('Gu5t9x'));
    assert.ok(!out.includes('72e494ea'));
    assert.ok(!out.includes('Credential='));
  });

  it('masks a ZEGO signature in a URL but keeps the rest readable', () => {
    const out = redact('request to http://127.0.0.1:1/?Action=DescribeTasks&Signature=43e5cfcca828314675f91b001390566a&SignatureVersion=2.0 failed');
    assert.ok(!out.includes('43e5cfcc'));
    assert.ok(out.includes('Action=DescribeTasks'));
    assert.ok(out.includes('SignatureVersion=2.0'));
  });
});

describe('retry policy', () => {
  it('retries only retryable MediaApiErrors, and at most maxAttempts in all', () => {
    assert.equal(shouldRetry(apiError('rateLimit', true), 1, DEFAULT_RETRY_POLICY), true);
    assert.equal(shouldRetry(apiError('server', true), 3, DEFAULT_RETRY_POLICY), true);
    assert.equal(shouldRetry(apiError('server', true), 4, DEFAULT_RETRY_POLICY), false);
    assert.equal(shouldRetry(apiError('auth', false), 1, DEFAULT_RETRY_POLICY), false);
    assert.equal(shouldRetry(apiError('invalidInput', false), 1, DEFAULT_RETRY_POLICY), false);
    assert.equal(shouldRetry(new Error('bug'), 1, DEFAULT_RETRY_POLICY), false);
  });

  it('uses full jitter under an exponential, capped ceiling', () => {
    const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };
    const server = apiError('server', true);
    assert.equal(
      backoffDelayMs(1, policy, () => 0.999, server),
      99,
    );
    assert.equal(
      backoffDelayMs(3, policy, () => 0.5, server),
      200,
    );
    assert.equal(
      backoffDelayMs(9, policy, () => 0.5, server),
      500,
    );
    assert.equal(
      backoffDelayMs(1, policy, () => 0, server),
      0,
    );
    // A rate-limit answer waits up to a whole second first: the vendor counts per second.
    assert.equal(
      backoffDelayMs(1, policy, () => 0.5, apiError('rateLimit', true)),
      500,
    );
  });

  it('stops after bounded attempts and never retries a parameter error', async () => {
    const waits: number[] = [];
    const deps = { policy: DEFAULT_RETRY_POLICY, random: () => 1, sleep: async (ms: number) => void waits.push(ms) };
    let calls = 0;
    await assert.rejects(
      withRetry(async () => {
        calls++;
        throw apiError('timeout', true);
      }, deps),
      { kind: 'timeout' },
    );
    assert.equal(calls, 4);
    assert.deepEqual(waits, [200, 400, 800]);
    calls = 0;
    await assert.rejects(
      withRetry(async () => {
        calls++;
        throw apiError('invalidInput', false);
      }, deps),
      { kind: 'invalidInput' },
    );
    assert.equal(calls, 1);
  });

  it('honours abort during the backoff sleep', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const run = withRetry(
      async () => {
        throw apiError('server', true);
      },
      { policy: { maxAttempts: 4, baseDelayMs: 10_000, maxDelayMs: 10_000 }, random: () => 1, sleep },
      controller.signal,
    );
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(run, { name: 'AbortedError' });
    assert.ok(Date.now() - started < 5000);
  });
});

describe('window splitting', () => {
  const WEEK = 7 * 86_400_000;

  it('keeps a span of exactly the maximum as one window', () => {
    assert.deepEqual(splitWindows(0, WEEK, WEEK), [{ start: 0, end: WEEK }]);
  });

  it('splits the maximum + 1 into two consecutive windows', () => {
    assert.deepEqual(splitWindows(0, WEEK + 1, WEEK), [
      { start: 0, end: WEEK },
      { start: WEEK, end: WEEK + 1 },
    ]);
  });

  it('covers 90 days with 13 consecutive windows of at most 7 days', () => {
    const windows = splitWindows(1000, 1000 + 90 * 86_400_000, WEEK);
    assert.equal(windows.length, 13);
    windows.forEach((w, i) => {
      assert.ok(w.end - w.start <= WEEK && w.end > w.start);
      if (i > 0) assert.equal(w.start, windows[i - 1].end);
    });
    assert.equal(windows[12].end, 1000 + 90 * 86_400_000);
  });

  it('overlaps windows when asked, still ending exactly at the range end', () => {
    const DAY = 86_400_000;
    assert.deepEqual(splitWindows(0, 14 * DAY, WEEK, DAY), [
      { start: 0, end: WEEK },
      { start: 6 * DAY, end: 13 * DAY },
      { start: 12 * DAY, end: 14 * DAY },
    ]);
    assert.deepEqual(splitWindows(0, 13 * DAY, WEEK, DAY).length, 2);
  });

  it('returns nothing for an empty range', () => {
    assert.deepEqual(splitWindows(5, 5, WEEK), []);
  });
});

describe('clock offsets', () => {
  it('learns the server offset per host from a Date header', () => {
    const offsets = new ClockOffsets();
    const local = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(offsets.learn('a:1', 'Thu, 01 Jan 2026 00:20:00 GMT', local), true);
    assert.equal(offsets.serverNow('a:1', local + 5), local + 20 * 60_000 + 5);
    assert.equal(offsets.serverNow('b:1', local), local);
    assert.equal(offsets.learn('b:1', 'not a date', local), false);
    assert.equal(offsets.learn('b:1', undefined, local), false);
  });
});

describe('agent selection', () => {
  it("leaves vendor hosts to VS Code's proxy handling when http.proxy is set, never loopback, and reuses keep-alive agents", () => {
    const select = agentSelector('http://proxy.example:3128');
    assert.equal(select(new URL('https://gme.tencentcloudapi.com/')), undefined);
    const sandbox = select(new URL('http://127.0.0.1:8123/'));
    assert.ok(sandbox instanceof http.Agent && !(sandbox instanceof https.Agent));
    assert.equal(sandbox, agentSelector()(new URL('http://localhost:1/')));
    const vendor = agentSelector()(new URL('https://trtc.tencentcloudapi.com/'));
    assert.ok(vendor instanceof https.Agent);
    assert.equal(agentSelector()(new URL('https://gme.tencentcloudapi.com/')), vendor);
    assert.equal(isLoopbackHost('[::1]'), true);
    assert.equal(isLoopbackHost('127.0.0.1.example.com'), false);
  });
});
