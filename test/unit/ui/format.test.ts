import { strict as assert } from 'node:assert';
import { plainLocalize as t } from '../../../src/l10n/localize';
import { observe } from '../../../src/model/ledger';
import { bucketLabel, countLabel, formatClock, formatElapsed, nounCount, recordModeLabel, taskDescription } from '../../../src/tree/format';
import { T0, entry, task } from '../tasks/fixtures';

const clock = (ms: number): string => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

describe('tree formatting', () => {
  it('formats elapsed time with the two largest units', () => {
    assert.equal(formatElapsed(45_000), '45s');
    assert.equal(formatElapsed(12 * 60_000 + 5000), '12m');
    assert.equal(formatElapsed(62 * 60_000), '1h 02m');
    assert.equal(formatElapsed((3 * 24 + 4) * 3_600_000), '3d 04h');
    assert.equal(formatElapsed(-5), '0s');
  });

  it('shows the clock for today and the date before it for other days', () => {
    assert.equal(formatClock(T0 - 60_000, T0), clock(T0 - 60_000));
    const lastWeek = T0 - 7 * 86_400_000;
    assert.ok(formatClock(lastWeek, T0).endsWith(clock(lastWeek)));
    assert.notEqual(formatClock(lastWeek, T0), clock(lastWeek));
  });

  it('describes a running task as status · start · elapsed', () => {
    assert.equal(taskDescription(entry(), T0, t), `running · ${clock(T0 - 3_720_000)} · 1h 02m`);
  });

  it('describes an ended task without end time by when it was last seen', () => {
    const ended = observe(entry(), task({ status: 'ended', rawStatus: 'Exited', startedAt: undefined }), T0 + 60_000);
    assert.equal(taskDescription(ended, T0 + 120_000, t), `ended · last seen ${clock(T0 + 60_000)}`);
  });

  it('describes an ended task with both times by its end and duration, and flags a failed refresh', () => {
    const done = { ...entry({ status: 'ended', endedAt: T0 }), lastError: 'x' };
    assert.equal(taskDescription(done, T0, t), `ended · ${clock(T0)} · 1h 02m · refresh failed`);
  });

  it('describes a tracked task the vendor has not answered for yet', () => {
    const tracked = { ...entry({ status: 'unknown', rawStatus: '' }), history: [] };
    assert.equal(taskDescription(tracked, T0, t), `unknown · tracked ${clock(T0)}`);
  });

  it('labels paging counts, GME record modes and group rows', () => {
    assert.equal(countLabel(100, true), '(100+)');
    assert.equal(countLabel(42, false), '(42)');
    assert.deepEqual([nounCount(1, 'task', t), nounCount(2, 'task', t), nounCount(0, 'task', t)], ['1 task', '2 tasks', '0 tasks']);
    assert.deepEqual([nounCount(1, 'room', t), nounCount(12, 'room', t)], ['1 room', '12 rooms']);
    assert.equal(recordModeLabel(2, t), 'mixed');
    assert.equal(recordModeLabel(9, t), '9');
    assert.equal(recordModeLabel(undefined, t), undefined);
    const today = new Date(T0);
    const start = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
    assert.equal(bucketLabel({ level: 'day', startMs: start, endMs: start + 86_400_000, count: 3 }, T0, t), 'Today');
    assert.equal(bucketLabel({ level: 'slice', startMs: 0, endMs: 1, from: 200, to: 400, count: 200 }, T0, t), 'Rows 201–400');
  });
});
