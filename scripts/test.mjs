#!/usr/bin/env node
// The README's test command: installs what the suites need, runs every suite, and ends with
// one line "N passed, N failed" counted over all of them. A suite that runs zero tests fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'test-results', 'counts');

function run(cmd, args, env = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { code: r.status ?? 1, seconds: (Date.now() - started) / 1000 };
}

function ensureNodeModules() {
  const lock = path.join(root, 'package-lock.json');
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && readFileSync(marker, 'utf8').length > 0 && existsSync(lock)) return;
  console.log('[test] installing npm packages (npm ci)');
  const r = run('npm', ['ci', '--no-audit', '--no-fund']);
  if (r.code !== 0) {
    console.error('[test] npm ci failed: Node 20 and access to the npm registry are needed.');
    process.exit(1);
  }
}

/** Suites in order; `counts` suites report through the counting reporter, others count as one check. */
const suites = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit', '-p', '.'], counts: false },
  { name: 'unit', cmd: 'npx', args: ['mocha'], counts: true },
];

ensureNodeModules();
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
const summary = [];
for (const suite of suites) {
  console.log(`\n[test] === ${suite.name} ===`);
  const file = path.join(resultsDir, `${suite.name}.json`);
  const r = run(suite.cmd, suite.args, { MTE_RESULTS_FILE: file });
  let p = 0;
  let f = 0;
  let note = '';
  if (suite.counts) {
    if (!existsSync(file)) {
      f = 1;
      note = 'no results file (the suite did not run)';
    } else {
      const counts = JSON.parse(readFileSync(file, 'utf8'));
      p = counts.passed;
      f = counts.failed;
      if (p + f === 0) {
        f = 1;
        note = 'ran zero tests';
      } else if (r.code !== 0 && f === 0) {
        f = 1;
        note = `exited ${r.code}`;
      }
    }
  } else if (r.code === 0) {
    p = 1;
  } else {
    f = 1;
    note = `exited ${r.code}`;
  }
  passed += p;
  failed += f;
  summary.push(`${suite.name.padEnd(12)} ${String(p).padStart(5)} passed ${String(f).padStart(4)} failed ${r.seconds.toFixed(1).padStart(7)} s ${note}`);
}

console.log('\n[test] suites:');
for (const line of summary) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
