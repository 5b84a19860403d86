// Import direction, one way only: model <- vendors <- tasks/accounts/sources <- tree/webview/status/polling <- commands <- extension.ts.
//   1. src/model, src/vendors, src/sandbox never import `vscode` as a value (a type-only import at most),
//      so they run under plain mocha.
//   2. UI folders never import src/vendors or src/sandbox statically; they reach vendors through the
//      TaskSource contract, and start the sandbox with a lazy `import()`. Only src/extension.ts and
//      src/sources/** (the composition of vendor clients into task sources) may import them statically.
//   3. src/model imports nothing from other src folders; src/vendors never imports the sandbox or UI.
// The scanner reads every import form with the TypeScript parser: import/export-from declarations
// (type-only ones marked), `import x = require()`, `require()` and dynamic `import()`.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');
const srcDir = path.join(root, 'src');

export interface ImportRef {
  specifier: string;
  /** erased at compile time: `import type`, or every named specifier is `type` */
  typeOnly: boolean;
  /** `import()` at run time, rather than a static declaration or require */
  dynamic: boolean;
  line: number;
}

export function scanImports(fileName: string, text: string): ImportRef[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const refs: ImportRef[] = [];
  const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      let typeOnly = Boolean(clause?.isTypeOnly);
      if (clause && !typeOnly && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        const els = clause.namedBindings.elements;
        typeOnly = els.length > 0 && els.every((e) => e.isTypeOnly);
      }
      refs.push({ specifier: node.moduleSpecifier.text, typeOnly, dynamic: false, line: lineOf(node) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      let typeOnly = node.isTypeOnly;
      if (!typeOnly && node.exportClause && ts.isNamedExports(node.exportClause)) {
        const els = node.exportClause.elements;
        typeOnly = els.length > 0 && els.every((e) => e.isTypeOnly);
      }
      refs.push({ specifier: node.moduleSpecifier.text, typeOnly, dynamic: false, line: lineOf(node) });
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      refs.push({ specifier: node.moduleReference.expression.text, typeOnly: node.isTypeOnly, dynamic: false, line: lineOf(node) });
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const arg = node.arguments[0] as ts.StringLiteralLike;
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        refs.push({ specifier: arg.text, typeOnly: false, dynamic: true, line: lineOf(node) });
      } else if (ts.isIdentifier(node.expression) && node.expression.text === 'require') {
        refs.push({ specifier: arg.text, typeOnly: false, dynamic: false, line: lineOf(node) });
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      // `typeof import('x')` in a type position: erased
      refs.push({ specifier: node.argument.literal.text, typeOnly: true, dynamic: false, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return refs;
}

/** The src-relative folder an import lands in ('vendors', 'sandbox', 'extension.ts', ...), or undefined outside src. */
export function targetArea(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const abs = path.resolve(path.dirname(fromFile), specifier);
  const rel = path.relative(srcDir, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep)[0];
}

export function areaOf(file: string): string {
  return path.relative(srcDir, file).split(path.sep)[0]!;
}

// UI folders (tree, webview, status, commands, accounts, tasks, polling) fall under the two lists below.
const VSCODE_FREE = new Set(['model', 'vendors', 'sandbox']);
const MAY_IMPORT_VENDORS = new Set(['extension.ts', 'sources', 'vendors', 'sandbox']);
const MAY_IMPORT_SANDBOX = new Set(['extension.ts', 'sources', 'sandbox']);

/** Every violation in one file, as readable lines. */
export function violations(file: string, text: string): string[] {
  const area = areaOf(file);
  const rel = path.relative(root, file);
  const out: string[] = [];
  for (const ref of scanImports(file, text)) {
    const where = `${rel}:${ref.line} imports '${ref.specifier}'`;
    if (ref.specifier === 'vscode' && VSCODE_FREE.has(area) && !ref.typeOnly) {
      out.push(`${where}: src/${area} must not import vscode as a value (type-only at most)`);
    }
    const target = targetArea(file, ref.specifier);
    if (!target || target === area) continue;
    if (area === 'model' && !ref.typeOnly) {
      out.push(`${where}: src/model imports nothing from other src folders`);
    }
    if (target === 'vendors' && !MAY_IMPORT_VENDORS.has(area) && !ref.dynamic) {
      out.push(`${where}: only src/extension.ts and src/sources may import src/vendors (UI goes through TaskSource)`);
    }
    if (target === 'sandbox' && !MAY_IMPORT_SANDBOX.has(area) && !ref.dynamic && !ref.typeOnly) {
      out.push(`${where}: src/sandbox is loaded lazily with import() outside src/extension.ts and src/sources`);
    }
    if (area === 'vendors' && target !== 'model' && !ref.typeOnly) {
      out.push(`${where}: src/vendors may import only src/model`);
    }
  }
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full));
    else if (/\.(ts|tsx|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

describe('architecture: import direction', () => {
  const files = walk(srcDir);

  it('finds the source files', () => {
    assert.ok(files.length > 0, 'no .ts files under src/');
  });

  it('scanner sees every import form, type-only and dynamic', () => {
    const refs = scanImports(
      'x.ts',
      [
        "import * as vscode from 'vscode';",
        "import type { A } from './a';",
        "import { type B, type C } from './b';",
        "import { type D, E } from './d';",
        "export { F } from './f';",
        "export type { G } from './g';",
        "import h = require('./h');",
        "const i = require('./i');",
        "async function j() { return import('./j'); }",
        "let k: typeof import('./k');",
      ].join('\n'),
    );
    assert.deepEqual(
      refs.map((r) => [r.specifier, r.typeOnly, r.dynamic]),
      [
        ['vscode', false, false],
        ['./a', true, false],
        ['./b', true, false],
        ['./d', false, false],
        ['./f', false, false],
        ['./g', true, false],
        ['./h', false, false],
        ['./i', false, false],
        ['./j', false, true],
        ['./k', true, false],
      ],
    );
  });

  it('flags the violations it is meant to catch', () => {
    const f = (rel: string) => path.join(srcDir, rel);
    assert.ok(violations(f('model/x.ts'), "import * as vscode from 'vscode';").length > 0);
    assert.equal(violations(f('vendors/x/y.ts'), "import type * as vscode from 'vscode';").length, 0);
    assert.ok(violations(f('sandbox/y.ts'), "import { window } from 'vscode';").length > 0);
    assert.ok(violations(f('tree/p.ts'), "import { x } from '../vendors/tencent/client';").length > 0);
    assert.ok(violations(f('commands/trySandbox.ts'), "import { startSandbox } from '../sandbox';").length > 0);
    assert.equal(violations(f('commands/trySandbox.ts'), "const s = () => import('../sandbox');").length, 0);
    assert.equal(violations(f('sources/tencent.ts'), "import { x } from '../vendors/tencent/client';").length, 0);
    assert.equal(violations(f('extension.ts'), "import { x } from './vendors/tencent/client';").length, 0);
    assert.ok(violations(f('model/x.ts'), "import { y } from '../tree/z';").length > 0);
    assert.ok(violations(f('vendors/x.ts'), "import { y } from '../sandbox/z';").length > 0);
  });

  it('holds for every file under src/', () => {
    const all = files.flatMap((file) => violations(file, fs.readFileSync(file, 'utf8')));
    assert.deepEqual(all, [], `\n${all.join('\n')}`);
  });
});
