import { strict as assert } from 'node:assert';
import { LOOK_BACK_SAFETY_MS, listingEndMs, listingStartMs } from '../../../src/tasks/listingWindow';
import { T0 } from './fixtures';

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
