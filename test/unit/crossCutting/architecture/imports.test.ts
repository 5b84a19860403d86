// Import direction, the whole order (README, "Architecture"): a folder imports only from folders below it.
//   model  <-  vendors  <-  sandbox  <-  log, tasks, sources, accounts, demo (in that order)
//          <-  tree | webview | status | polling (peers: none imports another)  <-  commands | api  <-  extension.ts
// plus three leaves anyone above may import: ids (the id table: imports nothing), display (the
// display vocabulary: imports model and ids), settings (typed settings: imports ids and model).
// On top of the order:
//   1. model, vendors, sandbox, ids and display never import `vscode` as a value, so they run under plain mocha.
//   2. Only src/extension.ts and src/sources/** (the composition of vendor clients into task sources)
//      import src/vendors statically; the UI reaches vendors through the TaskSource contract.
//   3. Outside the sandbox, src/sandbox is loaded lazily with `import()` (src/sources only).
// Type-only imports follow the order too: a type is knowledge of the layer it comes from.
// The scanner reads every import form with the TypeScript parser: import/export-from declarations
// (type-only ones marked), `import x = require()`, `require()` and dynamic `import()`.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..', '..');
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

/** Rank of each folder: an import must go to a strictly lower rank (or a leaf). */
const RANKS: Readonly<Record<string, number>> = {
  model: 0,
  vendors: 1,
  sandbox: 2,
  log: 3,
  tasks: 4,
  sources: 5,
  accounts: 6,
  demo: 7,
  tree: 8,
  webview: 8,
  status: 8,
  polling: 8,
  commands: 9,
  /** The test harness's handle on the live pieces (test mode only). */
  api: 9,
  'extension.ts': 10,
};

/** Leaves: what each may import, and the lowest rank that may import it. */
const LEAVES: Readonly<Record<string, { imports: readonly string[]; importedFrom: number }>> = {
  ids: { imports: [], importedFrom: RANKS.log! },
  display: { imports: ['model', 'ids'], importedFrom: RANKS.log! },
  settings: { imports: ['ids', 'model'], importedFrom: RANKS.log! },
};

const VSCODE_FREE = new Set(['model', 'vendors', 'sandbox', 'ids', 'display']);
const MAY_IMPORT_VENDORS = new Set(['extension.ts', 'sources', 'vendors', 'sandbox']);

/** Every violation in one file, as readable lines. */
export function violations(file: string, text: string): string[] {
  const area = areaOf(file);
  const rel = path.relative(root, file);
  const out: string[] = [];
  if (RANKS[area] === undefined && LEAVES[area] === undefined) out.push(`${rel}: src/${area} has no place in the layer order (add it to RANKS or LEAVES)`);
  for (const ref of scanImports(file, text)) {
    const where = `${rel}:${ref.line} imports '${ref.specifier}'`;
    if (ref.specifier === 'vscode' && VSCODE_FREE.has(area) && !ref.typeOnly) {
      out.push(`${where}: src/${area} must not import vscode as a value (type-only at most)`);
    }
    const target = targetArea(file, ref.specifier);
    if (!target || target === area) continue;
    const leaf = LEAVES[area];
    const targetLeaf = LEAVES[target];
    if (leaf) {
      if (!leaf.imports.includes(target)) out.push(`${where}: src/${area} is a leaf and imports only ${leaf.imports.join(', ') || 'nothing'}`);
    } else if (targetLeaf) {
      if (RANKS[area]! < targetLeaf.importedFrom) out.push(`${where}: src/${area} sits below the src/${target} leaf`);
    } else if (RANKS[target] === undefined) {
      out.push(`${where}: src/${target} has no place in the layer order`);
    } else if (RANKS[target]! >= RANKS[area]!) {
      const peer = RANKS[target] === RANKS[area];
      out.push(`${where}: src/${area} may not import ${peer ? 'its peer' : 'upward into'} src/${target}`);
    }
    if (target === 'vendors' && !MAY_IMPORT_VENDORS.has(area) && !ref.dynamic) {
      out.push(`${where}: only src/extension.ts and src/sources may import src/vendors (UI goes through TaskSource)`);
    }
    if (target === 'sandbox' && area !== 'sandbox' && !ref.dynamic && !ref.typeOnly) {
      out.push(`${where}: src/sandbox is loaded lazily with import()`);
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
    const flagged = (rel: string, line: string) => violations(f(rel), line).length > 0;
    assert.ok(flagged('model/x.ts', "import * as vscode from 'vscode';"));
    assert.ok(!flagged('vendors/x/y.ts', "import type * as vscode from 'vscode';"));
    assert.ok(flagged('sandbox/y.ts', "import { window } from 'vscode';"));
    assert.ok(flagged('display/y.ts', "import { window } from 'vscode';"));
    assert.ok(flagged('tree/p.ts', "import { x } from '../vendors/tencent/client';"));
    assert.ok(flagged('commands/trySandbox.ts', "import { startSandbox } from '../sandbox';"));
    assert.ok(!flagged('sources/embeddedSandbox.ts', "const s = () => import('../sandbox');"));
    assert.ok(!flagged('sources/tencent.ts', "import { x } from '../vendors/tencent/client';"));
    assert.ok(!flagged('extension.ts', "import { x } from './vendors/tencent/client';"));
    assert.ok(flagged('model/x.ts', "import { y } from '../tree/z';"));
    assert.ok(flagged('model/x.ts', "import type { y } from '../tasks/z';"), 'type-only imports follow the order too');
    assert.ok(flagged('vendors/x.ts', "import { y } from '../sandbox/z';"));
    // the order itself
    assert.ok(flagged('tree/x.ts', "import { CommandIds } from '../commands/ids';"), 'upward');
    assert.ok(flagged('status/model.ts', "import { productLabel } from '../webview/format';"), 'UI peers');
    assert.ok(flagged('polling/index.ts', "import type { P } from '../webview';"), 'UI peers, type-only');
    assert.ok(flagged('accounts/probe.ts', "import { productLabel } from '../tree/format';"), 'services below the UI');
    assert.ok(flagged('tasks/x.ts', "import type { AccountStore } from '../accounts/accountStore';"), 'tasks below accounts');
    assert.ok(flagged('commands/x.ts', "import { activate } from '../extension';"));
    assert.ok(!flagged('commands/x.ts', "import { TaskTreeView } from '../tree/taskTreeView';"));
    assert.ok(!flagged('accounts/x.ts', "import { TaskLedger } from '../tasks/taskLedger';"));
    // the leaves
    assert.ok(!flagged('tree/x.ts', "import { CommandIds } from '../ids/commands';"));
    assert.ok(!flagged('accounts/x.ts', "import { productLabel } from '../display/labels';"));
    assert.ok(flagged('display/x.ts', "import { TaskLedger } from '../tasks/taskLedger';"), 'display imports only model and ids');
    assert.ok(flagged('ids/x.ts', "import type { Product } from '../model/task';"), 'the id table imports nothing');
    assert.ok(flagged('vendors/x.ts', "import { productLabel } from '../display/labels';"), 'vendors below the display vocabulary');
    assert.ok(flagged('settings/x.ts', "import { TaskLedger } from '../tasks/taskLedger';"));
    assert.ok(flagged('newfolder/x.ts', 'export const x = 1;'), 'a new folder must be placed in the order');
  });

  it('holds for every file under src/', () => {
    const all = files.flatMap((file) => violations(file, fs.readFileSync(file, 'utf8')));
    assert.deepEqual(all, [], `\n${all.join('\n')}`);
  });

  it('keeps how each product is asked out of the tree: no product literal, no task sources', () => {
    const products = /'(trtc-recording|trtc-relay|gme|css|zego-recording)'/;
    const found = walk(path.join(srcDir, 'tree')).flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(root, file);
      const literal = text.match(products) ? [`${rel} names the product ${text.match(products)![1]} (use the product traits)`] : [];
      const sources = scanImports(file, text)
        .filter((r) => targetArea(file, r.specifier) === 'sources')
        .map((r) => `${rel}:${r.line} imports ${r.specifier}`);
      return [...literal, ...sources];
    });
    assert.deepEqual(found, []);
  });
});
