/**
 * Figures only a real VS Code can give: `activate()` and the first tree rows after the view opens,
 * against the sandbox. Runs the integration harness (code-server here, desktop VS Code where it can be
 * downloaded) with only the performance test, several times, and reads what the test wrote.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { atMost, median, type Figure } from './figure';

interface PerformanceRun {
  readonly activationMs: number;
  readonly firstRowsMs: readonly number[];
}

const root = path.resolve(__dirname, '..');

function runOnce(dir: string, i: number): PerformanceRun {
  const out = path.join(dir, `perf-${i}.json`);
  execFileSync(process.execPath, ['scripts/vscode/run-integration.mjs'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, MTE_GREP: 'performance figures', MTE_BENCH_OUT: out, MTE_RESULTS_FILE: path.join(dir, `results-${i}.json`) },
  });
  return JSON.parse(readFileSync(out, 'utf8')) as PerformanceRun;
}

export function vscodeFigures(runs = 3): Figure[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'mte-bench-vscode-'));
  try {
    const results = Array.from({ length: runs }, (_, i) => runOnce(dir, i));
    const firstRows = results.flatMap((r) => r.firstRowsMs);
    return [
      atMost('activate() in the extension host', median(results.map((r) => r.activationMs)), 'ms', 15, `median of ${runs} VS Code starts`),
      atMost(
        'First tree rows after the view opens (every product, sandbox)',
        median(firstRows),
        'ms',
        300,
        `median of ${firstRows.length} loads over ${runs} VS Code starts; slowest ${Math.round(Math.max(...firstRows))} ms (a cold first load)`,
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
