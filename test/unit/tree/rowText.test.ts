import { strict as assert } from 'node:assert';
import { plainLocalizer as l10n, type TimeContext } from '../../../src/display/localize';
import { formatClock } from '../../../src/display/time';
import { observe } from '../../../src/model/ledger';
import { bucketLabel, taskDescription } from '../../../src/tree/rowText';
import { T0, entry, task } from '../../fixtures/tasks';

const at = (now: number): TimeContext => ({ now, locale: 'en', timeZone: 'UTC' });
const clock = (ms: number): string => formatClock(ms, at(T0));

describe('tree row texts', () => {
  it('describes a running task as status · start · elapsed, with the display module’s clock and duration', () => {
    assert.equal(taskDescription(entry(), at(T0), l10n), `running · ${clock(T0 - 3_720_000)} · 1h 2m`);
  });

  it('describes an ended task without end time by when it was last seen', () => {
    const ended = observe(entry(), task({ status: 'ended', rawStatus: 'Exited', startedAt: undefined }), T0 + 60_000);
    assert.equal(taskDescription(ended, at(T0 + 120_000), l10n), `ended · last seen ${clock(T0 + 60_000)}`);
  });

  it('describes an ended task with both times by its end and duration, and flags a failed refresh', () => {
    const done = { ...entry({ status: 'ended', endedAt: T0 }), lastError: 'x' };
    assert.equal(taskDescription(done, at(T0), l10n), `ended · ${clock(T0)} · 1h 2m · refresh failed`);
  });

  it('describes a tracked task the vendor has not answered for yet', () => {
    const tracked = { ...entry({ status: 'unknown', rawStatus: '' }), history: [] };
    assert.equal(taskDescription(tracked, at(T0), l10n), `unknown · tracked ${clock(T0)}`);
  });

  it('labels group rows', () => {
    const today = new Date(T0);
    const start = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
    assert.equal(bucketLabel({ level: 'day', startMs: start, endMs: start + 86_400_000, count: 3 }, at(T0), l10n), 'Today');
    assert.equal(bucketLabel({ level: 'day', startMs: start - 86_400_000, endMs: start, count: 3 }, at(T0), l10n), 'Yesterday');
    assert.equal(bucketLabel({ level: 'slice', startMs: 0, endMs: 1, from: 200, to: 400, count: 200 }, at(T0), l10n), 'Rows 201–400');
  });
});
