/**
 * Long-running alerts inside a real VS Code: real settings (a tiny threshold), the real status-bar
 * item, a store whose tasks change as polls would change them; the notification is recorded.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { silentLogger } from '../../src/model/logger';
import { taskKeyString } from '../../src/model/task';
import { createTaskStatusBar } from '../../src/status';
import { LongRunningAlerts } from '../../src/status/alerts';
import { MemoryStore } from '../fixtures/memoryStore';
import { entryWith } from '../fixtures/webview';

class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

async function until(what: string, check: () => boolean): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 5000) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const SETTINGS = [
  'mediaTasks.alerts.hours.trtcRecording',
  'mediaTasks.alerts.hours.zegoRecording',
  'mediaTasks.alerts.limits.zegoMaxRecordTimeHours',
  'mediaTasks.alerts.scope',
  'mediaTasks.readOnly',
];

describe('long-running alerts (real VS Code)', () => {
  const disposables: vscode.Disposable[] = [];
  afterEach(async () => {
    for (const d of disposables.splice(0)) d.dispose();
    for (const key of SETTINGS) await vscode.workspace.getConfiguration().update(key, undefined, vscode.ConfigurationTarget.Global);
  });

  async function setUp(options: { choose?: string } = {}) {
    const store = new MemoryStore();
    const bar = createTaskStatusBar({ store, logger: silentLogger });
    const shown: { message: string; actions: string[] }[] = [];
    const memento = new MemoryMemento();
    let now = Date.now();
    const make = () =>
      new LongRunningAlerts({
        store,
        logger: silentLogger,
        memento,
        openKeys: () => [],
        onWarning: (tasks) => bar.setLongRunning(tasks),
        readOnly: () => vscode.workspace.getConfiguration().get('mediaTasks.readOnly') === true,
        now: () => now,
        show: async (message, ...actions) => {
          shown.push({ message, actions });
          return options.choose && actions.includes(options.choose) ? options.choose : undefined;
        },
      });
    const alerts = make();
    disposables.push(bar, alerts);
    return { store, bar, shown, alerts, make, advance: (ms: number) => (now += ms), memento };
  }

  it('a pinned running task past a tiny threshold turns the item to the warning colour and is notified once', async () => {
    // 0.001 h = 3.6 s.
    await vscode.workspace.getConfiguration().update('mediaTasks.alerts.hours.trtcRecording', 0.001, vscode.ConfigurationTarget.Global);
    const { store, bar, shown, alerts, advance } = await setUp();
    const start = advance(0);
    store.put(entryWith('pinned-1', 'running', { startedAt: start }, true), entryWith('listed-1', 'running', { startedAt: start }, false));
    alerts.start();
    assert.equal(bar.view.warning, false, 'not yet past the threshold');
    assert.equal(shown.length, 0);

    advance(4_000);
    store.put(entryWith('pinned-1', 'running', { startedAt: start }, true));
    assert.equal(bar.view.warning, true);
    assert.match(bar.view.tooltip.replace(/&nbsp;/g, ' '), /Running longer than their alert threshold/);
    assert.match(bar.view.tooltip, /pinned\\-1/);
    assert.doesNotMatch(bar.view.tooltip, /listed\\-1/, 'a task the user did not watch stays quiet');
    await until('the notification is shown', () => shown.length > 0);
    assert.match(shown[0]!.message, /Task pinned-1 \(TRTC Cloud Recording\) in Room room-42 has been running for 4s/);
    assert.deepEqual(shown[0]!.actions, ['Stop Task', 'Open Details', 'Snooze']);

    // Later polls of the same task: no second notification.
    for (let i = 0; i < 3; i++) {
      advance(1_000);
      store.put(entryWith('pinned-1', 'running', { startedAt: start }, true));
    }
    alerts.evaluate();
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(shown.length, 1, 'once per crossing');

    // Every running task once the scope is widened, still once each.
    await vscode.workspace.getConfiguration().update('mediaTasks.alerts.scope', 'all', vscode.ConfigurationTarget.Global);
    await until('the listed task is notified', () => shown.length === 2);
    assert.match(shown[1]!.message, /listed-1/);

    store.put(entryWith('pinned-1', 'ended', { startedAt: start }, true), entryWith('listed-1', 'ended', { startedAt: start }, false));
    assert.equal(bar.view.warning, false, 'the warning goes when the tasks end');
  });

  it('Snooze silences the task (kept across a reload) and read-only mode offers no Stop', async () => {
    await vscode.workspace.getConfiguration().update('mediaTasks.alerts.hours.trtcRecording', 0.001, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration().update('mediaTasks.readOnly', true, vscode.ConfigurationTarget.Global);
    const { store, bar, shown, alerts, make, advance, memento } = await setUp({ choose: 'Snooze' });
    const entry = entryWith('snoozy', 'running', { startedAt: Date.now() - 10_000 }, true);
    store.put(entry);
    alerts.start();
    await until('the notification is shown', () => shown.length === 1);
    assert.deepEqual(shown[0]!.actions, ['Open Details', 'Snooze']);
    await until('the snooze clears the warning', () => !bar.view.warning);
    const stored = memento.get<{ snoozedUntil: Record<string, number> }>('mediaTasks.alerts');
    assert.ok(stored && taskKeyString(entry) in stored.snoozedUntil, 'the snooze is kept in workspace state');

    // A reload: a new instance over the same workspace state does not alert again.
    alerts.dispose();
    const reloaded = make();
    disposables.push(reloaded);
    reloaded.start();
    advance(60_000);
    store.put(entry);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(shown.length, 1);
    assert.equal(bar.view.warning, false);
  });

  it('a ZEGO recording close to the MaxRecordTime in the settings alerts with what ZEGO will do, and the tooltip names the limit', async () => {
    const config = vscode.workspace.getConfiguration();
    await config.update('mediaTasks.alerts.hours.zegoRecording', 0, vscode.ConfigurationTarget.Global);
    // 0.001 h = 3.6 s; the alert comes a quarter of that (0.9 s) before it.
    await config.update('mediaTasks.alerts.limits.zegoMaxRecordTimeHours', 0.001, vscode.ConfigurationTarget.Global);
    const { store, bar, shown, alerts, advance } = await setUp();
    const start = advance(0);
    const zego = () => entryWith('zego-1', 'running', { product: 'zego-recording', vendor: 'zego', startedAt: start }, true);
    store.put(zego());
    alerts.start();
    advance(2_600);
    store.put(zego());
    assert.equal(shown.length, 0, 'not yet within the lead');
    advance(200);
    store.put(zego());
    await until('the notification is shown', () => shown.length === 1);
    assert.match(
      shown[0]!.message,
      /^Task zego-1 \(ZEGO Cloud Recording\) in .+ has been running for 2s: ZEGO ends it at its MaxRecordTime \(3s\), 0s from now\.$/,
    );
    assert.equal(bar.view.warning, true);
    assert.match(bar.view.tooltip.replace(/&nbsp;/g, ' '), /for 2s \\?\(vendor limit 3s\\?\)/);
  });
});
