/**
 * A room with 10,000 tasks in the tree: the time to build its first level the way the provider does
 * (the room's ledger entries, newest first, grouped), and the widest level anywhere below it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { byNewest, entryStartMs, type LedgerEntry } from '../src/model/ledgerEntry';
import { silentLogger } from '../src/model/logger';
import type { Task } from '../src/model/task';
import { LedgerFile } from '../src/tasks/ledgerFile';
import { TaskLedger } from '../src/tasks/taskLedger';
import { groupChildren, groupRows, type Grouped } from '../src/tree/grouping';
import { atMost, median, type Figure } from './figure';

function firstLevel(ledger: TaskLedger, room: string): Grouped<LedgerEntry> {
  const entries = ledger
    .all()
    .filter((e) => e.task.room === room)
    .sort(byNewest);
  return groupRows(entries, entryStartMs);
}

/** The most rows any level shows, walking every group down to task rows. */
function widestLevel(entries: readonly LedgerEntry[], grouped: Grouped<LedgerEntry>): number {
  if (grouped.kind === 'rows') return grouped.rows.length;
  let widest = grouped.groups.length;
  for (const bucket of grouped.groups) widest = Math.max(widest, widestLevel(entries, groupChildren(entries, entryStartMs, bucket)));
  return widest;
}

export function treeFigures(tasks: readonly Task[], runs = 7): Figure[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'mte-bench-tree-'));
  const ledger = new TaskLedger(new LedgerFile(dir, { logger: silentLogger }), () => Promise.reject(new Error('not used')), silentLogger);
  try {
    ledger.record(tasks);
    const room = tasks[0].room;
    firstLevel(ledger, room); // warm
    const times: number[] = [];
    let grouped: Grouped<LedgerEntry> = { kind: 'rows', rows: [] };
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      grouped = firstLevel(ledger, room);
      times.push(performance.now() - started);
    }
    const entries = ledger
      .all()
      .filter((e) => e.task.room === room)
      .sort(byNewest);
    return [
      atMost(`Tree: first level of a room with ${entries.length} tasks`, median(times), 'ms', 50, `median of ${runs} builds from the ledger`),
      atMost('Tree: widest level under that room', widestLevel(entries, grouped), 'rows', 200, 'every group expanded'),
    ];
  } finally {
    ledger.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
