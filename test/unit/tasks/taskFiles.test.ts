// Storage files in the ledger: merged across reports, fetched from the file APIs on refresh,
// completed by VOD, and kept out of logs and exports whole when their URL may be signed.
import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { maskedUrl, mergeFiles } from '../../../src/model/files';
import { parseLedger, serializeLedger } from '../../../src/model/ledger';
import { silentLogger } from '../../../src/model/logger';
import type { Product, StorageFile, Task } from '../../../src/model/task';
import type { ListingSource, RoomSource, TaskSource, VodMediaAnswer } from '../../../src/model/taskSource';
import { exportTasks } from '../../../src/tasks/exportTasks';
import { LedgerFile } from '../../../src/tasks/ledgerFile';
import { TaskLedger } from '../../../src/tasks/taskLedger';
import { createRedactor } from '../../../src/vendors/shared/redact';
import { MediaApiError } from '../../../src/model/errors';
import { T0, entry, task } from '../../fixtures/tasks';

const SIGNED = 'https://1500000001.vod2.myqcloud.com/abcd/ef01/f0.mp4?t=6b118a57&sign=1ab5ff4f1944e3fda77b8c796407fd78';

const file = (over: Partial<StorageFile> = {}): StorageFile => ({ userId: 'u1', fileName: 'a.mp4', trackType: 'audio_video', ...over });

describe('storage files across reports', () => {
  it('merges by file name: later reports fill fields, new files are appended, nothing is erased', () => {
    const merged = mergeFiles(
      [file({ beginTimeMs: T0 }), file({ fileName: 'b.mp4' })],
      [file({ userId: '', trackType: '', state: 'uploaded', sizeBytes: 10, url: SIGNED }), file({ fileName: 'c.mp4' })],
    );
    assert.deepEqual(
      merged.map((f) => f.fileName),
      ['a.mp4', 'b.mp4', 'c.mp4'],
    );
    assert.deepEqual(merged[0], { userId: 'u1', fileName: 'a.mp4', trackType: 'audio_video', beginTimeMs: T0, state: 'uploaded', sizeBytes: 10, url: SIGNED });
  });

  it('never moves a file back: a late "uploading" after "uploaded" keeps uploaded', () => {
    const merged = mergeFiles([file({ state: 'uploaded', rawState: '3' })], [file({ state: 'uploading', rawState: '2' })]);
    assert.equal(merged[0]!.state, 'uploaded');
    assert.equal(merged[0]!.rawState, '3');
    assert.equal(mergeFiles([file({ state: 'recording' })], [file({ state: 'failed' })])[0]!.state, 'failed');
  });

  it('keeps every file field through the ledger file', () => {
    const before = entry({ files: [file({ state: 'uploaded' })] });
    const ledger = parseLedger(serializeLedger({ version: 1, tasks: [before], rooms: [] }));
    assert.deepEqual(ledger.problems, []);
    assert.deepEqual(ledger.doc.tasks[0]!.task.files, before.task.files, 'every file field survives the ledger file');
  });

  it('drops an unreadable optional field from the file, never the task', () => {
    const text = serializeLedger({ version: 1, tasks: [entry({ files: [file()] })], rooms: [] }).replace(
      '"trackType":"audio_video"',
      '"trackType":"audio_video","sizeBytes":"big","state":"teleported"',
    );
    const read = parseLedger(text);
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.doc.tasks[0]!.task.files, [file()]);
  });

  it('masks the query of a signed URL in exports and logs, keeping host and path', () => {
    assert.equal(maskedUrl(SIGNED), 'https://1500000001.vod2.myqcloud.com/abcd/ef01/f0.mp4?…');
    assert.equal(maskedUrl('https://user:pw@h.example/p'), 'https://h.example/p');
    const json = exportTasks([entry({ files: [file({ url: SIGNED })] })], [], 'json', T0);
    assert.ok(!json.includes('sign='), json);
    assert.ok(json.includes('vod2.myqcloud.com/abcd/ef01/f0.mp4?…'));
    const redact = createRedactor([]);
    const line = redact(`opened ${SIGNED} and https://b.s3.amazonaws.com/k?X-Amz-Expires=60&X-Amz-Signature=abc123`);
    assert.ok(!line.includes('1ab5ff4f') && !line.includes('abc123') && !line.includes('6b118a57'), line);
    assert.ok(line.includes('vod2.myqcloud.com/abcd/ef01/f0.mp4'));
  });
});

describe('the ledger fetches files on refresh', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mte-files-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  function ledgerWith(source: TaskSource): TaskLedger {
    return new TaskLedger(
      new LedgerFile(dir, { logger: silentLogger, debounceMs: 5 }),
      async (_a: string, _p: Product) => source,
      silentLogger,
      () => T0,
    );
  }
  const base = { account: { id: 'a1', label: 'x', vendor: 'zego' as const, appId: 1 }, probe: async () => undefined };

  it('ZEGO: refreshes a known task through DescribeRecordStatus, files and status together, without listing', async () => {
    let listed = 0;
    const zegoTask = task({ product: 'zego-recording', vendor: 'zego', taskId: 'YRHu6-E4IyvEAAAD', status: 'running', rawStatus: '2' });
    const source: ListingSource = {
      ...base,
      kind: 'listing',
      product: 'zego-recording',
      earliestStartMs: () => 0,
      clockOffsetMs: () => 0,
      list: () => {
        listed++;
        return (async function* () {})();
      },
      describeFiles: async (t: Task) => ({
        ...t,
        status: 'ended',
        rawStatus: '3',
        endedAt: T0,
        files: [file({ state: 'uploaded', reportedBy: 'DescribeRecordStatus' })],
      }),
    };
    const ledger = ledgerWith(source);
    ledger.record([zegoTask]);
    const refreshed = await ledger.refresh(zegoTask);
    assert.equal(refreshed.task.status, 'ended');
    assert.equal(refreshed.task.files[0]!.state, 'uploaded');
    assert.equal(listed, 0);
    await ledger.flush();
  });

  it('ZEGO: a task DescribeRecordStatus no longer knows (older than 3 days) is looked for in the listing', async () => {
    let listed = 0;
    const zegoTask = task({ product: 'zego-recording', vendor: 'zego', taskId: 'YRHu6-E4IyvEAAAD' });
    const source: ListingSource = {
      ...base,
      kind: 'listing',
      product: 'zego-recording',
      earliestStartMs: () => 0,
      clockOffsetMs: () => 0,
      list: () => {
        listed++;
        return (async function* () {
          yield [{ ...zegoTask, status: 'ended' as const }];
        })();
      },
      describeFiles: async () => {
        throw new MediaApiError({
          vendor: 'zego',
          action: 'DescribeRecordStatus',
          kind: 'notFound',
          code: '300001000',
          message: 'task does not exist',
          retryable: false,
        });
      },
    };
    const ledger = ledgerWith(source);
    ledger.record([zegoTask]);
    assert.equal((await ledger.refresh(zegoTask)).task.status, 'ended');
    assert.equal(listed, 1);
    await ledger.flush();
  });

  it('GME: adds DescribeRecordInfo files after DescribeTaskInfo, keeps them when the files API fails, and resolves VOD ids once', async () => {
    const gmeTask = task();
    let filesCalls = 0;
    let mediaCalls: string[][] = [];
    let failFiles = false;
    const source: RoomSource = {
      ...base,
      kind: 'byRoom',
      product: 'gme',
      describeRoom: async () => gmeTask,
      describeFiles: async (t: Task) => {
        filesCalls++;
        if (failFiles)
          throw new MediaApiError({ vendor: 'tencent', action: 'DescribeRecordInfo', kind: 'server', code: 'InternalError', message: 'x', retryable: false });
        return { ...t, files: [file({ fileName: '/biz_room_task_3342', state: 'uploading', vodFileId: '5285485487985271487' })] };
      },
      describeMedia: async (ids: readonly string[]): Promise<VodMediaAnswer> => {
        mediaCalls.push([...ids]);
        return { found: [{ fileId: ids[0]!, url: SIGNED, sizeBytes: 99, durationMs: 1000 }], missing: [] };
      },
    };
    const ledger = ledgerWith(source);
    ledger.record([gmeTask]);
    const first = await ledger.refresh(gmeTask);
    assert.equal(filesCalls, 1);
    assert.deepEqual(mediaCalls, [['5285485487985271487']]);
    const f = first.task.files[0]!;
    assert.equal(f.url, SIGNED);
    assert.equal(f.sizeBytes, 99);
    assert.equal(f.state, 'uploaded');
    mediaCalls = [];
    failFiles = true;
    const second = await ledger.refresh(gmeTask);
    assert.equal(second.task.files[0]!.url, SIGNED, 'the files last seen are kept');
    assert.deepEqual(mediaCalls, [], 'a resolved FileId is not asked again');
    await ledger.flush();
  });
});
