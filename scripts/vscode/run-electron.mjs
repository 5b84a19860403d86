#!/usr/bin/env node
// The same integration tests in desktop VS Code through @vscode/test-electron, where VS Code can be
// downloaded (a developer's machine, a public CI runner). It cannot be downloaded on the offline build
// machines; there scripts/vscode/run-integration.mjs uses code-server instead.
//
//   MTE_VSCODE=electron npm run test:integration      (or: node scripts/vscode/run-electron.mjs)
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildExtension, bundleIntegrationTests, defaultResultsFile, integrationEntry, judgeResults } from './integration.mjs';
import { root, vscodeTestDir } from './paths.mjs';
import { startSandbox } from './sandbox.mjs';

/** Runs the bundled integration tests in desktop VS Code; returns the judged results. */
export async function runIntegrationInElectron({ resultsFile, env = {}, version = process.env.MTE_ELECTRON_VERSION ?? 'stable' }) {
  const { runTests } = await import('@vscode/test-electron');
  const base = path.join(vscodeTestDir, 'runs', 'integration-electron');
  rmSync(base, { recursive: true, force: true });
  const workspace = path.join(base, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const args = {
    version,
    extensionDevelopmentPath: root,
    extensionTestsPath: integrationEntry,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(base, 'user-data')}`,
      `--extensions-dir=${path.join(base, 'extensions')}`,
    ],
    extensionTestsEnv: { ...env, MTE_RESULTS_FILE: resultsFile },
  };
  try {
    await runTests(args);
  } catch (err) {
    // Desktop VS Code reports failures through its exit code; the results file stays the judge.
    console.error(`[integration/electron] ${err?.message ?? err}`);
  }
  return judgeResults(resultsFile);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const resultsFile = defaultResultsFile('integration');
  rmSync(resultsFile, { force: true });
  buildExtension();
  await bundleIntegrationTests();
  const sandbox = await startSandbox().catch((err) => {
    console.error(`[integration/electron] sandbox failed to start: ${err.message}`);
    return undefined;
  });
  const verdict = await runIntegrationInElectron({
    resultsFile,
    env: sandbox ? { MTE_SANDBOX_URL: sandbox.url, MTE_TEST: '1' } : { MTE_TEST: '1' },
  });
  await sandbox?.stop();
  console.log(`[integration/electron] ${verdict.ok ? 'OK' : 'FAILED'}: ${verdict.passed} passed, ${verdict.failed} failed ${verdict.reason}`);
  process.exit(verdict.ok ? 0 : 1);
}
