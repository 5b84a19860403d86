// Entry point VS Code calls inside the extension host (`extensionTestsPath`), both in code-server
// (scripts/vscode/run-integration.mjs) and in desktop VS Code (scripts/vscode/run-electron.mjs).
// Runs every bundled `*.test.js` beside this file with mocha (bdd) and the counting reporter, which
// writes the counts to $MTE_RESULTS_FILE. In code-server the host exits 0 even when run() rejects, so
// the harness trusts only that file; a crash before mocha ends is written there as a failure too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findTests(full));
    else if (entry.name.endsWith('.test.js')) out.push(full);
  }
  return out.sort();
}

function writeCrash(err: unknown): void {
  const file = process.env.MTE_RESULTS_FILE;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const error = String((err as Error)?.stack ?? err);
  // Keep counts the reporter may already have written, but never let a crash look like a pass.
  let prior: { passed?: number; failed?: number; failures?: unknown[] } = {};
  try {
    prior = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    /* none yet */
  }
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        passed: prior.passed ?? 0,
        failed: Math.max(1, prior.failed ?? 0),
        skipped: 0,
        failures: [...(prior.failures ?? []), { title: 'integration run crashed', error }],
      },
      null,
      2,
    ),
  );
}

/**
 * The harnesses start the sandbox and pass its URL; run from F5 (.vscode/launch.json, "Integration
 * Tests") nobody did, so the same sandbox (default seed) starts here, inside the extension host.
 */
async function ensureSandbox(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.MTE_SANDBOX_URL) return undefined;
  const { startSandbox } = await import('../../src/sandbox');
  const sandbox = await startSandbox({ port: 0 });
  process.env.MTE_SANDBOX_URL = sandbox.url;
  console.log(`[integration] no MTE_SANDBOX_URL: started the sandbox in the extension host at ${sandbox.url}`);
  return () => sandbox.close();
}

export async function run(): Promise<void> {
  const stopSandbox = await ensureSandbox();
  try {
    await runMocha();
  } finally {
    await stopSandbox?.();
  }
}

async function runMocha(): Promise<void> {
  const reporterPath = process.env.MTE_REPORTER ?? path.resolve(__dirname, '..', '..', '..', 'test', 'support', 'countingReporter.js');
  try {
    const mocha = new Mocha({
      ui: 'bdd',
      color: false,
      timeout: Number(process.env.MTE_TEST_TIMEOUT ?? 60_000),
      reporter: reporterPath,
    });
    const grep = process.env.MTE_GREP;
    if (grep) mocha.grep(grep);
    const files = findTests(__dirname);
    for (const f of files) mocha.addFile(f);
    console.log(`[integration] ${files.length} test files: ${files.map((f) => path.relative(__dirname, f)).join(', ')}`);
    const failures = await new Promise<number>((resolve, reject) => {
      try {
        mocha.run((n) => resolve(n));
      } catch (err) {
        reject(err);
      }
    });
    if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  } catch (err) {
    if (!(err instanceof Error && /integration test\(s\) failed$/.test(err.message))) writeCrash(err);
    throw err;
  }
}
