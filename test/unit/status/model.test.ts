import * as assert from 'node:assert/strict';
import {
  countByProduct,
  initialStatusBarState,
  parseRunningTasksFilter,
  reduceStatusBar,
  renderStatusBar,
  runningTasksFor,
  TOOLTIP_COMMANDS,
  type StatusBarAction,
} from '../../../src/status/model';
import { entryWith, l10n, makeEntry, makeTask, NOW } from '../../fixtures/webview';
import { FakeMarkdownString } from '../../fixtures/markdownString';

const active = [
  entryWith('t1', 'running'),
  entryWith('t2', 'running'),
  entryWith('r1', 'running', { product: 'trtc-relay' }),
  entryWith('g1', 'starting', { product: 'gme' }),
  entryWith('z1', 'running', { product: 'zego-recording', vendor: 'zego' }),
  entryWith('z2', 'paused', { product: 'zego-recording', vendor: 'zego' }),
];

/** The view, its tooltip with VS Code's `&nbsp;` for spaces read back as spaces. */
function run(...actions: StatusBarAction[]) {
  const view = renderStatusBar(actions.reduce(reduceStatusBar, initialStatusBarState), l10n, () => new FakeMarkdownString());
  return { ...view, tooltip: view.tooltip.replace(/&nbsp;/g, ' ') };
}

function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]!);
}

describe('status bar state machine', () => {
  it('counts running tasks across accounts and vendors, by product', () => {
    assert.deepEqual(countByProduct(active), [
      { product: 'trtc-recording', running: 2, other: 0 },
      { product: 'trtc-relay', running: 1, other: 0 },
      { product: 'gme', running: 0, other: 1 },
      { product: 'zego-recording', running: 1, other: 1 },
    ]);
    const view = run({ type: 'tasks', active });
    assert.equal(view.text, '$(record) 4 recording');
    assert.equal(view.visible, true);
    assert.equal(view.error, false);
    assert.equal(view.accessibilityLabel, '4 media tasks recording, 2 starting, paused or stopping');
  });

  it('breaks the tooltip down by vendor and product with links to the filtered picker', () => {
    const { tooltip } = run({ type: 'tasks', active: [...active, { ...makeEntry(makeTask({ accountId: 'acc-2', taskId: 't3' })) }] });
    const tencent = tooltip.indexOf('Tencent Cloud:');
    const zego = tooltip.indexOf('ZEGO:');
    assert.ok(tencent >= 0 && zego > tencent, tooltip);
    assert.match(tooltip, /- \[TRTC Cloud Recording: 3 recording\]\(command:mediaTasks\.showRunningTasks\?/);
    assert.match(tooltip, /\[GME Recording: 0 recording, 1 starting, paused or stopping\]/);
    const link = tooltip.match(/\[ZEGO Cloud Recording: [^\]]*\]\(command:mediaTasks\.showRunningTasks\?([^)]*)\)/);
    assert.ok(link, tooltip);
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1]!)), [{ product: 'zego-recording' }]);
    assert.match(tooltip, /\[Refresh\]\(command:mediaTasks\.refresh\)/);
  });

  it('hides when nothing runs unless always shown', () => {
    assert.equal(run().visible, false);
    assert.equal(run({ type: 'tasks', active: [entryWith('g', 'starting')] }).visible, false);
    const always = run({ type: 'alwaysShow', alwaysShow: true });
    assert.equal(always.visible, true);
    assert.equal(always.text, '$(record) 0 recording');
    assert.match(always.tooltip, /No task is running\./);
    assert.equal(run({ type: 'tasks', active }, { type: 'tasks', active: [] }).visible, false, 'hides again when the last task ends');
  });

  it('spins while refreshing and stops after', () => {
    const busy = run({ type: 'tasks', active }, { type: 'busy', busy: true });
    assert.equal(busy.text, '$(sync~spin) 4 recording');
    assert.match(busy.tooltip, /\$\(sync~spin\) Refreshing…/);
    assert.equal(run({ type: 'tasks', active }, { type: 'busy', busy: true }, { type: 'busy', busy: false }).text, '$(record) 4 recording');
  });

  it('turns red with the error in the tooltip when the last refresh failed, and clears', () => {
    const failed = run({ type: 'tasks', active }, { type: 'error', message: 'RequestLimitExceeded (RequestId r-1)' });
    assert.equal(failed.error, true);
    assert.match(failed.tooltip, /\$\(error\) The last refresh failed: RequestLimitExceeded \\\(RequestId r\\-1\\\)/);
    assert.ok(commandLinks(failed.tooltip).includes('mediaTasks.showLog'));
    assert.match(failed.accessibilityLabel, /the last refresh failed$/);
    const healed = run({ type: 'tasks', active }, { type: 'error', message: 'x' }, { type: 'error', message: undefined });
    assert.equal(healed.error, false);
    assert.doesNotMatch(healed.tooltip, /failed/);
  });

  it('turns to the warning colour naming the long-running tasks with a details link', () => {
    const long = entryWith('[x](command:mediaTasks.forgetTask) $(zap)', 'running', { room: 'room-9' }, true);
    const warned = run(
      { type: 'tasks', active },
      { type: 'longRunning', tasks: [{ entry: long, runningMs: 7_500_000, stage: 'threshold', thresholdMs: 7_200_000 }] },
    );
    assert.equal(warned.warning, true);
    assert.equal(warned.error, false);
    assert.match(warned.tooltip, /\$\(warning\) Running longer than their alert threshold:/);
    assert.match(warned.tooltip, /Room room\\-9 for 2h 5m/);
    assert.deepEqual(
      commandLinks(warned.tooltip).filter((c) => c === 'mediaTasks.openTaskDetails'),
      ['mediaTasks.openTaskDetails'],
    );
    assert.ok(!commandLinks(warned.tooltip).includes('mediaTasks.forgetTask'), 'a hostile task id stays text');
    const link = /\]\(command:mediaTasks\.openTaskDetails\?([^)]*)\)/.exec(warned.tooltip)?.[1];
    assert.deepEqual(
      JSON.parse(decodeURIComponent(link ?? '')),
      [{ accountId: long.accountId, product: long.product, taskId: long.taskId }],
      'the link carries the whole key',
    );
    assert.match(warned.accessibilityLabel, /1 running longer than their alert threshold/);
    const cleared = run(
      { type: 'longRunning', tasks: [{ entry: long, runningMs: 1, stage: 'threshold', thresholdMs: 1 }] },
      { type: 'longRunning', tasks: [] },
    );
    assert.equal(cleared.warning, false);
    assert.doesNotMatch(cleared.tooltip, /alert threshold/);
  });

  it('keeps a hostile error message from becoming a link, an icon or HTML', () => {
    const hostile = '[Forget all](command:mediaTasks.forgetTask) $(zap) <img src=x onerror=alert(1)> **bold**\n# head';
    const { tooltip } = run({ type: 'tasks', active }, { type: 'error', message: hostile });
    assert.deepEqual(
      commandLinks(tooltip).filter((c) => !TOOLTIP_COMMANDS.includes(c)),
      [],
    );
    assert.ok(!commandLinks(tooltip).includes('mediaTasks.forgetTask'));
    // HTML stays text: the item's MarkdownString has supportHtml off.
    assert.doesNotMatch(tooltip, /(?<!\\)\$\(zap|(?<!\\)\*\*bold|\n# head/);
    assert.match(tooltip, /\\\[Forget all\\\]\\\(command\\:mediaTasks\\.forgetTask\\\)/);
    const long = run({ type: 'error', message: 'e'.repeat(5000) }).tooltip;
    assert.ok(long.length < 1500, 'long errors are cut');
  });

  it('lists the running tasks for the picker: filtered, recording first, longest-running first', () => {
    const older = entryWith('old', 'running', { startedAt: NOW - 9_000_000 });
    const newer = entryWith('new', 'running', { startedAt: NOW - 1_000 });
    const paused = entryWith('paused', 'paused', { startedAt: NOW - 99_000_000 });
    const zego = entryWith('z', 'running', { product: 'zego-recording', vendor: 'zego' });
    assert.deepEqual(
      runningTasksFor([paused, newer, zego, older], {}).map((e) => e.taskId),
      ['old', 'z', 'new', 'paused'],
    );
    assert.deepEqual(
      runningTasksFor([paused, newer, zego, older], { vendor: 'zego' }).map((e) => e.taskId),
      ['z'],
    );
    assert.deepEqual(
      runningTasksFor([paused, newer, zego, older], { product: 'trtc-recording' }).map((e) => e.taskId),
      ['old', 'new', 'paused'],
    );
  });

  it('parses the picker filter from command links, ignoring junk', () => {
    assert.deepEqual(parseRunningTasksFilter({ product: 'gme' }), { product: 'gme' });
    assert.deepEqual(parseRunningTasksFilter({ vendor: 'zego', product: 'nope' }), { vendor: 'zego' });
    assert.deepEqual(parseRunningTasksFilter(undefined), {});
    assert.deepEqual(parseRunningTasksFilter('gme'), {});
  });
});
