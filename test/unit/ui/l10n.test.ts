// The default l10n bundle (l10n/bundle.l10n.json, what translators start from) must hold every
// string the tree, accounts and commands pass to `vscode.l10n.t` or to a `Localize` function.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');
const FOLDERS = ['accounts', 'tree', 'tasks', 'sources', 'log', 'display'];
const COMMAND_FILES_OF_OTHERS = new Set(['openTaskDetails.ts', 'openStorageFile.ts', 'showRunningTasks.ts']);

function sourceFiles(): string[] {
  const files = [path.join(root, 'src', 'extension.ts')];
  for (const folder of FOLDERS) {
    const dir = path.join(root, 'src', folder);
    for (const name of fs.readdirSync(dir)) if (name.endsWith('.ts')) files.push(path.join(dir, name));
  }
  const commands = path.join(root, 'src', 'commands');
  for (const name of fs.readdirSync(commands)) if (name.endsWith('.ts') && !COMMAND_FILES_OF_OTHERS.has(name)) files.push(path.join(commands, name));
  return files;
}

/** Literal first arguments of `t(...)` and `….t(...)` calls. */
export function localizedStrings(file: string): string[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = node.expression;
      const named = (ts.isIdentifier(callee) && callee.text === 't') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
      const first = node.arguments[0];
      if (named && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) out.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('l10n bundle', () => {
  it('holds every localized string of the tree, accounts and commands', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const used = new Set(sourceFiles().flatMap(localizedStrings));
    assert.ok(used.size > 50, `found only ${used.size} strings`);
    const missing = [...used].filter((s) => bundle[s] !== s).sort();
    assert.deepEqual(missing, [], 'add these to l10n/bundle.l10n.json');
  });
});
