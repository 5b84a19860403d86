#!/usr/bin/env node
// `npm run l10n`: generates l10n/bundle.l10n.json (the English bundle translators start from) with
// @vscode/l10n-dev's extractor, from every string the extension localizes.
//   node scripts/l10n.mjs            writes the bundle
//   node scripts/l10n.mjs --check    exits 1, naming the differences, when the committed bundle is not
//                                    what would be generated (the unit suite runs this)
//
// Localizing calls are spelled `vscode.l10n.t(...)`, `t(...)` (`const t = vscode.l10n.t`, or the
// `Localize` function the vscode-free modules take, src/l10n/localize.ts) and `l10n.t(...)` (an object
// carrying one). The extractor recognizes a call only through an import of 'vscode' or '@vscode/l10n',
// so each file is shown to it with every `t(...)` and `<name>.t(...)` callee spelled as one namespace
// imported from '@vscode/l10n'. Nothing is rewritten on disk.
import { getL10nJson } from '@vscode/l10n-dev';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { root } from './vscode/paths.mjs';

export const bundlePath = path.join(root, 'l10n', 'bundle.l10n.json');
const ALIAS = '__mteL10n';

function sourceFiles(dir = path.join(root, 'src')) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : [],
    )
    .sort();
}

const isTCallee = (e) => (ts.isIdentifier(e) && e.text === 't') || (ts.isPropertyAccessExpression(e) && e.name.text === 't');

/** The file as the extractor sees it: `t(` and `<name>.t(` callees spelled `ALIAS.t(`, ALIAS imported from '@vscode/l10n'. */
export function extractorView(file, text = readFileSync(file, 'utf8')) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const callees = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && isTCallee(node.expression)) callees.push([node.expression.getStart(sf), node.expression.getEnd()]);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (callees.length === 0) return text;
  let out = text;
  for (const [start, end] of callees.sort((a, b) => b[0] - a[0])) out = `${out.slice(0, start)}${ALIAS}.t${out.slice(end)}`;
  return `import * as ${ALIAS} from '@vscode/l10n';\n${out}`;
}

/** The bundle the sources call for: message → message, sorted. */
export async function generateBundle() {
  const files = sourceFiles().map((f) => ({ extension: '.ts', contents: extractorView(f) }));
  const extracted = await getL10nJson(files);
  const bundle = {};
  for (const key of Object.keys(extracted).sort()) {
    const value = extracted[key];
    bundle[key] = typeof value === 'string' ? value : value.message;
  }
  return bundle;
}

export const bundleText = (bundle) => `${JSON.stringify(bundle, null, 2)}\n`;

/** What differs between the committed bundle and the generated one; empty when they agree. */
export function bundleDifferences(committed, generated) {
  const problems = [];
  for (const key of Object.keys(generated)) if (!(key in committed)) problems.push(`missing: ${JSON.stringify(key)}`);
  for (const key of Object.keys(committed)) {
    if (!(key in generated)) problems.push(`no longer used: ${JSON.stringify(key)}`);
    else if (committed[key] !== generated[key]) problems.push(`changed: ${JSON.stringify(key)}`);
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const generated = await generateBundle();
  if (process.argv.includes('--check')) {
    const committed = existsSync(bundlePath) ? JSON.parse(readFileSync(bundlePath, 'utf8')) : {};
    const problems = bundleDifferences(committed, generated);
    if (problems.length > 0) {
      console.error(`[l10n] ${path.relative(root, bundlePath)} is not what the sources call for (run \`npm run l10n\`):\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`[l10n] ${path.relative(root, bundlePath)} matches the sources: ${Object.keys(generated).length} strings`);
  } else {
    writeFileSync(bundlePath, bundleText(generated));
    console.log(`[l10n] wrote ${path.relative(root, bundlePath)}: ${Object.keys(generated).length} strings`);
  }
}
