import * as assert from 'node:assert/strict';
import { formatClock, formatDuration, formatEpochMs, formatRelative } from '../../../src/display/time';
import { l10n, NOW, time } from '../../fixtures/webview';

describe('display: times and durations', () => {
  it('shows the clock for today and the date before it for other days, in the context time zone', () => {
    assert.equal(formatClock(NOW - 60_000, time), '11:59');
    assert.equal(formatClock(NOW - 7 * 86_400_000, time), 'Apr 24, 12:00');
    assert.equal(formatClock(NOW, { ...time, timeZone: 'Asia/Shanghai' }), '20:00');
  });

  it('formats durations with the two largest units', () => {
    assert.equal(formatDuration(0, 'en'), '0s');
    assert.equal(formatDuration(999, 'en'), '0s');
    assert.equal(formatDuration(45_000, 'en'), '45s');
    assert.equal(formatDuration(184_000, 'en'), '3m 4s');
    assert.equal(formatDuration(3_720_000, 'en'), '1h 2m');
    assert.equal(formatDuration(2 * 86_400_000 + 5 * 3_600_000 + 59_000, 'en'), '2d 5h');
    assert.equal(formatDuration(-5_000, 'en'), '0s', 'clock skew never shows a negative duration');
  });

  it('formats relative times in both directions', () => {
    assert.equal(formatRelative(NOW - 5 * 60_000, time), '5 minutes ago');
    assert.equal(formatRelative(NOW + 2 * 3_600_000, time), 'in 2 hours');
    assert.equal(formatRelative(NOW - 3 * 86_400_000, time), '3 days ago');
    assert.equal(formatRelative(NOW - 50 * 86_400_000, time), '2 months ago');
    assert.equal(formatRelative(NOW - 800 * 86_400_000, time), '2 years ago');
    assert.equal(formatRelative(NOW, time), 'now');
  });

  it('shows epoch ms as local time and relative time, with the raw value and its unit', () => {
    const { human, raw } = formatEpochMs(1562724852626, time, l10n);
    assert.equal(human, `Jul 10, 2019, 2:14:12 AM (${formatRelative(1562724852626, time)})`);
    assert.equal(raw, '1562724852626 ms');
    assert.deepEqual(formatEpochMs(Number.NaN, time, l10n), { human: 'invalid time', raw: 'NaN' });
  });

  it('follows the UI language', () => {
    assert.notEqual(formatDuration(120_000, 'de'), formatDuration(120_000, 'en'));
    assert.notEqual(formatRelative(NOW - 60_000, { ...time, locale: 'zh-CN' }), formatRelative(NOW - 60_000, time));
  });
});
