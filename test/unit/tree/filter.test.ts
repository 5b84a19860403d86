import { strict as assert } from 'node:assert';
import { plainLocalizer as t } from '../../../src/display/localize';
import { describeFilter, isFiltering, isShown, matchesFilter, readFilter } from '../../../src/tree/filter';
import { T0, entry } from '../../fixtures/tasks';

const HOUR = 3_600_000;

describe('tree filter', () => {
  it('matches text in the id, room, vendor status and file names, ignoring case', () => {
    const e = entry({ room: 'Lobby', files: [{ userId: 'u', fileName: 'main_audio.m3u8', trackType: 'audio' }] });
    for (const text of ['4461922', 'lobby', 'RECORDING', 'main_audio']) assert.ok(matchesFilter(e, { text }, T0), text);
    assert.ok(!matchesFilter(e, { text: 'nothing' }, T0));
  });

  it('matches statuses and the time range', () => {
    const e = entry();
    assert.ok(matchesFilter(e, { statuses: ['running', 'ended'] }, T0));
    assert.ok(!matchesFilter(e, { statuses: ['ended'] }, T0));
    assert.ok(matchesFilter(e, { hours: 2 }, T0));
    assert.ok(!matchesFilter(e, { hours: 1 }, T0));
  });

  it('shows CSS tasks of the listing window (plus running and pinned ones), and everything remembered elsewhere', () => {
    const oldCss = entry({ product: 'css', status: 'ended', startedAt: T0 - 48 * HOUR });
    assert.ok(!isShown(oldCss, {}, 24, T0));
    assert.ok(isShown(oldCss, { hours: 72 }, 24, T0));
    assert.ok(isShown({ ...oldCss, pinned: true }, {}, 24, T0));
    assert.ok(isShown(entry({ product: 'css', status: 'running', startedAt: T0 - 48 * HOUR }), {}, 24, T0));
    assert.ok(isShown(entry({ product: 'zego-recording', status: 'ended', startedAt: T0 - 200 * HOUR }), {}, 24, T0));
  });

  it('describes itself for the view and reads back only what is valid', () => {
    assert.equal(describeFilter({ text: 'abc', statuses: ['running', 'ended'], hours: 6 }, t), '“abc” · running, ended · last 6 h');
    assert.ok(!isFiltering({}));
    assert.ok(isFiltering({ hours: 1 }));
    assert.deepEqual(readFilter({ text: '  x ', statuses: ['running', 'bogus'], hours: -1 }), { text: 'x', statuses: ['running'], hours: undefined });
    assert.deepEqual(readFilter('garbage'), {});
  });
});
