/**
 * What the integration tests reach through `extension.exports`, built only when VS Code runs the
 * extension in test mode (src/extension.ts returns nothing otherwise). Every installed extension can
 * call `getExtension(id).exports`, so even this handle is made of bound methods and nothing else: no
 * object in it leads to the AccountStore, SecretStorage or the log redactor (which holds the secret
 * values it masks), and no account's secret can be read back, only whether there is one.
 */
import type * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { TaskLedger } from '../tasks/taskLedger';
import type { FilterState } from '../tree/filterState';
import type { TreeNode } from '../tree/nodes';
import type { TaskTreeProvider } from '../tree/taskTreeProvider';
import type { TaskTreeView } from '../tree/taskTreeView';

/** An object's methods (not its fields), each bound to it. */
export type Methods<T> = { readonly [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] };

export interface TestAccounts extends Pick<Methods<AccountStore>, 'list' | 'get' | 'add' | 'update' | 'remove'> {
  hasSecret(accountId: string): Promise<boolean>;
  /** Leaves the account without its secret, as Settings Sync does (it syncs globalState, not SecretStorage). */
  deleteSecret(accountId: string): Promise<void>;
}

export interface MediaTasksApi {
  readonly accounts: TestAccounts;
  readonly ledger: Methods<TaskLedger>;
  readonly tree: Pick<Methods<TaskTreeProvider>, 'getTreeItem' | 'getChildren' | 'refreshAll' | 'findTaskNode'>;
  readonly view: { readonly view: vscode.TreeView<TreeNode> } & Pick<Methods<TaskTreeView>, 'revealTask' | 'revealRoom'>;
  readonly filter: Methods<FilterState>;
  /** Resolves once the ledger file has been read. */
  readonly ready: Promise<void>;
  /** Where the ledger is written. */
  readonly ledgerPath: string;
  /** How long `activate` took, ms (the target is 15: no network, no sandbox, no file reads in it). */
  readonly activationMs: number;
  /** Everything this extension keeps in `globalState` (tests assert no secret is among it). */
  storedState(): Record<string, unknown>;
}

/** Every method of `target` (own and inherited), bound, and none of its fields. */
export function methodsOf<T extends object>(target: T): Methods<T> {
  const out: Record<string, unknown> = {};
  for (let proto: object | null = target; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const value = (target as Record<string, unknown>)[name];
      if (name !== 'constructor' && !(name in out) && typeof value === 'function') out[name] = (value as (...a: unknown[]) => unknown).bind(target);
    }
  }
  return out as Methods<T>;
}

export function createTestApi(parts: {
  readonly accounts: AccountStore;
  readonly hasSecret: (accountId: string) => Promise<boolean>;
  readonly deleteSecret: (accountId: string) => Promise<void>;
  readonly ledger: TaskLedger;
  readonly tree: TaskTreeProvider;
  readonly view: TaskTreeView;
  readonly filter: FilterState;
  readonly ready: Promise<void>;
  readonly ledgerPath: string;
  readonly activationMs: number;
  readonly storedState: () => Record<string, unknown>;
}): MediaTasksApi {
  const { list, get, add, update, remove } = methodsOf(parts.accounts);
  const { getTreeItem, getChildren, refreshAll, findTaskNode } = methodsOf(parts.tree);
  const view = parts.view.view;
  return {
    accounts: { list, get, add, update, remove, hasSecret: parts.hasSecret, deleteSecret: parts.deleteSecret },
    ledger: methodsOf(parts.ledger),
    tree: { getTreeItem, getChildren, refreshAll, findTaskNode },
    view: { view, revealTask: methodsOf(parts.view).revealTask, revealRoom: methodsOf(parts.view).revealRoom },
    filter: methodsOf(parts.filter),
    ready: parts.ready,
    ledgerPath: parts.ledgerPath,
    activationMs: parts.activationMs,
    storedState: parts.storedState,
  };
}
