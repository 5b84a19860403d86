import * as assert from 'node:assert/strict';
import { fraction, msAt, TickLabeler, tickStep, timeTicks, zoneOffsetIn } from '../../../../src/webview/charts/timeScale';

const H = 3_600_000;
const T0 = Date.UTC(2024, 4, 1, 9, 47, 13);
const utc = zoneOffsetIn('UTC');

describe('chart time scale', () => {
  it('maps times to fractions of a window and back', () => {
    const w = { startMs: 1000, endMs: 3000 };
    assert.equal(fraction(w, 2000), 0.5);
    assert.equal(fraction(w, 500), -0.25);
    assert.equal(msAt(w, 0.25), 1500);
    assert.equal(fraction({ startMs: 5, endMs: 5 }, 5), 0, 'an empty window does not divide by zero');
  });

  it('picks the smallest round step that keeps the tick count under the limit', () => {
    assert.equal(tickStep(10 * 60_000, 6), 2 * 60_000);
    assert.equal(tickStep(5 * H, 6), H);
    assert.equal(tickStep(3 * 86_400_000, 6), 12 * H);
    assert.equal(tickStep(5 * 86_400_000, 6), 86_400_000);
    assert.equal(tickStep(40_000, 6), 10_000);
  });

  it('puts ticks on round times inside the window, at most maxTicks+1 of them', () => {
    const ticks = timeTicks({ startMs: T0, endMs: T0 + 5 * H }, 6, utc);
    assert.deepEqual(
      ticks.map((t) => new Date(t.ms).toISOString().slice(11, 16)),
      ['10:00', '11:00', '12:00', '13:00', '14:00'],
    );
    for (const span of [90_000, 7 * H, 13 * 86_400_000]) {
      const many = timeTicks({ startMs: T0, endMs: T0 + span }, 6, utc);
      assert.ok(many.length >= 2 && many.length <= 7, `${span}: ${many.length} ticks`);
      assert.ok(many.every((t) => t.ms >= T0 && t.ms <= T0 + span));
    }
    assert.deepEqual(timeTicks({ startMs: T0, endMs: T0 }, 6, utc), []);
    assert.deepEqual(timeTicks({ startMs: T0, endMs: Number.NaN }, 6, utc), []);
  });

  it('aligns ticks on local round times in zones with half-hour offsets', () => {
    const kolkata = zoneOffsetIn('Asia/Kolkata');
    assert.equal(kolkata(T0), 330);
    const ticks = timeTicks({ startMs: T0, endMs: T0 + 5 * H }, 6, kolkata);
    const labeler = new TickLabeler('en-GB', 'Asia/Kolkata');
    assert.deepEqual(
      ticks.map((t) => labeler.label(t)),
      ['16:00', '17:00', '18:00', '19:00', '20:00'],
    );
  });

  it('labels ticks as precisely as their spacing needs', () => {
    const labeler = new TickLabeler('en-GB', 'UTC');
    assert.equal(labeler.label({ ms: T0, step: 10_000 }), '9:47:13');
    assert.equal(labeler.label({ ms: T0, step: H }), '9:47');
    assert.equal(labeler.label({ ms: T0, step: 86_400_000 }), '1 May');
    assert.equal(new TickLabeler('de-DE', 'UTC').label({ ms: T0, step: 86_400_000 }), '1. Mai');
  });
});
