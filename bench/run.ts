/**
 * `npm run bench`: every figure against its target, each a median of several runs and each
 * comparison a ratio measured in the same run. Prints a table and writes bench/results.json.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startSandbox } from '../src/sandbox';
import { bundleSize, vsixSize } from './artifacts';
import type { Figure } from './figure';
import { ledgerScaleFigures } from './ledgerScale';
import { heapFigure, listingFigure } from './listing';
import { newestFirstFigures } from './newestFirst';
import { pollingFigures } from './polling';
import { treeFigures } from './tree';
import { vscodeFigures } from './vscode';
import { roomPanelFigures, webviewBundleFigure } from './webview';
import { signingThroughput } from './signing';

/** `npm run bench -- --ledger`: only the ledger's cost figures (issue 12), without VS Code or packaging. */
const ledgerOnly = process.argv.includes('--ledger');

async function main(): Promise<void> {
  const figures: Figure[] = [];
  const add = (figure: Figure) => {
    figures.push(figure);
    console.log(`${figure.met ? 'met ' : 'MISS'}  ${figure.name}: ${figure.value} ${figure.unit} (target ${figure.target})`);
  };
  if (!ledgerOnly) {
    add(signingThroughput());
    add(bundleSize());
    add(vsixSize());
    add(webviewBundleFigure());
    for (const figure of await roomPanelFigures()) add(figure);
    for (const figure of vscodeFigures()) add(figure);
  }

  const sandbox = await startSandbox({ port: 0 });
  try {
    if (!ledgerOnly) {
      for (const figure of await listingFigure(sandbox, 'css', 3)) add(figure);
      for (const figure of await listingFigure(sandbox, 'zego', 3)) add(figure);
    }
    const heap = await heapFigure(sandbox, 3);
    if (!ledgerOnly) {
      add(heap.figure);
      for (const figure of treeFigures(heap.tasks)) add(figure);
      for (const figure of await pollingFigures(sandbox)) add(figure);
    }
    for (const figure of await ledgerScaleFigures(sandbox, heap.tasks)) add(figure);
    for (const figure of await newestFirstFigures()) add(figure);
  } finally {
    await sandbox.close();
  }

  const out = path.join(__dirname, 'results.json');
  writeFileSync(out, JSON.stringify({ figures }, null, 2) + '\n');
  console.log('');
  console.table(figures.map((f) => ({ figure: f.name, value: f.value, unit: f.unit, target: f.target, met: f.met })));
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
  process.exitCode = figures.every((f) => f.met) ? 0 : 1;
}

void main();
