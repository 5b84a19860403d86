import { strict as assert } from 'node:assert';
import { AbortedError } from '../../../../src/vendors/shared/abort';
import { RateLimiterRegistry, PacedRateLimiter, type LimiterClock } from '../../../../src/vendors/shared/rateLimiter';

/** Virtual time: sleeping advances the clock instantly. */
function virtualClock(): LimiterClock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

/** The most request starts found in any window [s, s + span) that begins at a start. */
function maxInAnyWindow(starts: readonly number[], span: number): number {
  let max = 0;
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (starts[i] - starts[j] >= span) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

describe('paced rate limiter (virtual clock)', () => {
  it('never lets more than `limit` starts into any 1030 ms interval, hence any wall-clock second', async () => {
    const clock = virtualClock();
    const limiter = new PacedRateLimiter(20, 1030, clock);
    const starts: number[] = [];
    for (let i = 0; i < 500; i++) {
      await limiter.acquire();
      starts.push(clock.t);
      clock.t += (i * 7) % 13; // uneven request durations
    }
    assert.ok(maxInAnyWindow(starts, 1030) <= 20);
    // Offsetting by any phase, no aligned second holds more than 20 starts.
    for (let phase = 0; phase < 1000; phase += 37) {
      const perSecond = new Map<number, number>();
      for (const s of starts) perSecond.set(Math.floor((s + phase) / 1000), (perSecond.get(Math.floor((s + phase) / 1000)) ?? 0) + 1);
      assert.ok(Math.max(...perSecond.values()) <= 20);
    }
  });

  it('reaches at least 95% of the limit when saturated', async () => {
    const clock = virtualClock();
    const limiter = new PacedRateLimiter(20, 1030, clock);
    const n = 2000;
    for (let i = 0; i < n; i++) await limiter.acquire();
    const elapsedSec = clock.t / 1000;
    assert.ok(elapsedSec <= 1.05 * (n / 20), `took ${elapsedSec}s`);
    assert.ok(elapsedSec >= (n / 20 - 1) * 1.0, `too fast: ${elapsedSec}s`);
  });

  it('spaces starts windowMs / limit apart, and lets the first go at once', async () => {
    const clock = virtualClock();
    const limiter = new PacedRateLimiter(4, 1000, clock);
    assert.equal(limiter.delayAt(0), 0);
    await limiter.acquire();
    assert.equal(clock.t, 0);
    assert.equal(limiter.delayAt(0), 250);
    assert.equal(limiter.delayAt(249), 1);
    assert.equal(limiter.delayAt(250), 0);
    await limiter.acquire();
    assert.equal(clock.t, 250);
    clock.t = 10_000; // idle: no credit is carried over beyond the timer slack
    await limiter.acquire();
    await limiter.acquire();
    assert.equal(clock.t, 10_250 - 2);
  });

  it('serves concurrent waiters in order and records starts only for served ones', async () => {
    const clock = virtualClock();
    const limiter = new PacedRateLimiter(2, 1000, clock);
    const order: number[] = [];
    const controller = new AbortController();
    const waits = [0, 1, 2, 3].map((i) =>
      limiter.acquire(i === 2 ? controller.signal : undefined).then(
        () => order.push(i),
        (e: unknown) => {
          assert.ok(e instanceof AbortedError);
          order.push(-i);
        },
      ),
    );
    controller.abort();
    await Promise.all(waits);
    assert.deepEqual(order, [-2, 0, 1, 3]);
    // Starts at 0, 500 and 1000: the aborted waiter took no slot.
    assert.equal(clock.t, 1000);
  });

  it('shares one limiter per (vendor, action) with the documented limits', () => {
    const registry = new RateLimiterRegistry(virtualClock());
    assert.equal(registry.get('tencent', 'DescribeRecordTask'), registry.get('tencent', 'DescribeRecordTask'));
    assert.notEqual(registry.get('tencent', 'DescribeRecordTask'), registry.get('tencent', 'DescribeTaskInfo'));
    assert.equal(registry.get('tencent', 'DescribeTaskInfo').limit, 20);
    assert.equal(registry.get('zego', 'DescribeTasks').limit, 10);
  });
});
