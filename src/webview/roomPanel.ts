/**
 * Room panels: every task of a room on one time axis, one panel per room, live while tasks change.
 * The host sends the room's tasks once, then only what changed (debounced); zoom and pan happen in
 * the page. The serializer brings a panel back after a reload, and the page restores its own zoom.
 */
import * as vscode from 'vscode';
import { ROOM_VIEW_TYPE } from '../ids/views';
import type { Disposable } from '../model/events';
import type { LedgerEntry } from '../model/ledgerEntry';
import type { Logger } from '../model/logger';
import { isTerminal, type TaskKey } from '../model/task';
import type { TaskStore } from '../model/taskStore';
import { errorMessage } from '../display/errors';
import { shortId, visibleString } from '../display/text';
import { pageHtml, webviewRoots } from './pageResources';
import { inRoom, parseRoomState, roomProducts, roomStateKey } from './identity';
import { byRoomOrder, roomDocument, roomHeading, roomSummary, roomTaskColumns, roomTaskRef } from './roomDocument';
import { parseRoomMessage, type RoomHostMessage, type RoomPanelState } from './roomProtocol';

/** Ledger changes arrive in bursts (a poll records many tasks); the page gets one update per burst. */
const UPDATE_DEBOUNCE_MS = 250;

export interface RoomPanelDeps {
  readonly store: TaskStore;
  readonly logger: Logger;
  readonly extensionUri: vscode.Uri;
  /** Opens a task's details panel (a bar was clicked). */
  readonly openTask: (key: TaskKey) => void;
}

export function roomPanelTitle(state: RoomPanelState): string {
  return roomHeading({ product: state.product, room: shortId(state.room, 24) }, vscode.l10n);
}

function time(): { now: number; locale: string } {
  return { now: Date.now(), locale: vscode.env.language };
}

class RoomPanel implements Disposable {
  private ready = false;
  private disposed = false;
  /** Refs the page holds, so an update can say which left the room. */
  private sent = new Set<string>();
  private pending = new Map<string, TaskKey>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: Disposable[] = [];

  constructor(
    readonly state: RoomPanelState,
    readonly panel: vscode.WebviewPanel,
    private readonly deps: RoomPanelDeps,
    private readonly forget: (panel: RoomPanel) => void,
  ) {
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: webviewRoots(deps.extensionUri) };
    webview.html = pageHtml(webview, deps.extensionUri, 'room.js');
    panel.title = roomPanelTitle(state);
    this.subscriptions.push(
      webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      panel.onDidChangeViewState(() => {
        // A hidden page is discarded; it says `ready` again when shown, and gets the whole room.
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => this.dispose()),
      deps.store.onDidChange((keys) => this.onStoreChange(keys)),
    );
  }

  /** The room's entries, from the ledger. */
  entries(): LedgerEntry[] {
    return this.deps.store.all().filter((entry) => inRoom(this.state, entry, entry.task.room));
  }

  /** Running tasks of the room: the poller keeps them fresh while the panel is open. */
  runningKeys(): TaskKey[] {
    return this.entries()
      .filter((entry) => !isTerminal(entry.task.status))
      .map(({ accountId, product, taskId }) => ({ accountId, product, taskId }));
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  private post(message: RoomHostMessage): void {
    if (!this.ready || this.disposed) return;
    this.panel.webview.postMessage(message).then(undefined, (error: unknown) => {
      this.deps.logger.debug(`[room] postMessage failed: ${errorMessage(error)}`);
    });
  }

  private renderAll(): void {
    const entries = this.entries();
    this.sent = new Set(entries.map(roomTaskRef));
    this.pending.clear();
    this.post({ type: 'render', state: this.state, document: roomDocument(this.state, entries, { time: time(), l10n: vscode.l10n }) });
  }

  private onStoreChange(keys: readonly TaskKey[]): void {
    const products = roomProducts(this.state.product);
    for (const key of keys) {
      if (key.accountId === this.state.accountId && products.includes(key.product)) this.pending.set(roomTaskRef(key), key);
    }
    if (this.pending.size === 0 || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, UPDATE_DEBOUNCE_MS);
  }

  /** Sends what changed since the last message: tasks now in the room, and refs that left it. */
  private flush(): void {
    if (!this.ready || this.disposed || this.pending.size === 0) return;
    const upsert: LedgerEntry[] = [];
    const remove: string[] = [];
    for (const [ref, key] of this.pending) {
      const entry = this.deps.store.get(key);
      if (entry && inRoom(this.state, entry, entry.task.room)) {
        upsert.push(entry);
        this.sent.add(ref);
      } else if (this.sent.delete(ref)) {
        remove.push(ref);
      }
    }
    this.pending.clear();
    if (upsert.length === 0 && remove.length === 0) return;
    const ctx = { time: time(), l10n: vscode.l10n };
    this.post({ type: 'update', now: ctx.time.now, upsert: roomTaskColumns(upsert.sort(byRoomOrder)), remove, summary: roomSummary(this.entries(), ctx) });
  }

  private onMessage(raw: unknown): void {
    const message = parseRoomMessage(raw);
    if (!message) {
      this.deps.logger.warn('[room] ignored a malformed message from a room page');
      return;
    }
    if (message.type === 'ready') {
      this.ready = true;
      this.renderAll();
      return;
    }
    // Only a task of this room can be opened from its page, whatever the page says.
    const entry = this.entries().find((e) => roomTaskRef(e) === message.ref);
    if (!entry) {
      this.deps.logger.warn(`[room] the page asked for a task that is not in room ${visibleString(shortId(this.state.room, 40))}`);
      return;
    }
    this.deps.openTask({ accountId: entry.accountId, product: entry.product, taskId: entry.taskId });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.forget(this);
    this.panel.dispose();
  }
}

/** Every open room panel, one per room. */
export class RoomPanelManager implements Disposable {
  private readonly panels = new Map<string, RoomPanel>();

  constructor(private readonly deps: RoomPanelDeps) {}

  open(state: RoomPanelState): void {
    const identity: RoomPanelState = { kind: 'room', accountId: state.accountId, product: state.product, room: state.room };
    const existing = this.panels.get(roomStateKey(identity));
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(ROOM_VIEW_TYPE, roomPanelTitle(identity), vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: webviewRoots(this.deps.extensionUri),
    });
    this.adopt(identity, panel);
  }

  /** The serializer's half: a panel VS Code kept across a reload, with the state its page saved. */
  async restore(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    const state = parseRoomState(saved);
    if (!state) {
      this.deps.logger.warn('[room] could not restore a room panel: its saved state is not a room');
      panel.dispose();
      return;
    }
    const identity: RoomPanelState = { kind: 'room', accountId: state.accountId, product: state.product, room: state.room };
    const existing = this.panels.get(roomStateKey(identity));
    if (existing) {
      panel.dispose();
      existing.reveal();
      return;
    }
    this.adopt(identity, panel);
  }

  /** Running tasks of every open room (for the poller). */
  openKeys(): TaskKey[] {
    return [...this.panels.values()].flatMap((p) => p.runningKeys());
  }

  /** The open room panels (integration tests look at these). */
  openPanels(): ReadonlyArray<{ readonly state: RoomPanelState; readonly panel: vscode.WebviewPanel }> {
    return [...this.panels.values()].map((p) => ({ state: p.state, panel: p.panel }));
  }

  private adopt(state: RoomPanelState, panel: vscode.WebviewPanel): RoomPanel {
    const room = new RoomPanel(state, panel, this.deps, (p) => {
      const key = roomStateKey(p.state);
      if (this.panels.get(key) === p) this.panels.delete(key);
    });
    this.panels.set(roomStateKey(state), room);
    return room;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}
