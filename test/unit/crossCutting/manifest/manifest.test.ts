// package.json and the code must agree (after vscode-pull-request-github's check-commands): every
// contributed command is in the id table and registered by registry.ts, and every `viewItem` token a
// menu matches can be produced by the contextValue builder.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandIds } from '../../../../src/ids/commands';
import { ContextKeys } from '../../../../src/ids/contextKeys';
import { SettingKeys } from '../../../../src/ids/settingKeys';
import { ROOM_VIEW_TYPE, STORAGE_FILE_VIEW_TYPE, TASK_DETAILS_VIEW_TYPE, TASKS_VIEW_ID, VIEW_CONTAINER_ID } from '../../../../src/ids/views';
import { contextTokens } from '../../../../src/tree/contextValue';
import type { NodeKind } from '../../../../src/tree/nodes';
import { PRODUCTS, type TaskStatus } from '../../../../src/model/task';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const contributes = pkg.contributes;
const ids = new Set<string>(Object.values(CommandIds));

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}
const menuItems = (): [string, MenuItem][] =>
  Object.entries(contributes.menus as Record<string, MenuItem[]>).flatMap(([menu, items]) => items.map((i): [string, MenuItem] => [menu, i]));

/** Every token the builder can put in a contextValue, over every combination of facts. */
function producibleTokens(): Set<string> {
  const kinds: NodeKind[] = ['account', 'product', 'room', 'dayGroup', 'task', 'file', 'loadMore', 'error', 'placeholder'];
  const statuses: TaskStatus[] = ['starting', 'running', 'paused', 'stopping', 'ended', 'failed', 'unknown'];
  const tokens = new Set<string>();
  for (const kind of kinds)
    for (const product of PRODUCTS)
      for (const status of statuses)
        for (const flag of [false, true]) {
          const facts = { kind, product, status, hasFiles: flag, pinned: flag, pinnedRoom: flag, authError: flag };
          for (const token of contextTokens(facts)) tokens.add(token);
        }
  return tokens;
}

describe('manifest and code agree', () => {
  it('contributes exactly the commands of the id table, each with the category, a codicon and a localized title', () => {
    const contributed = contributes.commands as { command: string; title: string; category: string; icon: string }[];
    assert.deepEqual(contributed.map((c) => c.command).sort(), [...ids].sort());
    for (const c of contributed) {
      assert.equal(c.category, 'Media Tasks', c.command);
      assert.match(c.icon, /^\$\([a-z-~]+\)$/, c.command);
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      assert.ok(key && nls[key], `${c.command}: title ${c.title} has no package.nls.json entry`);
    }
  });

  it('registers every command id through registry.ts: each factory it calls builds one id', () => {
    const registryText = fs.readFileSync(path.join(root, 'src', 'commands', 'registry.ts'), 'utf8');
    const factories = [...registryText.matchAll(/^import \{ (\w+Command) \} from '\.\/(\w+)';$/gm)];
    const built = new Set<string>();
    for (const [, factory, file] of factories) {
      assert.ok(registryText.includes(`${factory}(`), `${factory} is imported but never called`);
      const source = fs.readFileSync(path.join(root, 'src', 'commands', `${file}.ts`), 'utf8');
      const id = /id: CommandIds\.(\w+)/.exec(source)?.[1];
      assert.ok(id, `${file}.ts builds no command`);
      built.add((CommandIds as Record<string, string>)[id]);
    }
    assert.deepEqual([...built].sort(), [...ids].sort());
  });

  it('menus name only contributed commands, in the Tasks view, hiding tree-only ones from the palette', () => {
    for (const [menu, item] of menuItems()) {
      assert.ok(ids.has(item.command), `${menu}: unknown command ${item.command}`);
      if (menu.startsWith('view/')) assert.match(item.when ?? '', /view == mediaTasks\.tasks/, `${menu} ${item.command}`);
    }
    const hidden = (contributes.menus.commandPalette as MenuItem[])
      .filter((i) => i.when === 'false')
      .map((i) => i.command)
      .sort();
    assert.deepEqual(hidden, [CommandIds.loadMore, CommandIds.refreshNode, CommandIds.retry].sort());
  });

  it('matches only viewItem tokens the contextValue builder can produce', () => {
    const producible = producibleTokens();
    const used = new Set<string>();
    for (const [, item] of menuItems()) {
      for (const m of (item.when ?? '').matchAll(/viewItem =~ \/\(\^\|;\)(\w+)\(;\|\$\)\//g)) used.add(m[1]);
      assert.doesNotMatch(item.when ?? '', /viewItem ==/, 'match tokens with the regex form, never the whole value');
    }
    assert.ok(used.size > 5);
    for (const token of used) assert.ok(producible.has(token), `when clause uses "${token}", which no node produces`);
  });

  it('sets every context key the manifest reads', () => {
    const src = fs.readFileSync(path.join(root, 'src', 'tree', 'taskTreeView.ts'), 'utf8');
    for (const name of Object.keys(ContextKeys)) assert.ok(src.includes(`'setContext', ContextKeys.${name}`), `${name} is never set`);
  });

  it('has a localized string for every %key% and the icons it names', () => {
    const text = JSON.stringify(contributes);
    for (const [, key] of text.matchAll(/%([\w.]+)%/g)) assert.ok(nls[key], `missing package.nls.json key ${key}`);
    assert.ok(fs.existsSync(path.join(root, pkg.icon)));
    for (const c of contributes.viewsContainers.activitybar) assert.ok(fs.existsSync(path.join(root, c.icon)));
    // Every mediaTasks setting the code reads is declared, and nothing else is.
    assert.deepEqual(
      Object.keys(contributes.configuration.properties).sort(),
      Object.values(SettingKeys)
        .filter((key) => key.startsWith('mediaTasks.'))
        .sort(),
    );
  });

  it('contributes the view ids, webview types (activating for restored panels, nothing eager) and context keys of the id table', () => {
    assert.deepEqual(
      contributes.viewsContainers.activitybar.map((c: { id: string }) => c.id),
      [VIEW_CONTAINER_ID],
    );
    assert.deepEqual(
      contributes.views[VIEW_CONTAINER_ID].map((v: { id: string }) => v.id),
      [TASKS_VIEW_ID],
    );
    assert.deepEqual(pkg.activationEvents, [
      `onWebviewPanel:${TASK_DETAILS_VIEW_TYPE}`,
      `onWebviewPanel:${STORAGE_FILE_VIEW_TYPE}`,
      `onWebviewPanel:${ROOM_VIEW_TYPE}`,
    ]);
    const whens = [...menuItems().map(([, i]) => i.when ?? ''), ...contributes.viewsWelcome.map((w: { when: string }) => w.when)].join(' ');
    // `config.mediaTasks.*` are settings, which VS Code provides to when clauses itself.
    const used = new Set(whens.match(/(?<!config\.)mediaTasks\.[A-Za-z]+(?![.\w])/g) ?? []);
    for (const id of [...ids, TASKS_VIEW_ID]) used.delete(id);
    assert.deepEqual([...used].sort(), Object.values(ContextKeys).sort());
  });
});
