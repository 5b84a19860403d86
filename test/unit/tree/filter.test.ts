import { strict as assert } from 'node:assert';
import { plainLocalizer as t } from '../../../src/display/localize';
import { describeFilter, isFiltering, isShown, matchesFilter, readFilter, showsEverything, type TaskFilter } from '../../../src/tree/filter';
import type { Product } from '../../../src/model/task';
import { T0, entry } from '../../fixtures/tasks';

const HOUR = 3_600_000;

describe('tree filter', () => {
  it('says a product shows everything only when isShown holds for each of its entries (the tree then skips looking)', () => {
    const products: Product[] = ['trtc-recording', 'trtc-relay', 'gme', 'css', 'zego-recording'];
    const filters: TaskFilter[] = [{}, { text: 'nothing-matches' }, { statuses: ['failed'] }, { hours: 1 }];
    for (const product of products) {
      // Old and new, running and ended, pinned or not: what the CSS time range and a filter can hide.
      const entries = [0, 30].flatMap((daysAgo) =>
        [false, true].flatMap((pin) =>
          (['running', 'ended'] as const).map((status) => entry({ product, status, startedAt: T0 - daysAgo * 86_400_000 }, T0, pin)),
        ),
      );
      for (const filter of filters) {
        const all = entries.every((e) => isShown(e, filter, 24, T0));
        if (showsEverything(product, filter)) assert.ok(all, `${product} ${JSON.stringify(filter)}: said everything shows, but isShown hides one`);
        else assert.ok(!all, `${product} ${JSON.stringify(filter)}: every entry shows, yet the tree would look at each`);
      }
    }
  });

  it('matches text in the id, room, vendor status and file names, ignoring case', () => {
    const e = entry({ room: 'Lobby', files: [{ userId: 'u', fileName: 'main_audio.m3u8', trackType: 'audio' }] });
    for (const text of ['4461922', 'lobby', 'RECORDING', 'main_audio']) assert.ok(matchesFilter(e, { text }, T0), text);
    assert.ok(!matchesFilter(e, { text: 'nothing' }, T0));
  });

  it('matches within one field only, lower-cases each field as alone, and reads a changed snapshot afresh', () => {
    const e = entry({ room: 'ΟΔΟΣ', rawStatus: 'Kelvin' });
    // The end of the room and the start of the status: field by field, nothing holds this.
    assert.ok(!matchesFilter(e, { text: 'οσkel' }, T0), 'a match spanned the room and the status');
    assert.ok(!matchesFilter(e, { text: 'ς\u0000k' }, T0), 'a NUL in the filter text matched across fields');
    // 'ΟΔΟΣ'.toLowerCase() ends in a final sigma; the joined search text keeps it final.
    assert.ok(matchesFilter(e, { text: 'ΟΔΟΣ'.toLowerCase() }, T0), 'the room lower-cased alone is not found');
    assert.ok(matchesFilter(e, { text: 'KELVIN' }, T0));
    const changed = { ...e, task: { ...e.task, room: 'Studio' } };
    assert.ok(matchesFilter(changed, { text: 'studio' }, T0), 'the new snapshot’s room is not searched');
    assert.ok(!matchesFilter(changed, { text: 'οδος' }, T0), 'the old snapshot’s room is still searched');
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
