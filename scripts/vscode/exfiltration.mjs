// The exfiltration proof (test/exfiltration/): Media Task Explorer installed from its VSIX into the
// extensions folder, as users have it, so VS Code runs it in production mode (where it exports
// nothing; the integration suite's own run is in test mode, where it hands the tests a handle), and a
// hostile test extension (test/attacker/) loaded next to it as the extension under development,
// whose extension host also runs the proof's mocha tests. The attacker in test mode changes nothing:
// what it can reach is decided by the mode of the extension it attacks.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { installVsix } from './codeServer.mjs';
import { root } from './paths.mjs';
import { packageVsix } from '../package.mjs';

export const attackerOut = path.join(root, 'out', 'test', 'attacker');
export const exfiltrationOut = path.join(root, 'out', 'test', 'exfiltration');
export const exfiltrationEntry = path.join(exfiltrationOut, 'index.js');

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], sourcemap: 'inline', logLevel: 'warning' };

/** Builds the attacker extension and the proof's tests (with the integration suite's mocha entry). */
export async function buildExfiltration() {
  rmSync(attackerOut, { recursive: true, force: true });
  rmSync(exfiltrationOut, { recursive: true, force: true });
  mkdirSync(attackerOut, { recursive: true });
  await esbuild.build({ ...common, entryPoints: [path.join(root, 'test', 'attacker', 'extension.ts')], outfile: path.join(attackerOut, 'extension.js') });
  copyFileSync(path.join(root, 'test', 'attacker', 'package.json'), path.join(attackerOut, 'package.json'));
  const testsDir = path.join(root, 'test', 'exfiltration');
  const tests = readdirSync(testsDir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(testsDir, f));
  await esbuild.build({ ...common, packages: 'external', entryPoints: [path.join(root, 'test', 'integration', 'index.ts')], outfile: exfiltrationEntry });
  await esbuild.build({ ...common, packages: 'external', entryPoints: tests, outdir: exfiltrationOut, outbase: testsDir });
  return tests.map((t) => path.relative(root, t));
}

/** Packages the VSIX and returns a hook that installs it into a run's extensions folder. */
export function installPackaged() {
  const vsix = packageVsix({ quiet: true });
  return (dirs) => installVsix(vsix, dirs);
}

/** Adds the proof's counts and tests to the integration suite's results file. */
export function mergeResults(into, from) {
  const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : undefined);
  const a = read(into) ?? { passed: 0, failed: 0, skipped: 0, failures: [], tests: [] };
  const b = read(from) ?? {
    passed: 0,
    failed: 1,
    skipped: 0,
    failures: [{ title: 'exfiltration proof', error: 'no results (the proof did not run to the end)' }],
    tests: [],
  };
  writeFileSync(
    into,
    JSON.stringify(
      {
        passed: a.passed + b.passed,
        failed: a.failed + b.failed,
        skipped: (a.skipped ?? 0) + (b.skipped ?? 0),
        failures: [...(a.failures ?? []), ...(b.failures ?? [])],
        tests: [...(a.tests ?? []), ...(b.tests ?? [])],
      },
      null,
      2,
    ),
  );
}
