/**
 * The file APIs end to end against the sandbox over loopback HTTP: ZEGO DescribeRecordStatus, GME
 * DescribeRecordInfo and VOD DescribeMediaInfos, through the vendor clients and as raw requests.
 */
import { strict as assert } from 'node:assert';
import type { TencentAccount } from '../../../src/model/account';
import { MediaApiError } from '../../../src/model/errors';
import type { Task } from '../../../src/model/task';
import type { ListingSource, RoomSource, TaskSource } from '../../../src/model/taskSource';
import { startSandbox, type RunningSandbox, type TencentDemoApp, type ZegoDemoApp } from '../../../src/sandbox';
import { cssTasksInWindow } from '../../../src/sandbox/demo/css';
import { UPLOAD_MS } from '../../../src/sandbox/demo/files';
import { VOD_COMMIT_MS, cssVodFileId } from '../../../src/sandbox/demo/vod';
import { buildWorld } from '../../../src/sandbox/demo/world';
import { createTaskSources } from '../../../src/vendors/createTaskSources';
import { callTencent, callZego, tencentJson } from '../../fixtures/sandboxCalls';
import { sandboxDeps, sandboxTencentAccount, sandboxZegoAccount } from '../../fixtures/sandboxClients';

const HOUR = 3_600_000;

describe('file APIs against the sandbox', function () {
  this.timeout(60_000);
  let sb: RunningSandbox;
  let app: TencentDemoApp;
  let zapp: ZegoDemoApp;
  // The sandbox runs on the real clock (its rate limits count real seconds); demo data moves slowly enough.
  const now = Date.now();
  const world = buildWorld(1);

  before(async () => {
    sb = await startSandbox({ port: 0, seed: 1 });
    const demo = sb.demo();
    app = demo.tencent[0]!;
    zapp = demo.zego[0]!;
  });
  after(() => sb.close());
  afterEach(() => sb.stats.reset());

  function tencent(extra: Partial<TencentAccount> = {}): TaskSource[] {
    return createTaskSources(sandboxTencentAccount(sb, app, extra), { vendor: 'tencent', secretId: app.secretId, secretKey: app.secretKey }, sandboxDeps());
  }
  function zego(): ListingSource {
    return createTaskSources(sandboxZegoAccount(sb, zapp), { vendor: 'zego', serverSecret: zapp.serverSecret }, sandboxDeps())[0] as ListingSource;
  }
  async function zegoTasks(): Promise<Task[]> {
    const all: Task[] = [];
    for await (const page of zego().list({ startMs: now - 6 * HOUR, endMs: now, statuses: 'all' })) all.push(...page);
    return all;
  }

  describe('ZEGO DescribeRecordStatus', () => {
    it('gives an ended task its uploaded files, with sizes, durations and signed URLs, consistent with DescribeTasks', async () => {
      const source = zego();
      const ended = (await zegoTasks()).filter((t) => t.status === 'ended' || t.status === 'failed');
      assert.ok(ended.length > 3, 'the demo has ended ZEGO tasks');
      let withFiles = 0;
      for (const listed of ended.slice(0, 8)) {
        const task = await source.describeFiles!(listed);
        assert.equal(task.taskId, listed.taskId);
        assert.equal(task.room, listed.room);
        assert.equal(task.status, listed.status);
        assert.equal(task.startedAt, listed.startedAt);
        assert.ok(task.endedAt !== undefined && task.endedAt > task.startedAt!);
        for (const file of task.files) {
          withFiles++;
          assert.ok(file.fileName.startsWith(`${task.taskId}_`), file.fileName);
          assert.equal(file.reportedBy, 'DescribeRecordStatus');
          if (now > task.endedAt! + UPLOAD_MS) assert.ok(['uploaded', 'backup', 'failed'].includes(file.state!), file.state);
          assert.equal(file.url !== undefined, file.state === 'uploaded' || file.state === 'backup');
          if (file.url) assert.match(file.url, /X-Amz-Signature=[0-9a-f]{64}/);
          if (file.state === 'backup') assert.equal(file.expiresAtMs, file.endTimeMs! + 3 * 24 * HOUR);
          assert.equal(file.sizeBytes, file.durationMs! * 150);
          assert.equal(file.endTimeMs, file.beginTimeMs! + file.durationMs!);
          assert.ok(file.beginTimeMs! >= task.startedAt! && file.endTimeMs! <= task.endedAt!);
        }
      }
      assert.ok(withFiles > 0, 'some ended task has files');
    });

    it('reports the files of a running task as still recording', async () => {
      const running = (await zegoTasks()).filter((t) => t.status === 'running');
      assert.ok(running.length > 0);
      const source = zego();
      const files = (await Promise.all(running.map((t) => source.describeFiles!(t)))).flatMap((t) => t.files);
      assert.ok(files.length > 0);
      for (const file of files) {
        assert.equal(file.state, 'recording');
        assert.equal(file.url, undefined);
      }
    });

    it('answers 300001000 (notFound) for a TaskId it does not know, and 300000004 without one', async () => {
      const listed = (await zegoTasks())[0]!;
      await assert.rejects(
        zego().describeFiles!({ ...listed, taskId: 'AAAAAAAAAAAAAAAA' }),
        (e: unknown) => e instanceof MediaApiError && e.kind === 'notFound' && e.code === '300001000',
      );
      const raw = await callZego(sb, zapp, { action: 'DescribeRecordStatus', body: {} }, now);
      assert.equal(JSON.parse(raw.text).Code, 300000004);
    });
  });

  describe('GME DescribeRecordInfo', () => {
    async function gmeTask(): Promise<{ gme: RoomSource; task: Task }> {
      const gme = tencent().find((s) => s.product === 'gme') as RoomSource;
      for (const room of app.gmeRoomIds) {
        const task = await gme.describeRoom(room);
        if (task) return { gme, task };
      }
      throw new Error('no GME room records now');
    }

    it('sends the u64 TaskId digit-exact and gets the task files named after it', async () => {
      const { gme, task } = await gmeTask();
      const withFiles = await gme.describeFiles!(task);
      assert.equal(withFiles.taskId, task.taskId);
      assert.equal(withFiles.room, task.room);
      for (const file of withFiles.files) {
        assert.ok(file.fileName.includes(`_${task.taskId}_`), `${file.fileName} names ${task.taskId}`);
        assert.equal(file.reportedBy, 'DescribeRecordInfo');
        assert.ok(['recording', 'processing', 'uploading', 'uploaded'].includes(file.state!));
      }
    });

    it('refuses a TaskId sent as a string, and does not find one a JS number rounded', async () => {
      const { task } = await gmeTask();
      const call = (body: string) =>
        callTencent(sb, app, { action: 'DescribeRecordInfo', version: '2018-07-11', service: 'gme', region: null, rawBody: body }, now);
      const asString = tencentJson(await call(JSON.stringify({ TaskId: task.taskId, BizId: app.gmeBizId })));
      assert.equal(asString.Error?.Code, 'InvalidParameterValue.InvalidTaskId');
      const rounded = String(Number(task.taskId));
      assert.notEqual(rounded, task.taskId);
      const lost = tencentJson(await call(`{"TaskId":${rounded},"BizId":${app.gmeBizId}}`));
      assert.equal(lost.Error?.Code, 'ResourceNotFound.TaskNotFound');
      const exact = tencentJson(await call(`{"TaskId":${task.taskId},"BizId":${app.gmeBizId}}`));
      assert.equal(exact.Error, undefined);
      assert.equal(exact.RoomId, task.room);
    });
  });

  describe('VOD DescribeMediaInfos', () => {
    /** FileIds of the app's CSS tasks committed to VOD by now. */
    function committedFileIds(count: number): string[] {
      const wapp = world.tencent[0]!;
      const refs = cssTasksInWindow(wapp, Math.floor((now - 7 * 24 * HOUR) / 1000), Math.floor(now / 1000), {}, now);
      return refs
        .filter((r) => r.occurrence.endMs + VOD_COMMIT_MS < now)
        .slice(-count)
        .map((r) => cssVodFileId(world, wapp, wapp.cssStreams.indexOf(r.stream), r.occurrence.slot)!);
    }

    it('needs the SubAppId of an account opened after 2023-12-25, then resolves URL, size and duration', async () => {
      assert.equal(app.vod.required, true);
      const ids = committedFileIds(3);
      const without = await tencent()[0]!.describeMedia!(ids);
      assert.deepEqual(without.found, []);
      assert.deepEqual([...without.missing].sort(), [...ids].sort());
      const withSub = await tencent({ vodSubAppId: app.vod.subAppId })[0]!.describeMedia!(ids);
      assert.deepEqual(withSub.missing, []);
      assert.deepEqual(withSub.found.map((m) => m.fileId).sort(), [...ids].sort());
      for (const media of withSub.found) {
        assert.match(media.url!, /^https:\/\/\d+\.vod2\.myqcloud\.com\/.+\?t=[0-9a-f]+&sign=[0-9a-f]{32}$/);
        assert.ok(media.sizeBytes! > 0 && media.durationMs! > 0);
        assert.equal(media.expiresAtMs, undefined, '9999-12-31 means never');
      }
    });

    it('splits more than 20 FileIds into calls of 20 and lists unknown ids as missing', async () => {
      const ids = [...committedFileIds(24), '5299999999999999999'];
      const answer = await tencent({ vodSubAppId: app.vod.subAppId })[0]!.describeMedia!(ids);
      assert.equal(answer.found.length, 24);
      assert.deepEqual(answer.missing, ['5299999999999999999']);
      assert.equal(sb.stats.snapshot().DescribeMediaInfos?.requests, 2);
    });

    it('refuses 21 FileIds and a SubAppId that is not the account’s, as VOD documents', async () => {
      const call = (params: Record<string, unknown>) =>
        callTencent(sb, app, { action: 'DescribeMediaInfos', version: '2018-07-17', service: 'vod', region: null, params }, now);
      const many = Array.from({ length: 21 }, (_, i) => `52000000000000000${String(i).padStart(2, '0')}`);
      assert.equal(tencentJson(await call({ FileIds: many })).Error?.Code, 'InvalidParameterValue.FileIds');
      assert.equal(tencentJson(await call({ FileIds: ['1'], SubAppId: 1 })).Error?.Code, 'InvalidParameterValue.SubAppId');
      assert.equal(tencentJson(await call({ FileIds: [] })).Error?.Code, 'InvalidParameterValue.FileIds');
    });
  });
});
