import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../../../src/model/logger';
import { JOURNAL_HEADER } from '../../../src/model/ledgerJournal';
import { LEDGER_FILE_NAME, LEGACY_FILE_NAME, LedgerFile } from '../../../src/tasks/ledgerFile';
import { TaskLedger } from '../../../src/tasks/taskLedger';
import { MediaApiError } from '../../../src/model/errors';
import { T0, entry, task } from '../../fixtures/tasks';

export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (m: string | Error) => lines.push(`${level} ${String(m)}`);
  return { lines, trace: push('trace'), debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') };
}

const noSources = async (): Promise<never> => {
  throw new MediaApiError({ vendor: 'tencent', action: 'credentials', kind: 'auth', code: 'MissingCredentials', message: 'none', retryable: false });
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ledgerIn(dir: string, now: () => number = () => T0, options: { debounceMs?: number; minIntervalMs?: number } = {}) {
  const file = new LedgerFile(dir, { logger: recordingLogger(), debounceMs: options.debounceMs ?? 5, minIntervalMs: options.minIntervalMs ?? 0 });
  const writes: number[] = [];
  file.onDidWrite((w) => writes.push(w.bytes));
  return { ledger: new TaskLedger(file, noSources, recordingLogger(), now), file, writes };
}

const journal = (dir: string) => fs.readFile(path.join(dir, LEDGER_FILE_NAME), 'utf8');
const lines = async (dir: string) => (await journal(dir)).split('\n').filter(Boolean);

describe('ledger file', () => {
  let dir: string;
  const open: TaskLedger[] = [];
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mte-ledger-'));
  });
  afterEach(async () => {
    for (const ledger of open.splice(0)) {
      await ledger.flush(); // a compaction started by the load finishes before the folder goes
      ledger.dispose();
    }
    await fs.rm(dir, { recursive: true, force: true });
  });
  const track = <T extends { ledger: TaskLedger }>(x: T): T => {
    open.push(x.ledger);
    return x;
  };

  it('reads a missing file as an empty ledger', async () => {
    const { ledger } = track(ledgerIn(dir));
    const loaded = await ledger.load();
    assert.deepEqual(loaded.tasks, []);
    assert.deepEqual(loaded.problems, []);
  });

  it('gathers a burst of changes into one append, and never leaves a temporary file', async () => {
    const { ledger, writes } = track(ledgerIn(dir, () => T0, { debounceMs: 20 }));
    for (let i = 0; i < 50; i++) ledger.record([task({ taskId: String(i) })]);
    await sleep(60);
    await ledger.flush();
    assert.equal(writes.length, 1);
    assert.deepEqual(await fs.readdir(dir), [LEDGER_FILE_NAME]);
    assert.equal((await lines(dir)).length, 50);
  });

  it('appends only what changed: one changed task in a ledger of 1,000 writes about one entry', async () => {
    const { ledger, writes } = track(ledgerIn(dir));
    ledger.record(Array.from({ length: 1000 }, (_, i) => task({ taskId: `t${i}` })));
    await ledger.flush();
    const before = (await fs.stat(path.join(dir, LEDGER_FILE_NAME))).size;
    ledger.record([task({ taskId: 't7', status: 'ended', rawStatus: 'done' })]);
    await ledger.flush();
    const entryBytes = Buffer.byteLength(JSON.stringify(ledger.get(task({ taskId: 't7' }))));
    assert.equal(writes.length, 2);
    assert.ok(writes[1] < 2 * entryBytes, `${writes[1]} bytes for a ${entryBytes}-byte entry`);
    assert.equal((await fs.stat(path.join(dir, LEDGER_FILE_NAME))).size, before + writes[1]);
  });

  it('does not write when a refresh saw nothing new but the time; the next real save carries it', async () => {
    let now = T0;
    const { ledger, writes } = track(ledgerIn(dir, () => now));
    ledger.record([task(), task({ taskId: 'other' })]);
    await ledger.flush();
    now += 10_000;
    ledger.record([task({ observedAt: now, requestId: 'req-2' })]);
    await sleep(30);
    assert.equal(writes.length, 1, 'a re-observation alone is not saved');
    ledger.record([task({ taskId: 'other', status: 'ended', rawStatus: 'done' })]);
    await sleep(30);
    assert.equal(writes.length, 2);
    const reloaded = track(ledgerIn(dir));
    await reloaded.ledger.load();
    assert.equal(reloaded.ledger.get(task())?.lastSeen, now, 'the re-observed time rode along');
  });

  it('saves at most once per interval however often things change', async () => {
    const { ledger, file } = track(ledgerIn(dir, Date.now, { debounceMs: 5, minIntervalMs: 200 }));
    // When each write landed, on the clock the file paces itself by: the rule is about the gaps, so
    // a loaded machine stretching the 40 ms sleeps changes how many writes there are, not the verdict.
    const writtenAt: number[] = [];
    let written = 0;
    file.onDidWrite((w) => {
      writtenAt.push(Date.now());
      written += w.bytes;
    });
    for (let i = 0; i < 10; i++) {
      ledger.record([task({ taskId: `t${i}` })]);
      await sleep(40);
    }
    // Not flush(): it writes at once by design (deactivation), which is not the paced save under test.
    const saved = async () => (await lines(dir).catch(() => [])).length === 10 && written === (await fs.stat(file.path)).size;
    for (let waited = 0; !(await saved()); waited += 20) {
      assert.ok(waited < 5_000, 'the last change was saved by its timer');
      await sleep(20);
    }
    const gaps = writtenAt.slice(1).map((at, i) => at - writtenAt[i]!);
    assert.ok(writtenAt.length >= 2, `${writtenAt.length} writes for changes spread over 400 ms or more`);
    // 2 ms of slack: the clock is read a moment after each write sets its pacing mark.
    assert.ok(
      gaps.every((gap) => gap >= 198),
      `writes ${gaps.join(', ')} ms apart at one per 200 ms`,
    );
  });

  it('backs up a damaged journal, warns, keeps every readable line and rewrites it clean', async () => {
    const logger = recordingLogger();
    const good = entry();
    const original = `${JOURNAL_HEADER}\n${JSON.stringify({ entry: good })}\n{"broken": tru\n${JSON.stringify({ entry: entry({ taskId: 'b' }) })}\n`;
    await fs.writeFile(path.join(dir, LEDGER_FILE_NAME), original);
    const file = new LedgerFile(dir, { logger, now: () => T0 });
    const ledger = new TaskLedger(file, noSources, logger, () => T0);
    open.push(ledger);
    const loaded = await ledger.load();
    assert.deepEqual(
      ledger
        .all()
        .map((e) => e.taskId)
        .sort(),
      ['446192236330927912', 'b'],
    );
    assert.equal(loaded.backupPath, path.join(dir, `ledger.corrupt-${T0}.jsonl`));
    assert.equal(await fs.readFile(loaded.backupPath!, 'utf8'), original);
    assert.ok(logger.lines.some((l) => l.startsWith('warn') && l.includes('1 journal lines were unreadable')));
    await ledger.flush();
    assert.ok(!(await journal(dir)).includes('broken'), 'rewritten without the bad line');
  });

  it('skips a torn last line (a save killed mid-write) without a backup', async () => {
    const good = JSON.stringify({ entry: entry() });
    await fs.writeFile(path.join(dir, LEDGER_FILE_NAME), `${good}\n${good.slice(0, 40)}`);
    const { ledger } = track(ledgerIn(dir));
    const loaded = await ledger.load();
    assert.equal(ledger.all().length, 1);
    assert.equal(loaded.backupPath, undefined);
    assert.deepEqual(loaded.problems, []);
  });

  it('migrates the single-document ledger of earlier versions and removes it', async () => {
    await fs.writeFile(
      path.join(dir, LEGACY_FILE_NAME),
      JSON.stringify({ version: 1, tasks: [entry()], rooms: [{ accountId: 'a1', product: 'gme', room: 'r', addedAt: T0 }] }),
    );
    const { ledger } = track(ledgerIn(dir));
    await ledger.load();
    await ledger.flush();
    assert.equal(ledger.all().length, 1);
    assert.deepEqual(await fs.readdir(dir), [LEDGER_FILE_NAME]);
    const reloaded = track(ledgerIn(dir));
    await reloaded.ledger.load();
    assert.equal(reloaded.ledger.all().length, 1);
    assert.deepEqual(
      reloaded.ledger.pinnedRooms('a1', 'gme').map((r) => r.room),
      ['r'],
    );
  });

  it('compacts a journal that grew past twice what it holds, and reloads the same ledger', async () => {
    let now = T0;
    const { ledger, writes } = track(ledgerIn(dir, () => now++));
    ledger.record(Array.from({ length: 10 }, (_, i) => task({ taskId: `t${i}` })));
    await ledger.flush();
    for (let round = 0; round < 1100; round++) {
      ledger.record([task({ taskId: `t${round % 10}`, rawStatus: `r${round}` })]);
      await ledger.flush();
    }
    await ledger.flush();
    const text = await journal(dir);
    assert.ok(text.startsWith(`${JOURNAL_HEADER}\n`), 'rewritten whole');
    assert.ok(text.split('\n').filter(Boolean).length < 200, 'no longer holds every append');
    assert.ok(writes.length > 1100);
    const reloaded = track(ledgerIn(dir));
    await reloaded.ledger.load();
    assert.equal(reloaded.ledger.get(task({ taskId: 't9' }))?.task.rawStatus, 'r1099');
    assert.equal(reloaded.ledger.all().length, 10);
  });

  it('survives a reload: a new ledger over the same folder sees what the first recorded, pinned and forgot', async () => {
    const first = track(ledgerIn(dir));
    await first.ledger.load();
    first.ledger.record([task(), task({ product: 'zego-recording', vendor: 'zego', taskId: 'YRHu6-E4IyvEAAAD', room: '1000' })]);
    first.ledger.track({ accountId: 'a1', product: 'trtc-recording', taskId: 'm9-bVVU7nhKM5X3' }, '1400000000', 'lobby');
    first.ledger.pinRoom('a1', 'gme', 'room-1');
    await first.ledger.forget({ accountId: 'a1', product: 'zego-recording', taskId: 'YRHu6-E4IyvEAAAD' });
    await first.ledger.flush();

    const second = track(ledgerIn(dir, () => T0 + 1));
    const loaded = await second.ledger.load();
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(
      second.ledger
        .all()
        .map((e) => e.taskId)
        .sort(),
      ['446192236330927912', 'm9-bVVU7nhKM5X3'],
    );
    assert.equal(second.ledger.get({ accountId: 'a1', product: 'trtc-recording', taskId: 'm9-bVVU7nhKM5X3' })?.pinned, true);
    assert.deepEqual(
      second.ledger.pinnedRooms('a1', 'gme').map((r) => r.room),
      ['room-1'],
    );
  });

  it('keeps the snapshot and records the error when a refresh cannot reach the vendor', async () => {
    const { ledger } = track(ledgerIn(dir));
    ledger.record([task()]);
    await assert.rejects(ledger.refresh(task()), (err: unknown) => err instanceof MediaApiError && err.code === 'MissingCredentials');
    const after = ledger.get(task());
    assert.equal(after?.task.status, 'running');
    assert.match(after?.lastError ?? '', /MissingCredentials/);
    await ledger.flush();
  });

  it('never writes a secret: only what tasks carry', async () => {
    const { ledger } = track(ledgerIn(dir));
    ledger.record([task()]);
    await ledger.flush();
    const text = await journal(dir);
    assert.doesNotMatch(text, /secret/i);
    for (const line of text.split('\n').filter(Boolean)) assert.deepEqual(Object.keys(JSON.parse(line)), ['entry']);
  });
});
