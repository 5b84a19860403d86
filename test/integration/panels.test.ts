/**
 * Details panels inside a real VS Code: the right panel opens for the right task, its page runs
 * under the CSP and asks for data, the data reaches it, panels are one per task, and the
 * serializer's restore path rebuilds a panel from a saved identity.
 *
 * The panel manager is driven directly with an in-memory store, so the test does not depend on
 * accounts or the sandbox, and does not collide with the serializers the extension registers.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { silentLogger } from '../../src/model/logger';
import { taskKeyString } from '../../src/model/task';
import { filePanelState, taskPanelState } from '../../src/webview/identity';
import { ROOM_VIEW_TYPE, STORAGE_FILE_VIEW_TYPE, TASK_DETAILS_VIEW_TYPE } from '../../src/ids/views';
import { DetailsPanelManager } from '../../src/webview/panels';
import type { HostMessage } from '../../src/webview/protocol';
import { RoomPanelManager } from '../../src/webview/roomPanel';
import type { RoomHostMessage, RoomPanelState } from '../../src/webview/roomProtocol';
import { MemoryStore } from '../fixtures/memoryStore';
import { entryWith, HOSTILE, U64_TASK_ID } from '../fixtures/webview';

function extensionUri(): vscode.Uri {
  const extension = vscode.extensions.all.find((e) => e.packageJSON?.name === 'media-task-explorer');
  assert.ok(extension, 'the extension under development is loaded');
  return extension.extensionUri;
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function webviewTabs(viewType: string): vscode.Tab[] {
  return (
    vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      // VS Code prefixes extension webview types (`mainThreadWebview-…`) in tab inputs.
      .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType))
  );
}

/** Records what the host posts to a panel's page, and whether VS Code delivered it. */
function recordPosts<M = HostMessage>(panel: vscode.WebviewPanel): Array<{ message: M; delivered: boolean | undefined }> {
  const posts: Array<{ message: M; delivered: boolean | undefined }> = [];
  const original = panel.webview.postMessage.bind(panel.webview);
  panel.webview.postMessage = (message: M) => {
    const record: { message: M; delivered: boolean | undefined } = { message, delivered: undefined };
    posts.push(record);
    return original(message).then((delivered) => (record.delivered = delivered));
  };
  return posts;
}

function renderedHeading(posts: ReturnType<typeof recordPosts<HostMessage>>): string | undefined {
  const render = [...posts].reverse().find((p) => p.message.type === 'render' && p.delivered === true);
  return render?.message.type === 'render' ? render.message.document.heading : undefined;
}

describe('task details panels (real VS Code)', function () {
  this.timeout(60_000);
  let store: MemoryStore;
  let manager: DetailsPanelManager;
  const running = entryWith(U64_TASK_ID, 'running', { product: 'gme', room: '9832' });
  const withFile = entryWith('trtc-task-1', 'running', {
    files: [{ userId: 'u1', fileName: HOSTILE[0]!, trackType: 'audio', beginTimeMs: 1562724852626 }],
  });

  beforeEach(() => {
    store = new MemoryStore();
    store.put(running, withFile);
    manager = new DetailsPanelManager({ store, logger: silentLogger, extensionUri: extensionUri(), accountName: () => 'Panel test account' });
  });

  afterEach(async () => {
    manager.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a panel titled for the task, with the strict CSP, and delivers the task to its page', async () => {
    manager.open(taskPanelState(running));
    const [{ panel, state }] = manager.openPanels();
    const posts = recordPosts(panel!);
    assert.deepEqual(state, taskPanelState(running));
    assert.equal(panel!.viewType, TASK_DETAILS_VIEW_TYPE);
    assert.equal(panel!.title, 'Task 44619223… (GME Recording)');
    const tab = await waitFor('the tab', () => webviewTabs(TASK_DETAILS_VIEW_TYPE)[0]);
    assert.equal(tab.label, 'Task 44619223… (GME Recording)');

    const html = panel!.webview.html;
    const nonce = html.match(/script-src 'nonce-([^']+)'/)?.[1];
    assert.ok(nonce, 'CSP with a nonce');
    assert.match(html, /default-src 'none'/);
    assert.match(html, new RegExp(`<script nonce="${nonce!.replace(/[+/]/g, '\\$&')}"`));
    assert.ok(!html.includes(U64_TASK_ID), 'no task data in the HTML');
    const roots = panel!.webview.options.localResourceRoots ?? [];
    assert.deepEqual(
      roots.map((uri) => uri.path),
      [vscode.Uri.joinPath(extensionUri(), 'media').path, vscode.Uri.joinPath(extensionUri(), 'dist', 'webview').path],
    );

    // A delivered render proves the page's nonce'd script ran, said `ready`, and got the data. The
    // session's first webview also starts VS Code's webview host: on a loaded 2-core machine that once
    // took longer than the 15 s the later panels get.
    const heading = await waitFor('the page to receive the task', () => renderedHeading(posts), 40_000);
    assert.equal(heading, 'Task 44619223… (GME Recording)');
    assert.deepEqual(store.refreshed, [taskKeyString(running)], 'opening fetches the running task once');
  });

  it('reveals the existing panel instead of opening a second one', async () => {
    manager.open(taskPanelState(running));
    manager.open(taskPanelState(running));
    manager.open({ ...taskPanelState(running) });
    await waitFor('the tab', () => webviewTabs(TASK_DETAILS_VIEW_TYPE)[0]);
    assert.equal(webviewTabs(TASK_DETAILS_VIEW_TYPE).length, 1);
    assert.deepEqual(manager.openKeys(), [{ accountId: running.accountId, product: 'gme', taskId: U64_TASK_ID }]);
  });

  it('updates a visible panel live when the store changes', async () => {
    manager.open(taskPanelState(running));
    const posts = recordPosts(manager.openPanels()[0]!.panel);
    await waitFor('the first render', () => renderedHeading(posts));
    store.put(entryWith(U64_TASK_ID, 'ended', { product: 'gme', room: '9832' }));
    const status = await waitFor('a render with the new status', () => {
      const last = [...posts].reverse().find((p) => p.message.type === 'render' && p.delivered === true)?.message;
      return last?.type === 'render' && last.document.status?.label === 'ended' ? last.document.status : undefined;
    });
    assert.deepEqual(status, { label: 'ended', tone: 'done' });
  });

  it('opens a storage file panel whose hostile name stays text in the title and out of the HTML', async () => {
    manager.open(filePanelState(withFile, HOSTILE[0]!));
    const [{ panel }] = manager.openPanels();
    assert.equal(panel!.viewType, STORAGE_FILE_VIEW_TYPE);
    assert.equal(panel!.title, 'File <img src=x onerror=alert…', 'long names are cut in the title');
    await waitFor('the tab', () => webviewTabs(STORAGE_FILE_VIEW_TYPE)[0]);
    assert.ok(!panel!.webview.html.includes('onerror'));
    assert.deepEqual(manager.openKeys(), [{ accountId: withFile.accountId, product: withFile.product, taskId: 'trtc-task-1' }]);
  });

  it('restores a panel from its saved identity and re-fetches, and refuses anything else', async () => {
    const restored = vscode.window.createWebviewPanel(TASK_DETAILS_VIEW_TYPE, 'restoring', vscode.ViewColumn.Active, { enableScripts: true });
    await manager.restore(restored, JSON.parse(JSON.stringify(taskPanelState(running))));
    assert.equal(restored.title, 'Task 44619223… (GME Recording)');
    assert.deepEqual(manager.openKeys().map(taskKeyString), [taskKeyString(running)]);
    assert.deepEqual(store.refreshed, [taskKeyString(running)]);

    let disposed = false;
    const bogus = vscode.window.createWebviewPanel(TASK_DETAILS_VIEW_TYPE, 'bogus', vscode.ViewColumn.Active, {});
    bogus.onDidDispose(() => (disposed = true));
    await manager.restore(bogus, { kind: 'task', accountId: 'a', product: 'gme', taskId: 446192236330927912, secretKey: 'x' });
    assert.equal(disposed, true, 'a state that is not an identity closes the panel');
    assert.equal(manager.openPanels().length, 1);
  });

  it('closes every panel on dispose', async () => {
    manager.open(taskPanelState(running));
    manager.open(filePanelState(withFile, HOSTILE[0]!));
    await waitFor('two tabs', () => webviewTabs(TASK_DETAILS_VIEW_TYPE).length + webviewTabs(STORAGE_FILE_VIEW_TYPE).length === 2);
    manager.dispose();
    await waitFor('no tabs', () => webviewTabs(TASK_DETAILS_VIEW_TYPE).length + webviewTabs(STORAGE_FILE_VIEW_TYPE).length === 0);
    assert.deepEqual(manager.openKeys(), []);
  });
});

describe('room panels (real VS Code)', function () {
  this.timeout(60_000);
  let store: MemoryStore;
  let manager: RoomPanelManager;
  const opened: string[] = [];
  const room = `${HOSTILE[0]!}-room`;
  const state: RoomPanelState = { kind: 'room', accountId: 'acc-1', product: 'trtc-recording', room };
  const recording = entryWith('rec-1', 'running', { room });
  const relay = entryWith('relay-1', 'ended', { product: 'trtc-relay', room });
  const elsewhere = entryWith('rec-2', 'running', { room: 'room-9' });

  /** The last delivered message of a kind. */
  const lastDelivered = <T extends RoomHostMessage['type']>(posts: ReturnType<typeof recordPosts<RoomHostMessage>>, type: T) =>
    [...posts].reverse().find((p) => p.message.type === type && p.delivered === true)?.message as Extract<RoomHostMessage, { type: T }> | undefined;

  beforeEach(() => {
    store = new MemoryStore();
    store.put(recording, relay, elsewhere);
    opened.length = 0;
    manager = new RoomPanelManager({ store, logger: silentLogger, extensionUri: extensionUri(), openTask: (key) => opened.push(taskKeyString(key)) });
  });

  afterEach(async () => {
    manager.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens one panel per room, under the strict CSP, and delivers every task of the room (recordings and relays) to its page', async () => {
    manager.open(state);
    manager.open({ ...state, product: 'trtc-relay' });
    const [{ panel }] = manager.openPanels();
    const posts = recordPosts<RoomHostMessage>(panel!);
    assert.equal(panel!.viewType, ROOM_VIEW_TYPE);
    assert.equal(panel!.title, 'Room <img src=x onerror=alert…');
    await waitFor('the tab', () => webviewTabs(ROOM_VIEW_TYPE)[0]);
    assert.equal(webviewTabs(ROOM_VIEW_TYPE).length, 1, 'one panel for the room, whichever TRTC product opened it');
    const html = panel!.webview.html;
    assert.match(html, /default-src 'none'/);
    assert.match(html, /script-src 'nonce-[^']+'/);
    assert.match(html, /\/dist\/webview\/room\.js"/);
    assert.ok(!html.includes('onerror'), 'no room data in the HTML');
    const render = await waitFor('the page to receive the room', () => lastDelivered(posts, 'render'));
    assert.deepEqual([...render.document.tasks.ref].sort(), ['trtc-recording/rec-1', 'trtc-relay/relay-1']);
    assert.equal(render.document.heading, `Room ${room}`);
    assert.deepEqual(manager.openKeys().map(taskKeyString), [taskKeyString(recording)], 'the poller watches the room’s running tasks');
  });

  it('sends the page what changed while tasks run: new tasks of the room, and those that leave it', async () => {
    manager.open(state);
    const posts = recordPosts<RoomHostMessage>(manager.openPanels()[0]!.panel);
    await waitFor('the first render', () => lastDelivered(posts, 'render'));
    store.put(entryWith('rec-3', 'starting', { room }), entryWith('rec-4', 'running', { room: 'room-9' }));
    const update = await waitFor('an update with the new task', () => lastDelivered(posts, 'update'));
    assert.deepEqual(update.upsert.ref, ['trtc-recording/rec-3'], 'only the task of this room');
    assert.match(update.summary, /^3 tasks from /);
    await store.forget(relay);
    const removal = await waitFor('an update that removes the forgotten task', () => {
      const last = lastDelivered(posts, 'update');
      return last && last.remove.length > 0 ? last : undefined;
    });
    assert.deepEqual(removal.remove, ['trtc-relay/relay-1']);
  });

  it('restores a panel from the state its page saved, and refuses anything else', async () => {
    const restored = vscode.window.createWebviewPanel(ROOM_VIEW_TYPE, 'restoring', vscode.ViewColumn.Active, { enableScripts: true });
    const posts = recordPosts<RoomHostMessage>(restored);
    await manager.restore(restored, JSON.parse(JSON.stringify({ ...state, view: { startMs: 1, endMs: 2 } })));
    assert.equal(restored.title, 'Room <img src=x onerror=alert…');
    const render = await waitFor('the restored page to receive the room', () => lastDelivered(posts, 'render'));
    assert.equal(render.document.tasks.ref.length, 2);
    assert.deepEqual(render.state, state, 'the identity goes back to the page; its zoom stays the page’s own');

    let disposed = false;
    const bogus = vscode.window.createWebviewPanel(ROOM_VIEW_TYPE, 'bogus', vscode.ViewColumn.Active, {});
    bogus.onDidDispose(() => (disposed = true));
    await manager.restore(bogus, { kind: 'room', accountId: 'acc-1', product: 'youtube', room });
    assert.equal(disposed, true, 'a state that is not a room closes the panel');
    assert.equal(manager.openPanels().length, 1);
  });
});
