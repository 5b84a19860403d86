import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EMPTY_LEDGER, parseLedger } from '../../../src/model/ledger';
import type { Logger } from '../../../src/model/logger';
import { LEDGER_FILE_NAME, LedgerFile } from '../../../src/tasks/ledgerFile';
import { TaskLedger } from '../../../src/tasks/taskLedger';
import { MediaApiError } from '../../../src/model/errors';
import { T0, entry, task } from './fixtures';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (m: string | Error) => lines.push(`${level} ${String(m)}`);
  return { lines, trace: push('trace'), debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') };
}

const noSources = async (): Promise<never> => {
  throw new MediaApiError({ vendor: 'tencent', action: 'credentials', kind: 'auth', code: 'MissingCredentials', message: 'none', retryable: false });
};

describe('ledger file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mte-ledger-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reads a missing file as an empty ledger', async () => {
    const loaded = await new LedgerFile(dir, { logger: recordingLogger() }).load();
    assert.deepEqual(loaded, { doc: EMPTY_LEDGER, problems: [] });
  });

  it('debounces writes into one and writes atomically (no temporary file left)', async () => {
    const file = new LedgerFile(dir, { logger: recordingLogger(), debounceMs: 20 });
    let snapshots = 0;
    for (let i = 0; i < 50; i++) {
      file.scheduleSave(() => {
        snapshots++;
        return { version: 1, tasks: [entry({ taskId: String(i) })], rooms: [] };
      });
    }
    await new Promise((r) => setTimeout(r, 60));
    await file.flush();
    assert.equal(snapshots, 1);
    assert.deepEqual(await fs.readdir(dir), [LEDGER_FILE_NAME]);
    const parsed = parseLedger(await fs.readFile(path.join(dir, LEDGER_FILE_NAME), 'utf8'));
    assert.equal(parsed.doc.tasks[0].taskId, '49');
  });

  it('backs up a corrupted file, warns, and keeps what it could read', async () => {
    const logger = recordingLogger();
    const good = entry();
    const original = JSON.stringify({ version: 1, tasks: [good, { broken: true }], rooms: [] });
    await fs.writeFile(path.join(dir, LEDGER_FILE_NAME), original);
    const loaded = await new LedgerFile(dir, { logger, now: () => T0 }).load();
    assert.equal(loaded.doc.tasks.length, 1);
    assert.equal(loaded.backupPath, path.join(dir, `ledger.corrupt-${T0}.json`));
    assert.equal(await fs.readFile(loaded.backupPath!, 'utf8'), original);
    assert.ok(logger.lines.some((l) => l.startsWith('warn') && l.includes('1 task entries were unreadable')));
  });

  it('survives a reload: a new ledger over the same folder sees what the first recorded and pinned', async () => {
    const first = new TaskLedger(new LedgerFile(dir, { logger: recordingLogger(), debounceMs: 5 }), noSources, recordingLogger(), () => T0);
    await first.load();
    first.record([task(), task({ product: 'zego-recording', vendor: 'zego', taskId: 'YRHu6-E4IyvEAAAD', room: '1000' })]);
    first.track({ accountId: 'a1', product: 'trtc-recording', taskId: 'm9-bVVU7nhKM5X3' }, '1400000000', 'lobby');
    first.pinRoom('a1', 'gme', 'room-1');
    await first.forget({ accountId: 'a1', product: 'zego-recording', taskId: 'YRHu6-E4IyvEAAAD' });
    await first.flush();

    const second = new TaskLedger(new LedgerFile(dir, { logger: recordingLogger() }), noSources, recordingLogger(), () => T0 + 1);
    const loaded = await second.load();
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(second.all().map((e) => e.taskId).sort(), ['446192236330927912', 'm9-bVVU7nhKM5X3']);
    assert.equal(second.get({ accountId: 'a1', product: 'trtc-recording', taskId: 'm9-bVVU7nhKM5X3' })?.pinned, true);
    assert.deepEqual(second.pinnedRooms('a1', 'gme').map((r) => r.room), ['room-1']);
  });

  it('keeps the snapshot and records the error when a refresh cannot reach the vendor', async () => {
    const ledger = new TaskLedger(new LedgerFile(dir, { logger: recordingLogger(), debounceMs: 5 }), noSources, recordingLogger(), () => T0);
    ledger.record([task()]);
    await assert.rejects(ledger.refresh(task()), (err: unknown) => err instanceof MediaApiError && err.code === 'MissingCredentials');
    const after = ledger.get(task());
    assert.equal(after?.task.status, 'running');
    assert.match(after?.lastError ?? '', /MissingCredentials/);
    await ledger.flush();
  });

  it('never writes a secret: only what tasks carry', async () => {
    const ledger = new TaskLedger(new LedgerFile(dir, { logger: recordingLogger(), debounceMs: 5 }), noSources, recordingLogger(), () => T0);
    ledger.record([task()]);
    await ledger.flush();
    const text = await fs.readFile(path.join(dir, LEDGER_FILE_NAME), 'utf8');
    assert.doesNotMatch(text, /secret/i);
    assert.deepEqual(Object.keys(JSON.parse(text)).sort(), ['rooms', 'tasks', 'version']);
  });
});
