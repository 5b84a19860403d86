import * as assert from 'node:assert/strict';
import { longRunningMessage } from '../../../src/status/alertText';
import { plainLocalizer } from '../../../src/display/localize';
import { plainText } from '../../../src/display/vendorText';
import {
  alertKey,
  emptyAlertMemory,
  longRunningTasks,
  parseAlertMemory,
  snoozeTask,
  stepAlerts,
  type AlertMemory,
  type AlertPolicy,
} from '../../../src/status/longRunning';
import { readSettings } from '../../../src/settings/values';
import { taskKeyString } from '../../../src/model/task';
import type { LedgerEntry } from '../../../src/model/ledgerEntry';
import { entryWith, makeEntry, makeTask, NOW } from '../../fixtures/webview';

const HOUR = 3_600_000;
const hours = { 'trtc-recording': 2, 'trtc-relay': 2, gme: 2, css: 12, 'zego-recording': 3 };
const watched: AlertPolicy = { hours, limitHours: {}, scope: 'watched' };

/** Started at NOW (the fake clock starts there). */
function started(taskId: string, overrides: Parameters<typeof entryWith>[2] = {}, pinned = true): LedgerEntry {
  return entryWith(taskId, 'running', { startedAt: NOW, ...overrides }, pinned);
}

/** Steps like the VS Code side does: memory and `alerted` carried from one evaluation to the next; the time is the test's. */
class Alerts {
  memory: AlertMemory = emptyAlertMemory;
  alerted: ReadonlySet<string> = new Set();
  now = NOW;
  constructor(private readonly policy: AlertPolicy = watched) {}

  step(active: readonly LedgerEntry[], openNow: readonly string[] = []) {
    const step = stepAlerts({ memory: this.memory, alerted: this.alerted, active, openNow, policy: this.policy, now: this.now });
    this.memory = step.memory;
    this.alerted = step.alerted;
    return { notify: step.notify.map((t) => t.entry.taskId), warning: step.warning.map((t) => t.entry.taskId) };
  }

  advance(ms: number): void {
    this.now += ms;
  }
}

describe('long-running alerts', () => {
  it('finds running tasks past their product threshold, longest first, from the vendor start or else first sight', () => {
    const active = [
      started('short', { startedAt: NOW - HOUR }),
      started('long', { startedAt: NOW - 5 * HOUR }),
      started('edge', { startedAt: NOW - 2 * HOUR }),
      started('css', { product: 'css', startedAt: NOW - 5 * HOUR }),
      started('zego', { product: 'zego-recording', vendor: 'zego', startedAt: NOW - 3 * HOUR - 1 }),
      started('paused', { status: 'paused', startedAt: NOW - 9 * HOUR }),
      makeEntry(makeTask({ taskId: 'no-start', startedAt: undefined }), { pinned: true, firstSeen: NOW - 4 * HOUR }),
    ];
    assert.deepEqual(
      longRunningTasks(active, watched, new Set(), NOW).map((t) => [t.entry.taskId, t.runningMs / HOUR]),
      [
        ['long', 5],
        ['no-start', 4],
        ['zego', 3 + 1 / HOUR],
        ['edge', 2],
      ],
    );
  });

  it('is quiet for tasks the user did not pin or open, unless the scope is every task', () => {
    const listed = started('listed', { startedAt: NOW - 5 * HOUR }, false);
    const opened = started('opened', { startedAt: NOW - 5 * HOUR }, false);
    const openedKey = taskKeyString(opened);
    assert.deepEqual(
      longRunningTasks([listed, opened], watched, new Set([openedKey]), NOW).map((t) => t.entry.taskId),
      ['opened'],
    );
    assert.deepEqual(
      longRunningTasks([listed, opened], { hours, limitHours: {}, scope: 'all' }, new Set(), NOW)
        .map((t) => t.entry.taskId)
        .sort(),
      ['listed', 'opened'],
    );
  });

  it('0 hours turns a product off', () => {
    const task = started('t', { startedAt: NOW - 100 * HOUR });
    assert.deepEqual(longRunningTasks([task], { hours: { ...hours, 'trtc-recording': 0 }, limitHours: {}, scope: 'all' }, new Set(), NOW), []);
  });

  it('alerts once per crossing as the clock moves, not on every poll', () => {
    const alerts = new Alerts();
    const active = [started('a'), started('b', { startedAt: NOW + HOUR })];
    assert.deepEqual(alerts.step(active), { notify: [], warning: [] });
    alerts.advance(2 * HOUR - 1);
    assert.deepEqual(alerts.step(active), { notify: [], warning: [] });
    alerts.advance(1);
    assert.deepEqual(alerts.step(active), { notify: ['a'], warning: ['a'] });
    alerts.advance(10_000);
    assert.deepEqual(alerts.step(active), { notify: [], warning: ['a'] }, 'the next poll does not say it again');
    alerts.advance(HOUR);
    assert.deepEqual(alerts.step(active), { notify: ['b'], warning: ['a', 'b'] });
    alerts.advance(HOUR);
    assert.deepEqual(alerts.step(active), { notify: [], warning: ['a', 'b'] });
  });

  it('alerts again after the task was below its threshold, and forgets a task that ended', () => {
    const low = new Alerts({ hours: { ...hours, 'trtc-recording': 10 }, limitHours: {}, scope: 'watched' });
    const high = new Alerts();
    const task = started('a');
    high.advance(3 * HOUR);
    assert.deepEqual(high.step([task]).notify, ['a']);
    // The threshold raised past it, then lowered again: a new crossing.
    low.now = high.now;
    low.alerted = high.alerted;
    assert.deepEqual(low.step([task]), { notify: [], warning: [] });
    high.alerted = low.alerted;
    assert.deepEqual(high.step([task]).notify, ['a']);
    assert.deepEqual(high.step([]), { notify: [], warning: [] });
    assert.equal(high.alerted.size, 0);
  });

  it('a snooze keeps the task quiet and off the warning until it ends, then alerts again', () => {
    const alerts = new Alerts();
    const task = started('a');
    const key = taskKeyString(task);
    alerts.advance(2 * HOUR);
    assert.deepEqual(alerts.step([task]).notify, ['a']);
    alerts.memory = snoozeTask(alerts.memory, key, alerts.now, HOUR);
    assert.deepEqual(alerts.step([task]), { notify: [], warning: [] });
    alerts.advance(HOUR - 1);
    assert.deepEqual(alerts.step([task]), { notify: [], warning: [] });
    alerts.advance(1);
    assert.deepEqual(alerts.step([task]), { notify: ['a'], warning: ['a'] });
    assert.deepEqual(alerts.memory.snoozedUntil, {}, 'the spent snooze is dropped');
  });

  it('a snooze survives a reload (stored memory, fresh alerted set); a malformed store is ignored', () => {
    const task = started('a');
    const key = taskKeyString(task);
    const before = new Alerts();
    before.advance(2 * HOUR);
    before.step([task]);
    before.memory = snoozeTask(before.memory, key, before.now, HOUR);
    before.step([task]);

    const reloaded = new Alerts();
    reloaded.now = before.now + HOUR / 2;
    reloaded.memory = parseAlertMemory(JSON.parse(JSON.stringify(before.memory)));
    assert.deepEqual(reloaded.step([task]), { notify: [], warning: [] });
    reloaded.advance(HOUR / 2);
    assert.deepEqual(reloaded.step([task]).notify, ['a']);

    assert.deepEqual(parseAlertMemory('nonsense'), emptyAlertMemory);
    assert.deepEqual(parseAlertMemory({ snoozedUntil: { [key]: 'soon', other: 5 }, opened: [1, key] }), { snoozedUntil: { other: 5 }, opened: [key] });
  });

  it('a task whose details were opened stays watched after the panel closes, while it is active', () => {
    const alerts = new Alerts();
    const task = started('a', {}, false);
    const key = taskKeyString(task);
    alerts.step([task], [key]);
    alerts.advance(2 * HOUR);
    assert.deepEqual(alerts.step([task]).notify, ['a']);
    alerts.step([]);
    assert.deepEqual(alerts.memory.opened, [], 'forgotten once it is no longer active');
  });

  it('settings: per-product hours with defaults and bounds, the scope and the snooze period', () => {
    const defaults = readSettings(() => undefined).alerts;
    assert.deepEqual(defaults, {
      hours: { 'trtc-recording': 6, 'trtc-relay': 6, gme: 6, css: 12, 'zego-recording': 6 },
      limitHours: { 'zego-recording': 24, 'trtc-recording': 72 },
      scope: 'watched',
      snoozeHours: 2,
    });
    const set: Record<string, unknown> = {
      'mediaTasks.alerts.hours.gme': 0.5,
      'mediaTasks.alerts.hours.css': -3,
      'mediaTasks.alerts.scope': 'all',
      'mediaTasks.alerts.snoozeHours': 'x',
    };
    const read = readSettings((key) => set[key]).alerts;
    assert.equal(read.hours.gme, 0.5);
    assert.equal(read.hours.css, 0);
    assert.equal(read.scope, 'all');
    assert.equal(read.snoozeHours, 2);
  });
});

describe('long-running alerts: the vendor limits (ZEGO MaxRecordTime, TRTC ResourceExpiredHour)', () => {
  const limited: AlertPolicy = { hours, limitHours: { 'zego-recording': 24, 'trtc-recording': 72 }, scope: 'watched' };
  const zego = (id: string) => started(id, { product: 'zego-recording', vendor: 'zego' });

  it('alerts an hour before the limit, a second alert after the threshold one, whose snooze does not hide it', () => {
    const alerts = new Alerts(limited);
    const task = zego('z');
    alerts.advance(3 * HOUR);
    assert.deepEqual(alerts.step([task]).notify, ['z'], 'past the 3 h threshold');
    alerts.memory = snoozeTask(alerts.memory, taskKeyString(task), alerts.now, 48 * HOUR);
    assert.deepEqual(alerts.step([task]), { notify: [], warning: [] });
    alerts.advance(20 * HOUR - 1);
    assert.deepEqual(alerts.step([task]), { notify: [], warning: [] }, 'one hour and a millisecond before MaxRecordTime: quiet');
    alerts.advance(1);
    assert.deepEqual(alerts.step([task]), { notify: ['z'], warning: ['z'] }, 'the threshold snooze does not hide the limit');
    const [item] = longRunningTasks([task], limited, new Set(), alerts.now);
    assert.deepEqual([item?.stage, item?.thresholdMs], ['limit', 24 * HOUR]);
    assert.deepEqual(alerts.step([task]).notify, [], 'said once');
    alerts.memory = snoozeTask(alerts.memory, alertKey(item!), alerts.now, HOUR);
    assert.deepEqual(alerts.step([task]), { notify: [], warning: [] }, 'its own snooze quiets it');
    assert.deepEqual(Object.keys(alerts.memory.snoozedUntil).sort(), [taskKeyString(task), `${taskKeyString(task)}#limit`]);
  });

  it('uses the limit the settings give, a quarter of a short one as the lead, and 0 turns it off', () => {
    const task = started('t', { startedAt: NOW - 71 * HOUR });
    assert.equal(longRunningTasks([task], limited, new Set(), NOW)[0]?.stage, 'limit', 'TRTC: 72 h');
    assert.equal(longRunningTasks([task], { ...limited, limitHours: { 'trtc-recording': 0 } }, new Set(), NOW)[0]?.stage, 'threshold');
    const short = { ...limited, hours: { ...hours, 'zego-recording': 0 }, limitHours: { 'zego-recording': 2 } };
    const at = (ms: number) => longRunningTasks([started('z', { product: 'zego-recording', vendor: 'zego', startedAt: NOW - ms })], short, new Set(), NOW);
    assert.deepEqual(at(1.5 * HOUR - 1), []);
    assert.equal(at(1.5 * HOUR)[0]?.stage, 'limit');
    // A relay has no vendor limit in the settings: only its threshold.
    const relay = started('r', { product: 'trtc-relay', startedAt: NOW - 500 * HOUR });
    assert.equal(longRunningTasks([relay], limited, new Set(), NOW)[0]?.stage, 'threshold');
  });

  it('says what the vendor does at the limit and how long is left, or that it is past', () => {
    const words = (product: 'zego-recording' | 'trtc-recording', ranHours: number, limitHours: number, stage: 'threshold' | 'limit' = 'limit') =>
      longRunningMessage(
        {
          entry: started('abc', { product, room: 'r1', ...(product === 'zego-recording' ? { vendor: 'zego' as const } : {}) }),
          runningMs: ranHours * HOUR,
          stage,
          thresholdMs: limitHours * HOUR,
        },
        plainLocalizer,
        'en',
        plainText,
      );
    assert.match(words('zego-recording', 23.5, 24), /has been running for 23h 30m: ZEGO ends it at its MaxRecordTime \(1d 0h\), 30m 0s from now\./);
    assert.match(words('zego-recording', 25, 24), /past the MaxRecordTime in your settings \(1d 0h\): ZEGO may end it at any moment/);
    assert.match(
      words('trtc-recording', 71, 72),
      /at its ResourceExpiredHour \(3d 0h\), 1h 0m from now, TRTC stops answering queries and stop requests for it/,
    );
    assert.match(words('trtc-recording', 80, 72), /past the ResourceExpiredHour in your settings/);
    assert.match(
      words('trtc-recording', 7, 6, 'threshold'),
      /^Task abc \(TRTC Cloud Recording\) in Room r1 has been running for 7h 0m, longer than its alert threshold \(6h 0m\)\.$/,
    );
  });
});
