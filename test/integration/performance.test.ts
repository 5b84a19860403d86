// Figures `npm run bench` reads from a real VS Code: activate() time and the first tree rows after the
// view opens, against the sandbox. With MTE_BENCH_OUT set they are written there as JSON.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { MediaTasksApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/nodes';
import { addDemoAccounts, childrenOf, mediaTasks } from './support/mediaTasks';

const RUNS = 5;

/** Root rows, then every account's and product's first level, loaded the way an expanded view asks. */
async function firstRows(api: MediaTasksApi): Promise<TreeNode[]> {
  const accounts = await childrenOf(api);
  const products = (await Promise.all(accounts.map((a) => childrenOf(api, a)))).flat();
  const rows = (await Promise.all(products.filter((p) => p.kind === 'product').map((p) => childrenOf(api, p)))).flat();
  return [...accounts, ...products, ...rows];
}

describe('performance figures (real VS Code, sandbox)', function () {
  this.timeout(120_000);

  it('shows the first rows of every product soon after the view opens, and activated without slow work', async () => {
    const api = await mediaTasks();
    await addDemoAccounts(api);
    await vscode.commands.executeCommand('workbench.view.extension.mediaTasks');
    const times: number[] = [];
    let rows: TreeNode[] = [];
    for (let i = 0; i < RUNS; i++) {
      api.tree.refreshAll(); // forget every load, as a fresh view has none
      const started = performance.now();
      rows = await firstRows(api);
      times.push(performance.now() - started);
    }
    const errors = rows.filter((r) => r.kind === 'error');
    assert.deepEqual(
      errors.map((e) => e.id),
      [],
      'no product failed to load',
    );
    assert.ok(
      rows.some((r) => r.kind === 'room' || r.kind === 'task'),
      'rooms or tasks are among the first rows',
    );
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    // A loose bound for a loaded CI machine; the bench holds the 300 ms target.
    assert.ok(median < 3000, `first rows took ${median} ms`);
    const out = process.env.MTE_BENCH_OUT;
    if (out) writeFileSync(out, JSON.stringify({ activationMs: api.activationMs, firstRowsMs: times, rows: rows.length }));
  });
});
