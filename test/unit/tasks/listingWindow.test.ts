import { strict as assert } from 'node:assert';
import { LOOK_BACK_SAFETY_MS, RELIST_MARGIN_MS, knownTaskWindow, listingEndMs, listingStartMs } from '../../../src/tasks/listingWindow';
import { T0 } from '../../fixtures/tasks';

const DAY = 86_400_000;
const zegoLike = { product: 'zego-recording' as const, earliestStartMs: (now: number) => now - 3 * DAY, clockOffsetMs: () => 0 };
const cssLike = { ...zegoLike, product: 'css' as const };

describe('listing windows', () => {
  it('asks for the chosen hours, but stays a margin inside the vendor look-back limit', () => {
    assert.equal(listingStartMs(zegoLike, T0, 24), T0 - DAY);
    assert.equal(listingStartMs(zegoLike, T0, Number.POSITIVE_INFINITY), T0 - 3 * DAY + LOOK_BACK_SAFETY_MS);
    assert.equal(listingStartMs(zegoLike, T0, 1000), T0 - 3 * DAY + LOOK_BACK_SAFETY_MS);
  });

  it('looks a day ahead for CSS, whose tasks must end inside the window', () => {
    assert.equal(listingEndMs(cssLike, T0), T0 + DAY);
    assert.equal(listingEndMs(zegoLike, T0), T0);
  });

  it('counts from the vendor’s clock when it is ahead or behind ours', () => {
    for (const skew of [15 * 60_000, -15 * 60_000]) {
      const skewed = { ...zegoLike, clockOffsetMs: () => skew };
      assert.equal(listingStartMs(skewed, T0, Number.POSITIVE_INFINITY), T0 + skew - 3 * DAY + LOOK_BACK_SAFETY_MS);
      assert.equal(listingStartMs(skewed, T0, 24), T0 + skew - DAY);
      assert.equal(listingEndMs(skewed, T0), T0 + skew);
    }
  });
});

describe('re-listing one known task', () => {
  const css = { product: 'css' as const, earliestStartMs: (now: number) => now - 90 * DAY, clockOffsetMs: () => 0 };
  const zego = { product: 'zego-recording' as const, earliestStartMs: (now: number) => now - 3 * DAY, clockOffsetMs: () => 0 };
  it('asks ZEGO a minute around the known start, and CSS the task’s own span', () => {
    assert.deepEqual(knownTaskWindow(zego, { startedAt: T0 - 23 * 3_600_000 }, T0), {
      startMs: T0 - 23 * 3_600_000 - RELIST_MARGIN_MS,
      endMs: T0 - 23 * 3_600_000 + RELIST_MARGIN_MS,
    });
    assert.deepEqual(knownTaskWindow(css, { startedAt: T0 - 3_600_000, endedAt: T0 + 3_600_000 }, T0), {
      startMs: T0 - 3_600_000 - RELIST_MARGIN_MS,
      endMs: T0 + 3_600_000 + 1000,
    });
  });
  it('has no narrow window without a start, or outside what the vendor accepts', () => {
    assert.equal(knownTaskWindow(zego, {}, T0), undefined);
    assert.equal(knownTaskWindow(zego, { startedAt: T0 - 4 * DAY }, T0), undefined);
  });
});
