#!/usr/bin/env node
// Integration tests inside a real VS Code extension host.
//
// Which VS Code: MTE_VSCODE=code-server | electron | auto (default).
//   code-server: the build MTE_CODE_SERVER picks (paths.mjs: min, default, newest) from the npm registry
//                (installed on demand into .vscode-test/), the workbench opened in Debian's chromium through
//                playwright-core, the tests handed over with the `payload` query (extensionDevelopmentPath +
//                extensionTestsPath; codeServer.mjs adds the server flag newer builds need to honour it).
//   electron:    desktop VS Code downloaded by @vscode/test-electron (needs internet).
//   auto:        code-server; when it cannot be installed (no apt, no root), electron.
// The verdict comes from the results file the tests write ($MTE_RESULTS_FILE): missing, any failure or
// zero tests fail the run, whatever the extension host's exit code says.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './browser.mjs';
import { offlineGalleryEnv, prepareRunDirs, startCodeServer } from './codeServer.mjs';
import { ensureHarness } from './install-code-server.mjs';
import { attackerOut, buildExfiltration, exfiltrationEntry, installPackaged, mergeResults } from './exfiltration.mjs';
import { buildExtension, bundleIntegrationTests, defaultResultsFile, integrationEntry, judgeResults } from './integration.mjs';
import { root, testResultsDir } from './paths.mjs';
import { runIntegrationInElectron } from './run-electron.mjs';
import { startSandbox } from './sandbox.mjs';

const log = (m) => console.log(`[integration] ${m}`);
const timeoutMs = Number(process.env.MTE_INTEGRATION_TIMEOUT_MS ?? 8 * 60_000);

async function runInCodeServer({ resultsFile, env, name = 'integration', developmentPath = root, testsPath = integrationEntry, prepare }) {
  const dirs = prepareRunDirs(name);
  if (prepare)
    log(
      prepare(dirs)
        .split('\n')
        .filter((l) => /install/i.test(l))
        .join(' '),
    );
  const cs = await startCodeServer({ dirs, env: { ...offlineGalleryEnv, ...env, MTE_RESULTS_FILE: resultsFile }, developmentPayload: true });
  log(`code-server on ${cs.url}, VS Code ${cs.vscodeVersion} (log: ${path.relative(root, dirs.logFile)})`);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (msg) => {
      const t = msg.text();
      // the extension host's console (mocha's spec output) is forwarded to the page's console
      if (process.env.MTE_VERBOSE) console.log(`[browser console] ${t}`);
    });
    const url = cs.workbenchUrl({
      payload: [
        ['extensionDevelopmentPath', cs.remoteUri(developmentPath)],
        ['extensionTestsPath', cs.remoteUri(testsPath)],
      ],
    });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    // A workbench that ignored the payload opens as a plain window and never runs the tests: say so now
    // rather than after the whole timeout (VS Code 1.139 did, until codeServer.mjs passed what it needs).
    const devHost = await page
      .waitForFunction(() => globalThis.document.title.includes('Extension Development Host'), undefined, { timeout: 60_000 })
      .then(() => true)
      .catch(() => false);
    if (!devHost)
      throw new Error(
        `VS Code ${cs.vscodeVersion} did not open an Extension Development Host (title "${await page.title()}"): ` +
          'it ignored the payload, so neither the extension under development nor its tests were loaded',
      );
    log('workbench loaded; waiting for the tests to finish');
    const deadline = Date.now() + timeoutMs;
    let lastSize = -1;
    for (;;) {
      if (existsSync(resultsFile)) {
        // the reporter writes once; wait until the file stops growing
        const size = statSync(resultsFile).size;
        if (size === lastSize && size > 0) break;
        lastSize = size;
      }
      if (cs.child.exitCode !== null) throw new Error(`code-server exited (${cs.child.exitCode})`);
      if (Date.now() > deadline) {
        log(`timed out after ${timeoutMs} ms waiting for ${path.relative(root, resultsFile)}`);
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    mkdirSync(testResultsDir, { recursive: true });
    await page.screenshot({ path: path.join(testResultsDir, 'integration-workbench.png') }).catch(() => {});
  } finally {
    await browser.close().catch(() => {});
    await cs.stop();
  }
  return judgeResults(resultsFile);
}

async function main() {
  const mode = (process.env.MTE_VSCODE ?? 'auto').toLowerCase();
  if (!['auto', 'code-server', 'electron'].includes(mode)) throw new Error(`MTE_VSCODE must be code-server, electron or auto (got ${mode})`);
  const resultsFile = defaultResultsFile('integration');
  rmSync(resultsFile, { force: true });

  let useCodeServer = mode !== 'electron';
  if (useCodeServer) {
    try {
      ensureHarness({ browser: true });
    } catch (err) {
      if (mode === 'code-server') throw err;
      log(`code-server unavailable (${err.message.split('\n')[0]}); falling back to @vscode/test-electron`);
      useCodeServer = false;
    }
  }

  buildExtension();
  const tests = await bundleIntegrationTests();
  log(`bundled ${tests.length} test files into ${path.relative(root, integrationEntry)}`);

  const sandbox = await startSandbox().catch((err) => {
    console.error(`[integration] the sandbox failed to start: ${err.message}`);
    return undefined;
  });
  if (sandbox) log(`sandbox on ${sandbox.url}`);
  const env = { MTE_TEST: '1', ...(sandbox ? { MTE_SANDBOX_URL: sandbox.url } : {}) };

  let verdict;
  try {
    verdict = useCodeServer ? await runInCodeServer({ resultsFile, env }) : await runIntegrationInElectron({ resultsFile, env });
    if (useCodeServer && process.env.MTE_EXFILTRATION !== '0') {
      // The exfiltration proof: ours installed from its VSIX (production mode) next to a hostile extension.
      const proofTests = await buildExfiltration();
      log(`exfiltration proof: ${proofTests.join(', ')}`);
      const proofResults = resultsFile.replace(/\.json$/, '-exfiltration.json');
      rmSync(proofResults, { force: true });
      await runInCodeServer({
        resultsFile: proofResults,
        env: { ...env, MTE_DEMO: '1' },
        name: 'exfiltration',
        developmentPath: attackerOut,
        testsPath: exfiltrationEntry,
        prepare: installPackaged(),
      });
      mergeResults(resultsFile, proofResults);
      verdict = judgeResults(resultsFile);
    }
  } finally {
    await sandbox?.stop();
  }
  printResults(resultsFile);
  log(
    `${verdict.ok ? 'OK' : 'FAILED'} (${useCodeServer ? 'code-server' : 'electron'}): ${verdict.passed} passed, ${verdict.failed} failed${verdict.reason ? `: ${verdict.reason}` : ''}`,
  );
  return verdict.ok ? 0 : 1;
}

function printResults(file) {
  if (!existsSync(file)) return;
  try {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    for (const t of c.tests ?? []) console.log(`  ${t.state === 'passed' ? '✔' : t.state === 'failed' ? '✖' : '-'} ${t.title}`);
  } catch {
    /* judged separately */
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[integration] FAILED: ${err.stack ?? err}`);
    process.exit(1);
  },
);
