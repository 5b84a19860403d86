import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../../src/model/logger';
import { LedgerFile } from '../../../src/tasks/ledgerFile';
import { TaskLedger } from '../../../src/tasks/taskLedger';

const writer = path.join(__dirname, '..', '..', 'fixtures', 'ledgerWriter.ts');

/** Runs the writer until it acknowledged `after` more saves, then SIGKILLs it a random moment later. */
function runAndKill(dir: string, mode: 'new' | 'update', first: number, after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', writer, dir, mode, String(first)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acknowledged = first - 1;
    let killing = false;
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (const m of buffered.matchAll(/saved (\d+)\n/g)) acknowledged = Math.max(acknowledged, Number(m[1]));
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
      if (!killing && acknowledged >= first + after) {
        killing = true;
        // Somewhere inside the next writes.
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 15));
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`writer exited on its own (${signal ?? _code})`))));
  });
}

async function reload(dir: string): Promise<TaskLedger & { problems: readonly string[] }> {
  const ledger = new TaskLedger(new LedgerFile(dir, { logger: silentLogger }), () => Promise.reject(new Error('none')), silentLogger);
  const loaded = await ledger.load();
  ledger.dispose();
  return Object.assign(ledger, { problems: loaded.problems });
}

describe('ledger saves killed mid-write (SIGKILL, a real child process)', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mte-ledger-kill-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('keeps every acknowledged save of new tasks across 4 kills; the file always loads', async () => {
    let next = 0;
    for (let round = 0; round < 4; round++) {
      const acknowledged = await runAndKill(dir, 'new', next, 3 + round);
      const ledger = await reload(dir);
      assert.deepEqual(ledger.problems, [], `round ${round}: the file loads whole`);
      for (let batch = 0; batch <= acknowledged; batch++) {
        for (const j of [0, 199])
          assert.ok(ledger.get({ accountId: 'a1', product: 'gme', taskId: `b${batch}-${j}` }), `round ${round}: batch ${batch} was acknowledged and is kept`);
      }
      next = acknowledged + 1;
    }
  });

  it('keeps the acknowledged state of updated tasks across 4 kills, compactions included', async () => {
    let next = 0;
    for (let round = 0; round < 4; round++) {
      const acknowledged = await runAndKill(dir, 'update', next, 8 + 2 * round);
      const ledger = await reload(dir);
      assert.deepEqual(ledger.problems, [], `round ${round}: the file loads whole`);
      assert.equal(ledger.all().length, 200);
      for (const entry of ledger.all())
        assert.ok(
          Number(entry.task.rawStatus.slice(1)) >= acknowledged,
          `round ${round}: ${entry.taskId} at ${entry.task.rawStatus}, acknowledged r${acknowledged}`,
        );
      next = acknowledged + 1;
    }
  });
});
