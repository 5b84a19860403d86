#!/usr/bin/env node
// The fresh-clone suite: runs test/fresh-clone/ (the README's commands in a copy of the committed tree,
// with nothing built) through mocha, the demo's page checked in Debian's chromium.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureHarness, findChromium } from './install-code-server.mjs';
import { defaultResultsFile, judgeResults } from './integration.mjs';
import { root, testResultsDir } from './paths.mjs';

const resultsFile = defaultResultsFile('fresh-clone');
ensureHarness({ browser: true });
const r = spawnSync(
  path.join(root, 'node_modules', '.bin', 'mocha'),
  [
    '--no-config',
    '--require',
    'tsx/cjs',
    '--reporter',
    path.join(root, 'test', 'support', 'countingReporter.js'),
    '--timeout',
    '300000',
    'test/fresh-clone/**/*.fresh.ts',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MTE_RESULTS_FILE: resultsFile, MTE_CHROMIUM: findChromium() ?? '', MTE_SCREENSHOTS_DIR: testResultsDir },
  },
);
const verdict = judgeResults(resultsFile);
console.log(`[fresh-clone] ${verdict.ok ? 'OK' : 'FAILED'}: ${verdict.passed} passed, ${verdict.failed} failed${verdict.ok ? '' : `\n${verdict.reason}`}`);
process.exit(verdict.ok && r.status === 0 ? 0 : 1);
