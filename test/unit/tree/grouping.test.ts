import { strict as assert } from 'node:assert';
import { MAX_ROWS, bucketIdPart, groupChildren, groupRows, type Grouped, type TimeBucket } from '../../../src/tree/grouping';
import { T0 } from '../../fixtures/tasks';

interface Item {
  readonly id: number;
  readonly at: number;
}
const at = (i: Item): number => i.at;

/** Walks every level under `grouped` and returns the leaves, checking no level exceeds MAX_ROWS. */
function leaves(items: readonly Item[], grouped: Grouped<Item>, depth = 0): Item[] {
  assert.ok(depth < 6, 'grouping must terminate');
  if (grouped.kind === 'rows') {
    assert.ok(grouped.rows.length <= MAX_ROWS, `a level has ${grouped.rows.length} rows`);
    return [...grouped.rows];
  }
  assert.ok(grouped.groups.length <= MAX_ROWS, `a level has ${grouped.groups.length} groups`);
  assert.equal(new Set(grouped.groups.map(bucketIdPart)).size, grouped.groups.length, 'group ids are unique among siblings');
  return grouped.groups.flatMap((g: TimeBucket) => leaves(items, groupChildren(items, at, g), depth + 1));
}

const newestFirst = (items: Item[]): Item[] => items.sort((a, b) => b.at - a.at);

describe('tree grouping', () => {
  it('leaves short lists as rows', () => {
    const items = newestFirst(Array.from({ length: MAX_ROWS }, (_, id) => ({ id, at: T0 - id * 1000 })));
    assert.equal(groupRows(items, at).kind, 'rows');
  });

  it('groups 10,000 tasks over 90 days so no level shows more than 200 rows, losing none, quickly', () => {
    const items = newestFirst(Array.from({ length: 10_000 }, (_, id) => ({ id, at: T0 - ((id * 7919) % (90 * 86_400)) * 1000 })));
    const started = performance.now();
    const top = groupRows(items, at);
    const all = leaves(items, top);
    const ms = performance.now() - started;
    assert.equal(top.kind, 'groups');
    assert.equal(all.length, 10_000);
    assert.equal(new Set(all.map((i) => i.id)).size, 10_000);
    assert.ok(ms < 2000, `took ${ms} ms`);
  });

  it('slices a single busy hour into numbered slices', () => {
    const items = newestFirst(Array.from({ length: 10_000 }, (_, id) => ({ id, at: new Date(2026, 2, 3, 14, 30).getTime() + (id % 1000) })));
    const top = groupRows(items, at);
    assert.equal(top.kind, 'groups');
    if (top.kind === 'groups') assert.ok(top.groups.every((g) => g.level === 'slice'));
    assert.equal(leaves(items, top).length, 10_000);
  });

  it('falls back to months when a year of days would be too many groups', () => {
    const items = newestFirst(Array.from({ length: 1000 }, (_, id) => ({ id, at: T0 - id * 86_400_000 })));
    const top = groupRows(items, at);
    assert.equal(top.kind, 'groups');
    if (top.kind === 'groups') assert.ok(top.groups.every((g) => g.level === 'month'));
    assert.equal(leaves(items, top).length, 1000);
  });
});
