#!/usr/bin/env node
// End-to-end tests against what users install: packages the VSIX, installs it into a fresh
// code-server extensions folder, starts code-server, and runs the mocha specs in test/e2e/ (Node side),
// which drive Debian's chromium through playwright-core. Screenshots land in test-results/*.png.
//   node scripts/vscode/run-e2e.mjs            (MTE_GREP=pattern to run some specs; MTE_E2E_VSIX=file to skip packaging)
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { installVsix, offlineGalleryEnv, prepareRunDirs, startCodeServer } from './codeServer.mjs';
import { ensureHarness, findChromium } from './install-code-server.mjs';
import { defaultResultsFile, judgeResults } from './integration.mjs';
import { root, testResultsDir } from './paths.mjs';
import { packageVsix } from '../package.mjs';

const log = (m) => console.log(`[e2e] ${m}`);

function runMocha(env) {
  const mocha = path.join(root, 'node_modules', '.bin', 'mocha');
  const args = [
    '--no-config',
    '--require',
    'tsx/cjs',
    '--require',
    'test/e2e/hooks.ts',
    '--reporter',
    path.join(root, 'test', 'support', 'countingReporter.js'),
    '--timeout',
    '120000',
    '--slow',
    '15000',
    ...(process.env.MTE_GREP ? ['--grep', process.env.MTE_GREP] : []),
    'test/e2e/**/*.e2e.ts',
  ];
  return new Promise((resolve) => {
    const child = spawn(mocha, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main() {
  const resultsFile = defaultResultsFile('e2e');
  rmSync(resultsFile, { force: true });
  // this suite's screenshots from an earlier run (NN-name.png, failed-*.png)
  if (existsSync(testResultsDir)) {
    for (const f of readdirSync(testResultsDir)) if (/^(\d\d-|failed-).*\.png$/.test(f)) rmSync(path.join(testResultsDir, f));
  }
  ensureHarness({ browser: true });

  const vsix = process.env.MTE_E2E_VSIX ? path.resolve(process.env.MTE_E2E_VSIX) : packageVsix();
  if (!existsSync(vsix)) throw new Error(`no VSIX at ${vsix}`);
  // The hostile-strings apps are test data, left out of "Try the Sandbox" unless this setting asks for them;
  // the escaping specs (05-hostile, xss) need them.
  const dirs = prepareRunDirs('e2e', { settings: { 'mediaTasks.sandbox.hostileStrings': true } });
  log(
    installVsix(vsix, dirs)
      .split('\n')
      .filter((l) => /install/i.test(l))
      .join(' '),
  );

  // Nothing points the extension at a sandbox: the specs add the sandbox accounts through the UI
  // ("Try the Sandbox"), as a user would.
  const cs = await startCodeServer({ dirs, env: offlineGalleryEnv });
  log(`code-server on ${cs.url} with ${path.relative(root, vsix)} installed (log: ${path.relative(root, dirs.logFile)})`);
  let code;
  try {
    code = await runMocha({
      MTE_RESULTS_FILE: resultsFile,
      MTE_E2E_URL: cs.workbenchUrl(),
      MTE_E2E_WORKSPACE: dirs.workspace,
      MTE_CHROMIUM: findChromium() ?? '',
      MTE_SCREENSHOTS_DIR: testResultsDir,
    });
  } finally {
    await cs.stop();
  }
  const verdict = judgeResults(resultsFile);
  log(
    `${verdict.ok ? 'OK' : 'FAILED'}: ${verdict.passed} passed, ${verdict.failed} failed (mocha exit ${code}); screenshots in ${path.relative(root, testResultsDir)}/`,
  );
  return verdict.ok && code === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[e2e] FAILED: ${err.stack ?? err}`);
    process.exit(1);
  },
);
