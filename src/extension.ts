// Composition root: builds the pieces and registers them; nothing else lives here.
import * as vscode from 'vscode';
import { AccountStore, secretKeyOf } from './accounts/accountStore';
import { CallbackKeyStore } from './accounts/callbackKeyStore';
import { createTestApi, type MediaTasksApi } from './api/testApi';
import { CommandIds } from './ids/commands';
import { createCommands, registerCommands } from './commands/registry';
import { addHarnessDemoAccounts } from './demo/demoEnvironment';
import { SettingKeys } from './ids/settingKeys';
import { Redactor } from './log/redact';
import { createRedactingLogger } from './log/redactingLogger';
import { createTaskPoller } from './polling';
import { EmbeddedSandbox } from './sources/embeddedSandbox';
import { SourceRegistry } from './sources/sourceRegistry';
import { affectsAny, currentSettings } from './settings';
import { SOURCE_SETTING_KEYS } from './settings/values';
import { createVendorSourceFactory, createVendorStopperFactory, vendorRedactorFactory } from './sources/vendorSources';
import { createTaskStatusBar } from './status';
import { LongRunningAlerts } from './status/alerts';
import { CallbackIntake } from './tasks/callbackIntake';
import { ReceiverSwitch } from './tasks/callbackReceiver';
import { LedgerFile } from './tasks/ledgerFile';
import { PollLease } from './tasks/pollLease';
import { TaskLedger } from './tasks/taskLedger';
import { TaskLoader } from './tasks/taskLoader';
import { listingHours } from './tree/filter';
import { TaskStops } from './tasks/taskStops';
import { createQueryCopier } from './sources/queryCopier';
import { FilterState } from './tree/filterState';
import { TaskTreeProvider } from './tree/taskTreeProvider';
import { TaskTreeView } from './tree/taskTreeView';
import { verifyCallback } from './vendors/callbacks/verify';
import { createTaskDetailsPanels } from './webview';

export type { MediaTasksApi } from './api/testApi';

let flushLedger: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): MediaTasksApi | undefined {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Media Tasks', { log: true });
  const redactor = new Redactor(vendorRedactorFactory);
  const logger = createRedactingLogger(channel, redactor);
  const defaultHours = (): number => currentSettings().defaultTimeRangeHours;
  const readOnly = (): boolean => currentSettings().readOnly;

  const accounts = new AccountStore(context.globalState, context.secrets, redactor);
  const sandbox = new EmbeddedSandbox(context.globalState, logger);
  const sourceFactory = createVendorSourceFactory(logger);
  const sources = new SourceRegistry(accounts, sourceFactory, (account) => sandbox.prepare(account));
  // Before the tree hears of it: the tree's next loads build sources from the changed account.
  context.subscriptions.push(accounts.onDidChange(({ accountId }) => sources.invalidate(accountId)));
  const ledgerFile = new LedgerFile(context.globalStorageUri.fsPath, { logger });
  const retention = () => currentSettings().ledgerRetention;
  const ledger = new TaskLedger(ledgerFile, (id, product) => sources.source(id, product), logger, Date.now, { retention });
  const stopperFactory = createVendorStopperFactory(logger);
  const stops = new TaskStops({ accounts, factory: stopperFactory, prepare: (account) => sandbox.prepare(account), ledger, logger, readOnly });
  const callbackKeys = new CallbackKeyStore(context.secrets, accounts, redactor);
  const intake = new CallbackIntake({ verify: verifyCallback, keyring: () => callbackKeys.keyring(), ledger, logger });
  const receiver = new ReceiverSwitch({ intake, logger, onError: (message) => void vscode.window.showWarningMessage(message) });
  // The embedded sandbox sends its demo callbacks to the receiver while the user has it on.
  const applyReceiver = async (): Promise<void> => {
    await receiver.apply(currentSettings().callbackReceiver);
    sandbox.setCallbackTarget(await receiver.url());
  };
  const filter = new FilterState(context.workspaceState);
  const loader = new TaskLoader({
    ledger,
    source: (id, product) => sources.source(id, product),
    listingHours: () => listingHours(filter.get(), defaultHours()),
  });
  const tree = new TaskTreeProvider({ accounts, ledger, loader, filter, logger, defaultHours });
  const view = new TaskTreeView(tree, accounts, filter);
  const panels = createTaskDetailsPanels(context, {
    store: ledger,
    logger,
    accountName: (id) => accounts.get(id)?.label,
    canStop: () => !readOnly(),
    stop: (key) => void vscode.commands.executeCommand(CommandIds.stopTask, key),
  });
  const statusBar = createTaskStatusBar({ store: ledger, logger });
  const alerts = new LongRunningAlerts({
    store: ledger,
    logger,
    memento: context.workspaceState,
    openKeys: () => panels.openKeys(),
    onWarning: (tasks) => statusBar.setLongRunning(tasks),
    readOnly,
  });
  const lease = new PollLease({ dir: context.globalStorageUri.fsPath, logger });
  const poller = createTaskPoller({
    store: ledger,
    logger,
    lease,
    watchedKeys: () => [...(view.visible ? tree.visibleTaskKeys() : []), ...panels.openKeys()],
    isViewVisible: () => view.visible,
    onBusyChange: (busy) => statusBar.setRefreshing(busy),
    onError: (message) => statusBar.setLastError(message),
  });
  context.subscriptions.push(channel, accounts, sandbox, ledger, loader, filter, tree, view, statusBar, alerts, poller, receiver);

  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  registerCommands(
    context,
    createCommands({
      accounts,
      ledger,
      loader,
      sources,
      sourceFactory,
      sandbox,
      tree,
      view,
      filter,
      panels,
      log: channel,
      logger,
      defaultHours,
      stops,
      stopperFactory,
      readOnly,
      queryCopier: createQueryCopier({
        accounts,
        prepare: (account) => sandbox.prepare(account),
        listingHours: () => listingHours(filter.get(), defaultHours()),
      }),
      callbackKeys,
      intake,
    }),
    { logger, rethrow: testMode },
  );
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsAny(e, SOURCE_SETTING_KEYS)) {
        sources.invalidate();
        tree.refreshAll();
      } else if (e.affectsConfiguration(SettingKeys.defaultTimeRangeHours)) {
        tree.refreshAll();
      }
      if (affectsAny(e, [SettingKeys.callbackReceiverEnabled, SettingKeys.callbackReceiverPort])) void applyReceiver();
    }),
    view.onDidChangeVisibility(() => poller.wake()),
  );
  void applyReceiver();
  // The debounced ledger write lands, and the poll lease goes to another window at once.
  flushLedger = () => Promise.all([ledger.flush(), lease.dispose()]).then(() => undefined);

  // Everything slow happens after activation returns: reading the ledger, the demo accounts.
  const ready = ledger.load().then(
    (loaded) => {
      if (loaded.backupPath) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Part of the task ledger could not be read ({0}). The original was kept at {1}.', loaded.problems.join('; '), loaded.backupPath),
        );
      }
      poller.start();
      alerts.start();
      void lease.start();
    },
    (err: unknown) => logger.error('[ledger] could not be read', err),
  );
  void ready.then(() =>
    addHarnessDemoAccounts(process.env, accounts, ledger, callbackKeys, logger, { hostileStrings: currentSettings().sandboxHostileStrings }),
  );
  // F5 (.vscode/launch.json) sets MTE_DEMO=embedded: the embedded sandbox and its demo accounts, as "Try the Sandbox" adds them.
  if (process.env.MTE_DEMO === 'embedded') void ready.then(() => vscode.commands.executeCommand(CommandIds.trySandbox));
  const storedState = (): Record<string, unknown> => Object.fromEntries(context.globalState.keys().map((key) => [key, context.globalState.get(key)]));
  const activationMs = performance.now() - started;
  logger.info(`[activate] ${activationMs.toFixed(1)} ms`);
  // Any installed extension can read `exports`: only the test harness gets a handle, and never the secrets.
  if (!testMode) return undefined;
  const hasSecret = async (id: string): Promise<boolean> => (await context.secrets.get(secretKeyOf(id))) !== undefined;
  const deleteSecret = (id: string): Thenable<void> => context.secrets.delete(secretKeyOf(id));
  return createTestApi({
    accounts,
    hasSecret,
    deleteSecret: async (id) => deleteSecret(id),
    ledger,
    tree,
    view,
    filter,
    ready,
    ledgerPath: ledgerFile.path,
    activationMs,
    storedState,
  });
}

export async function deactivate(): Promise<void> {
  // Disposables go with context.subscriptions; the debounced ledger write must land first.
  await flushLedger?.();
}
