/**
 * Details panels in VS Code: one per task and one per storage file, kept in a Map by identity.
 * No `retainContextWhenHidden`: a hidden panel's page is dropped, and when it comes back its script
 * says `ready` again and gets a fresh render. The page saves only its identity, so after a reload
 * the serializer rebuilds the panel from the ledger and re-fetches.
 */
import * as vscode from 'vscode';
import type { Disposable } from '../model/events';
import { isOpenableUrl } from '../model/files';
import type { Logger } from '../model/logger';
import { isTerminal, sameTask, taskKeyString, type TaskKey } from '../model/task';
import type { TaskStore } from '../model/taskStore';
import { storageFileDocument, taskDocument, type BuiltDocument, type DocumentContext } from './document';
import { SettingKeys } from '../ids/settingKeys';
import { STORAGE_FILE_VIEW_TYPE, TASK_DETAILS_VIEW_TYPE } from '../ids/views';
import { errorMessage } from '../display/errors';
import { taskTitle } from '../display/taskPick';
import { shortId } from '../display/text';
import { messageText, plainText, VENDOR_MESSAGE_MAX } from '../display/vendorText';
import { filePanelState, panelStateKey, parsePanelState, taskPanelState, type PanelState } from './identity';
import { pageHtml, webviewRoots } from './pageResources';
import { parseWebviewMessage, type HostMessage, type WebviewMessage } from './protocol';

/** Relative times ("5 minutes ago") and running durations go stale; a visible panel re-renders this often. */
const CLOCK_REFRESH_MS = 30_000;

export interface PanelManagerDeps {
  readonly store: TaskStore;
  readonly logger: Logger;
  readonly extensionUri: vscode.Uri;
  /** Opens the room panel of a task's room (the page's Room Timeline button). */
  readonly openRoom?: (key: TaskKey) => void;
  readonly accountName: (accountId: string) => string | undefined;
  /** Whether write actions are offered (false in read-only mode); none are without it. */
  readonly canStop?: () => boolean;
  /** Runs Stop Task… on the panel's task (its confirmation included). */
  readonly stop?: (key: TaskKey) => void;
}

export function viewTypeOf(state: PanelState): string {
  return state.kind === 'task' ? TASK_DETAILS_VIEW_TYPE : STORAGE_FILE_VIEW_TYPE;
}

export function panelTitle(state: PanelState): string {
  return state.kind === 'task' ? taskTitle(state, vscode.l10n) : vscode.l10n.t('File {0}', plainText(shortId(state.fileName, 24)));
}

function documentContext(deps: PanelManagerDeps): DocumentContext {
  return { time: { now: Date.now(), locale: vscode.env.language }, l10n: vscode.l10n, accountName: deps.accountName, canStop: deps.canStop?.() === true };
}

/** What the manager needs back from a panel, so panels can open each other. */
interface PanelHost {
  open(state: PanelState): void;
  forget(panel: DetailsPanel): void;
}

class DetailsPanel implements Disposable {
  private ready = false;
  private refreshing = false;
  private copyValues: ReadonlyMap<string, string> = new Map();
  private clock: ReturnType<typeof setInterval> | undefined;
  private readonly abort = new AbortController();
  private readonly subscriptions: Disposable[] = [];
  private disposed = false;
  /** The task alone (a file panel's state also names the file). */
  readonly key: TaskKey;

  constructor(
    readonly state: PanelState,
    readonly panel: vscode.WebviewPanel,
    private readonly deps: PanelManagerDeps,
    private readonly host: PanelHost,
  ) {
    this.key = { accountId: state.accountId, product: state.product, taskId: state.taskId };
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: webviewRoots(deps.extensionUri) };
    webview.html = pageHtml(webview, deps.extensionUri, 'details.js');
    panel.title = panelTitle(state);
    this.subscriptions.push(
      webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      // Read-only mode shows or hides the Stop button at once.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SettingKeys.readOnly)) this.render();
      }),
      panel.onDidChangeViewState(() => this.onViewState()),
      panel.onDidDispose(() => this.dispose()),
      deps.store.onDidChange((keys) => {
        if (keys.some((key) => sameTask(key, state))) this.render();
      }),
    );
  }

  /** Asks the vendor for the task's state; the store's change event re-renders the page. */
  async refresh(): Promise<void> {
    if (this.refreshing || this.disposed) return;
    this.refreshing = true;
    this.post({ type: 'busy', busy: true });
    try {
      await this.deps.store.refresh(this.key, this.abort.signal);
    } catch (error) {
      if (this.disposed) return;
      const message = errorMessage(error);
      this.deps.logger.warn(`[panels] refresh failed for ${taskKeyString(this.key)}: ${message}`);
      // With a ledger entry the page shows the error as a banner; without one nothing else would.
      if (!this.deps.store.get(this.key)) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Could not refresh {0}: {1}', taskTitle(this.key, vscode.l10n, messageText), messageText(message, VENDOR_MESSAGE_MAX)),
        );
      }
    } finally {
      this.refreshing = false;
      if (!this.disposed) {
        this.post({ type: 'busy', busy: false });
        this.render();
      }
    }
  }

  /** Refreshes unless the ledger already knows the task ended (TRTC would answer with an error). */
  refreshIfLive(): void {
    const entry = this.deps.store.get(this.key);
    if (!entry || !isTerminal(entry.task.status)) void this.refresh();
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  private build(): BuiltDocument {
    const entry = this.deps.store.get(this.key);
    const ctx = documentContext(this.deps);
    return this.state.kind === 'task' ? taskDocument(this.key, entry, ctx) : storageFileDocument(this.key, this.state.fileName, entry, ctx);
  }

  /** Posts the current document; skipped while the page is hidden (it re-asks with `ready` when shown). */
  private render(): void {
    if (this.disposed || !this.ready || !this.panel.visible) return;
    const built = this.build();
    this.copyValues = built.copyValues;
    this.post({ type: 'render', state: this.state, document: built.document });
  }

  private post(message: HostMessage): void {
    if (!this.ready) return;
    this.panel.webview.postMessage(message).then(undefined, (error: unknown) => {
      this.deps.logger.debug(`[panels] postMessage failed: ${errorMessage(error)}`);
    });
  }

  private onViewState(): void {
    if (!this.panel.visible) {
      // The page is discarded while hidden; nothing may be posted until its script says `ready` again.
      this.ready = false;
      this.stopClock();
    }
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.deps.logger.warn('[panels] ignored a malformed message from a details page');
      return;
    }
    this.handle(message);
  }

  private handle(message: WebviewMessage): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.render();
        if (this.refreshing) this.post({ type: 'busy', busy: true });
        this.startClock();
        return;
      case 'refresh':
        void this.refresh();
        return;
      case 'openTask':
        this.host.open(taskPanelState(this.key));
        return;
      case 'openRoom':
        this.deps.openRoom?.(this.key);
        return;
      case 'stopTask':
        this.deps.stop?.(this.key);
        return;
      case 'openFile':
        this.host.open(filePanelState(this.key, message.fileName));
        return;
      case 'openUrl': {
        // Only on the user's click, only a web URL, and never written to the log (it may be signed).
        const state = this.state;
        const url = state.kind === 'file' ? this.deps.store.get(this.key)?.task.files.find((f) => f.fileName === state.fileName)?.url : undefined;
        if (url !== undefined && isOpenableUrl(url)) void vscode.env.openExternal(vscode.Uri.parse(url, true));
        return;
      }
      case 'copy': {
        const value = this.copyValues.get(message.copyId);
        if (value === undefined) return;
        void vscode.env.clipboard.writeText(value).then(() => {
          vscode.window.setStatusBarMessage(vscode.l10n.t('Copied to the clipboard'), 2000);
        });
        return;
      }
    }
  }

  private startClock(): void {
    this.stopClock();
    this.clock = setInterval(() => this.render(), CLOCK_REFRESH_MS);
  }

  private stopClock(): void {
    if (this.clock !== undefined) clearInterval(this.clock);
    this.clock = undefined;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.abort.abort();
    this.stopClock();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.host.forget(this);
    this.panel.dispose();
  }
}

/** Every open details panel, one per identity. */
export class DetailsPanelManager implements PanelHost, Disposable {
  private readonly panels = new Map<string, DetailsPanel>();

  constructor(private readonly deps: PanelManagerDeps) {}

  /** Reveals the panel for `state`, or opens it and fetches the task's current state. */
  open(state: PanelState): void {
    const existing = this.panels.get(panelStateKey(state));
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(viewTypeOf(state), panelTitle(state), vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: webviewRoots(this.deps.extensionUri),
    });
    this.adopt(state, panel).refreshIfLive();
  }

  /** The serializer's half: a panel VS Code kept across a reload, with the state its page saved. */
  async restore(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    const state = parsePanelState(saved);
    if (!state || viewTypeOf(state) !== panel.viewType) {
      this.deps.logger.warn(`[panels] could not restore a ${panel.viewType} panel: its saved state is not a task identity`);
      panel.dispose();
      return;
    }
    const existing = this.panels.get(panelStateKey(state));
    if (existing) {
      panel.dispose();
      existing.reveal();
      return;
    }
    this.adopt(state, panel).refreshIfLive();
  }

  /** Tasks with an open panel (task or storage file), once each: the poller watches them. */
  openKeys(): TaskKey[] {
    const keys = new Map<string, TaskKey>();
    for (const panel of this.panels.values()) keys.set(taskKeyString(panel.key), panel.key);
    return [...keys.values()];
  }

  /** The identities of the open panels with their VS Code panels (integration tests look at these). */
  openPanels(): ReadonlyArray<{ readonly state: PanelState; readonly panel: vscode.WebviewPanel }> {
    return [...this.panels.values()].map((p) => ({ state: p.state, panel: p.panel }));
  }

  forget(panel: DetailsPanel): void {
    const key = panelStateKey(panel.state);
    if (this.panels.get(key) === panel) this.panels.delete(key);
  }

  private adopt(state: PanelState, panel: vscode.WebviewPanel): DetailsPanel {
    const details = new DetailsPanel(state, panel, this.deps, this);
    this.panels.set(panelStateKey(state), details);
    return details;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}
