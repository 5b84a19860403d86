/**
 * `npm run bench`: every figure against its target, each a median of several runs and each
 * comparison a ratio measured in the same run. Prints a table and writes bench/results.json.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Figure } from './figure';
import { signingThroughput } from './signing';

async function main(): Promise<void> {
  const figures: Figure[] = [];
  const add = (figure: Figure) => {
    figures.push(figure);
    console.log(`${figure.met ? 'met ' : 'MISS'}  ${figure.name}: ${figure.value} ${figure.unit} (target ${figure.target})`);
  };
  add(signingThroughput());

  const out = path.join(__dirname, 'results.json');
  writeFileSync(out, JSON.stringify({ figures }, null, 2) + '\n');
  console.log('');
  console.table(figures.map((f) => ({ figure: f.name, value: f.value, unit: f.unit, target: f.target, met: f.met })));
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
  process.exitCode = figures.every((f) => f.met) ? 0 : 1;
}

void main();
