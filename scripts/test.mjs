#!/usr/bin/env node
// The README's test command: installs what the suites need, runs every suite, and ends with
// one line "N passed, N failed" counted over all of them. A suite that runs zero tests fails the run.
//
// Suites, in order: typecheck, lint, unit (incl. the import-direction test), integration (mocha in a
// real VS Code extension host), e2e (Playwright + chromium + code-server against the packaged VSIX),
// fresh-clone (npm ci, npm run package and npm run demo in a copy of the committed tree).
// typecheck and lint count as one check each; the others count their mocha tests.
//   MTE_SUITES=unit,integration npm test     runs only the named suites (integration: on every version)
//   MTE_VSCODE=electron|code-server          which VS Code the integration suite uses (default: auto)
//   MTE_INTEGRATION_CODE_SERVERS=min,newest  the code-server builds integration runs on, one suite each
//                                            (scripts/vscode/paths.mjs; the same test files every time)
//   MTE_E2E_CODE_SERVERS=min,newest          the code-server builds e2e runs on, one suite each
//   MTE_CODE_SERVER=default|min|newest       a single build for e2e instead
// fresh-clone runs `npm run demo`, which stays on the default build (4.100.3), so that one installs too.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules } from './ensure-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'test-results', 'counts');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/**
 * Runs one step; past `budgetSeconds` it is killed, so a hung test costs minutes, not CI's whole 90
 * (a fuzz test that starved its event loop once did). Runners that start code-server get SIGTERM and
 * clean up; plain mocha gets SIGKILL, since a starved event loop never runs a handler.
 */
function run(cmd, args, env = {}, budgetSeconds = 0, killSignal = 'SIGTERM') {
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    ...(budgetSeconds > 0 ? { timeout: budgetSeconds * 1000, killSignal } : {}),
  });
  const timedOut = r.error?.code === 'ETIMEDOUT';
  return { code: r.status ?? 1, seconds: (Date.now() - started) / 1000, timedOut };
}

/** Suites in order; `counts` suites report through the counting reporter, others count as one check. */
const suites = [
  // the extension, tests, bench and scripts (tsconfig.json), then the webview script against the DOM (media/webview)
  // Budgets are about three times a full run on 2 cores.
  { name: 'typecheck', cmd: 'npm', args: ['run', '--silent', 'typecheck'], counts: false, budget: 300 },
  { name: 'lint', cmd: 'npm', args: ['run', '--silent', 'lint'], counts: false, budget: 300 },
  { name: 'unit', cmd: bin('mocha'), args: [], counts: true, budget: 480, killSignal: 'SIGKILL' },
  // The integration tests on the oldest VS Code engines.vscode promises and on the newest (the e2e's).
  // The exfiltration proof (about 3 minutes: our VSIX in production mode next to a hostile extension)
  // runs with the last of them only; the other runs skip it (MTE_EXFILTRATION=0).
  ...(process.env.MTE_INTEGRATION_CODE_SERVERS ?? 'min,newest')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .map((version, i, all) => ({
      name: 'integration',
      label: `integration@${version}`,
      cmd: process.execPath,
      args: ['scripts/vscode/run-integration.mjs'],
      counts: true,
      vscode: true,
      budget: 900,
      env: { MTE_CODE_SERVER: version, ...(i < all.length - 1 ? { MTE_EXFILTRATION: '0' } : {}) },
    })),
  // The e2e specs on the same two builds (MTE_E2E_CODE_SERVERS; MTE_CODE_SERVER names a single one).
  ...(process.env.MTE_E2E_CODE_SERVERS ?? process.env.MTE_CODE_SERVER ?? 'min,newest')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .map((version) => ({
      name: 'e2e',
      label: `e2e@${version}`,
      cmd: process.execPath,
      args: ['scripts/vscode/run-e2e.mjs'],
      counts: true,
      vscode: true,
      budget: 900,
      env: { MTE_CODE_SERVER: version },
    })),
  // The README's commands in a copy of the committed tree with nothing built (test/fresh-clone/).
  { name: 'fresh-clone', cmd: process.execPath, args: ['scripts/vscode/run-fresh-clone.mjs'], counts: true, vscode: true, budget: 600 },
];

const only = process.env.MTE_SUITES?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const selected = only ? suites.filter((s) => only.includes(s.name)) : suites;
if (selected.length === 0) {
  console.error(`[test] MTE_SUITES=${process.env.MTE_SUITES} names no suite (${suites.map((s) => s.name).join(', ')})`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const started = Date.now();
const setup = [];
let npmSeconds = 0;
try {
  npmSeconds = ensureNodeModules((m) => console.log(`[test] ${m}`));
} catch (err) {
  console.error(`[test] ${err.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (npmSeconds) setup.push(`npm ci ${npmSeconds.toFixed(1)} s`);
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

// Debian packages (libkrb5-dev, ripgrep, chromium) and the code-server builds, when a VS Code suite
// runs and code-server is the VS Code in use. They install in the background, one build after the
// other in the order the suites need them, while the suites that need no VS Code run; each VS Code
// suite waits for its own build only. Its runners check again (a no-op) and fall back or fail clearly.
/** The background install, while one runs: which builds, where it reports, and whether it has ended. */
let harness;
const versionOf = (suite) => suite.env?.MTE_CODE_SERVER ?? process.env.MTE_CODE_SERVER ?? 'default';
if (selected.some((s) => s.vscode) && (process.env.MTE_VSCODE ?? 'auto') !== 'electron') {
  const versions = [...new Set(selected.filter((s) => s.vscode).map(versionOf))];
  const logFile = path.join(resultsDir, 'harness-setup.log');
  const resultsFile = path.join(resultsDir, 'harness-setup.json');
  // Output to a file, not a pipe: this process blocks in spawnSync meanwhile and would not drain one.
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['scripts/vscode/install-harnesses.mjs', ...versions], {
    cwd: root,
    stdio: ['ignore', out, out],
    env: { ...process.env, MTE_HARNESS_RESULTS: resultsFile },
  });
  closeSync(out);
  console.log(`\n[test] code-server harness (${versions.join(', ')}) installing in the background (log: ${path.relative(root, logFile)})`);
  harness = { versions, logFile, resultsFile, ended: false, reported: new Set() };
  child.once('exit', () => (harness.ended = true)).once('error', () => (harness.ended = true));
}

const harnessResults = () => (existsSync(harness.resultsFile) ? JSON.parse(readFileSync(harness.resultsFile, 'utf8')) : {});

/**
 * Waits until `version` is installed (or the install ended without it); notes its time, and prints the
 * install's log once it has ended. Returns why the build is missing, or ''.
 */
async function harnessReady(version) {
  if (!harness) return '';
  while (!harness.ended && !harnessResults()[version]) await new Promise((resolve) => setTimeout(resolve, 1000));
  for (const [build, r] of Object.entries(harnessResults())) {
    if (harness.reported.has(build)) continue;
    harness.reported.add(build);
    setup.push(`code-server harness (${build}) ${r.seconds.toFixed(1)} s${r.code === 0 ? '' : ' (FAILED)'}`);
  }
  if (harness.ended && !harness.printed) {
    harness.printed = true;
    console.log('\n[test] === setup: code-server harness ===');
    process.stdout.write(readFileSync(harness.logFile, 'utf8'));
  }
  const r = harnessResults()[version];
  return r && r.code === 0 ? '' : `code-server harness (${version}) could not be installed (see test-results/counts/harness-setup.log)`;
}

let passed = 0;
let failed = 0;
const summary = [];
// Repeated after the table: a CI log is often read from its end only.
const failureLines = [];
for (const suite of selected) {
  const label = suite.label ?? suite.name;
  const harnessNote = suite.vscode ? await harnessReady(versionOf(suite)) : '';
  console.log(`\n[test] === ${label} ===`);
  const file = path.join(resultsDir, `${label}.json`);
  const r = run(suite.cmd, suite.args, { ...(suite.env ?? {}), MTE_RESULTS_FILE: file }, suite.budget, suite.killSignal);
  let p = 0;
  let f = 0;
  let note = '';
  if (r.timedOut) {
    f = 1;
    note = `killed after its ${suite.budget} s budget (a test hung; its last lines are above)`;
  } else if (suite.counts) {
    if (!existsSync(file)) {
      f = 1;
      note = suite.vscode && harnessNote ? harnessNote : 'no results file (the suite did not run)';
    } else {
      const counts = JSON.parse(readFileSync(file, 'utf8'));
      p = counts.passed;
      f = counts.failed;
      for (const failure of counts.failures ?? []) {
        const first = String(failure.error ?? '')
          .split('\n')
          .slice(0, 3)
          .join(' | ');
        failureLines.push(`${label}: ${failure.title}: ${first.slice(0, 400)}`);
      }
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
  summary.push(`${label.padEnd(20)} ${String(p).padStart(5)} passed ${String(f).padStart(4)} failed ${r.seconds.toFixed(1).padStart(7)} s ${note}`);
}

if (harness && !harness.printed) {
  console.log('\n[test] === setup: code-server harness (log) ===');
  process.stdout.write(readFileSync(harness.logFile, 'utf8'));
}
console.log('\n[test] suites:');
for (const line of setup) console.log(`  setup: ${line}`);
for (const line of summary) console.log(`  ${line}`);
console.log(`  total wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (failureLines.length > 0) {
  console.log('[test] failed tests:');
  for (const line of failureLines) console.log(`  ${line}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
