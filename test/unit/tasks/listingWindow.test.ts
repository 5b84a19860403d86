import { strict as assert } from 'node:assert';
import { LOOK_BACK_SAFETY_MS, listingEndMs, listingStartMs } from '../../../src/tasks/listingWindow';
import { T0 } from './fixtures';

const DAY = 86_400_000;
const zegoLike = { earliestStartMs: (now: number) => now - 3 * DAY };

describe('listing windows', () => {
  it('asks for the chosen hours, but stays a margin inside the vendor look-back limit', () => {
    assert.equal(listingStartMs(zegoLike, T0, 24), T0 - DAY);
    assert.equal(listingStartMs(zegoLike, T0, Number.POSITIVE_INFINITY), T0 - 3 * DAY + LOOK_BACK_SAFETY_MS);
    assert.equal(listingStartMs(zegoLike, T0, 1000), T0 - 3 * DAY + LOOK_BACK_SAFETY_MS);
  });

  it('looks a day ahead for CSS, whose tasks must end inside the window', () => {
    assert.equal(listingEndMs('css', T0), T0 + DAY);
    assert.equal(listingEndMs('zego-recording', T0), T0);
  });
});
