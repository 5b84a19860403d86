/**
 * A child process that saves the ledger as fast as it can, for the kill test: batch after batch,
 * it records tasks and flushes, then says `saved <batch>` on stdout once the write has landed.
 * `new` adds 200 new tasks per batch; `update` rewrites the same 200 (so compactions happen too).
 * Usage: node -r tsx/cjs ledgerWriter.ts <dir> <new|update> <first batch>
 */
import { silentLogger } from '../../../../src/model/logger';
import { LedgerFile } from '../../../../src/tasks/ledgerFile';
import { TaskLedger } from '../../../../src/tasks/taskLedger';
import { task } from '../fixtures';

const [dir, mode, first] = process.argv.slice(2);
const ledger = new TaskLedger(
  new LedgerFile(dir, { logger: silentLogger, debounceMs: 0, minIntervalMs: 0 }),
  () => Promise.reject(new Error('no sources')),
  silentLogger,
);

void (async () => {
  await ledger.load();
  for (let batch = Number(first); ; batch++) {
    const tasks = Array.from({ length: 200 }, (_, j) =>
      task({ taskId: mode === 'new' ? `b${batch}-${j}` : `t${j}`, rawStatus: `r${batch}`, observedAt: Date.now() }),
    );
    ledger.record(tasks);
    await ledger.flush();
    process.stdout.write(`saved ${batch}\n`);
  }
})();
