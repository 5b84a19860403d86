// Shared by both integration runners (code-server and @vscode/test-electron): building the extension,
// bundling the tests, and judging the results file (never the extension host's exit code).
// Run directly (`node scripts/vscode/integration.mjs`, the "Integration Tests" launch config's
// preLaunchTask) it builds the extension and bundles the tests into out/test/integration/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { root, testResultsDir } from './paths.mjs';

export const integrationOut = path.join(root, 'out', 'test', 'integration');
export const integrationEntry = path.join(integrationOut, 'index.js');

export function buildExtension({ production = false } = {}) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), ...(production ? ['--production'] : [])], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('building the extension (scripts/build.mjs) failed');
}

function collectTests(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...collectTests(full));
    else if (entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out.sort();
}

/**
 * Bundles test/integration/index.ts and every test/integration/**\/*.test.ts into
 * out/test/integration/ (one file each; `vscode`, mocha and other packages stay external and
 * resolve from the project's node_modules at run time).
 */
export async function bundleIntegrationTests() {
  const srcDir = path.join(root, 'test', 'integration');
  const tests = collectTests(srcDir);
  rmSync(integrationOut, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(srcDir, 'index.ts'), ...tests],
    outdir: integrationOut,
    outbase: srcDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return tests.map((t) => path.relative(root, t));
}

export function defaultResultsFile(suite) {
  return process.env.MTE_RESULTS_FILE ?? path.join(testResultsDir, 'counts', `${suite}.json`);
}

/** Reads the counts the tests wrote; returns {ok, passed, failed, reason}. */
export function judgeResults(file) {
  if (!existsSync(file)) return { ok: false, passed: 0, failed: 0, reason: `no results file ${path.relative(root, file)} (the tests did not run to the end)` };
  let counts;
  try {
    counts = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { ok: false, passed: 0, failed: 0, reason: `unreadable results file: ${err.message}` };
  }
  const passed = Number(counts.passed ?? 0);
  const failed = Number(counts.failed ?? 0);
  if (failed > 0) {
    const titles = (counts.failures ?? []).map((f) => `  - ${f.title}\n      ${String(f.error).split('\n').slice(0, 3).join('\n      ')}`);
    return { ok: false, passed, failed, reason: `${failed} failed:\n${titles.join('\n')}` };
  }
  if (passed === 0) return { ok: false, passed, failed, reason: 'ran zero tests' };
  return { ok: true, passed, failed, reason: '' };
}

/** The folder the "Integration Tests" launch config opens (exports are written there, not into the repository). */
export const f5Workspace = path.join(root, '.vscode-test', 'runs', 'f5-integration', 'workspace');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  mkdirSync(f5Workspace, { recursive: true });
  buildExtension();
  const tests = await bundleIntegrationTests();
  console.log(`[integration] built dist/ and bundled ${tests.length} test files into ${path.relative(root, integrationOut)}`);
}
