import { strict as assert } from 'node:assert';
import type { TencentDemoApp } from '../../../../src/sandbox';
import {
  callTencent,
  clockedSandbox,
  tencentCode,
  tencentJson,
  VERSIONS,
  type Clocked,
  type RawResponse,
  type TencentCall,
} from '../../../fixtures/sandboxCalls';

const MINUTE = 60_000;
const DAY_SEC = 86_400;

interface CssTask {
  TaskId: string;
  DomainName: string;
  AppName: string;
  StreamName: string;
  StartTime: number;
  EndTime: number;
  TemplateId: number;
  Stopped: number;
}

describe('sandbox: Tencent actions over the demo data', () => {
  let c: Clocked;
  let app: TencentDemoApp;
  /** Each call lands in its own second so the rate limit never interferes. */
  const call = async (a: TencentDemoApp, tc: TencentCall): Promise<RawResponse> => {
    c.now += 1000;
    return callTencent(c.sb, a, tc, c.now);
  };
  const taskInfo = (roomId: string, bizId = app.gmeBizId) =>
    call(app, { action: 'DescribeTaskInfo', version: VERSIONS.gme, params: { BizId: bizId, RoomId: roomId } });
  const recording = (taskId: string, a = app) =>
    call(a, { action: 'DescribeCloudRecording', version: VERSIONS.trtc, params: { SdkAppId: a.trtcSdkAppId, TaskId: taskId } });
  const relay = (taskId: string, sdkAppId = app.trtcSdkAppId) =>
    call(app, { action: 'DescribeStreamIngest', version: VERSIONS.trtc, params: { SdkAppId: sdkAppId, TaskId: taskId } });
  const records = (params: Record<string, unknown>, a = app) => call(a, { action: 'DescribeRecordTask', version: VERSIONS.live, params });

  /** Moves the clock until lane `lane` of `pick` shows a new task id, i.e. a task that has just been created. */
  const freshTask = (pick: (a: TencentDemoApp) => string[], lane = 0): string => {
    const before = pick(c.sb.demo().tencent[0])[lane];
    for (;;) {
      c.now += 5000;
      const id = pick(c.sb.demo().tencent[0])[lane];
      if (id !== before) return id;
    }
  };

  beforeEach(async () => {
    c = await clockedSandbox();
    app = c.sb.demo().tencent[0];
  });
  afterEach(() => c.sb.close());

  describe('GME DescribeTaskInfo', () => {
    it('writes TaskId as a raw JSON integer above 2^53, every digit intact', async () => {
      let res: RawResponse | undefined;
      for (let i = 0; i < 40 && !res; i++) {
        const r = await taskInfo(app.gmeRoomIds[0]);
        if (r.text.includes('"TaskId"')) res = r;
        else c.now += 30_000;
      }
      assert.ok(res, 'the room records within a cycle');
      const m = /"TaskId":(\d+)[,}]/.exec(res.text);
      assert.ok(m, `raw integer expected in ${res.text}`);
      assert.ok(BigInt(m[1]) > 2n ** 53n);
      assert.ok(m[1].length >= 17);
      const body = tencentJson(res);
      assert.ok([1, 2, 3].includes(body.RecordMode as number));
      const lists = body.SubscribeRecordUserIds as { SubscribeUserIds: string[]; UnSubscribeUserIds: string[] };
      assert.ok(Array.isArray(lists.SubscribeUserIds) && Array.isArray(lists.UnSubscribeUserIds));
      assert.ok(lists.SubscribeUserIds.length === 0 || lists.UnSubscribeUserIds.length === 0, 'only one list is set');
    });

    it('shows a task for 7 minutes of each 10, then none, then a new TaskId', async () => {
      const seen: string[] = [];
      for (let t = 0; t < 20; t++) {
        const m = /"TaskId":(\d+)/.exec((await taskInfo(app.gmeRoomIds[1])).text);
        seen.push(m ? m[1] : '-');
        c.now += MINUTE - 1000;
      }
      const withTask = seen.filter((s) => s !== '-').length;
      assert.ok(withTask >= 13 && withTask <= 15, `about 14 of 20 minutes: ${seen.join(' ')}`);
      assert.ok(new Set(seen.filter((s) => s !== '-')).size >= 2, 'a new task in the next cycle');
    });

    it('answers without TaskId for an idle room, RoomNotFound for an unknown one, InvalidBizId for another app', async () => {
      const idle = tencentJson(await taskInfo('quiet-room'));
      assert.equal(idle.Error, undefined);
      assert.deepEqual(Object.keys(idle), ['RequestId']);
      assert.equal(tencentCode(await taskInfo('no-such-room')), 'ResourceNotFound.RoomNotFound');
      assert.equal(tencentCode(await taskInfo('lobby', app.gmeBizId + 1)), 'InvalidParameterValue.InvalidBizId');
      assert.equal(tencentCode(await taskInfo('x'.repeat(128))), 'InvalidParameterValue.InvalidRoomId');
    });
  });

  describe('TRTC DescribeCloudRecording', () => {
    it('goes Idle → InProgress → Exited, then errors with ResourceNotFound once ended; files appear while it runs', async () => {
      const id = freshTask((a) => a.trtcRecordingTaskIds, 1);
      const states: string[] = [];
      const fileCounts: number[] = [];
      for (let t = 0; t < 10 * 60; t += 20) {
        const res = await recording(id);
        c.now += 19_000;
        const body = tencentJson(res);
        const state = body.Error ? body.Error.Code : (body.Status as string);
        if (states[states.length - 1] !== state) states.push(state);
        if (state === 'InProgress') fileCounts.push((body.StorageFileList as unknown[]).length);
        if (!body.Error) assert.equal(body.TaskId, id);
      }
      assert.deepEqual(states, ['Idle', 'InProgress', 'Exited', 'ResourceNotFound']);
      assert.ok(fileCounts[0] <= 1 && fileCounts[fileCounts.length - 1] >= 2, `files grow: ${fileCounts.join(',')}`);
      assert.deepEqual(
        [...fileCounts].sort((a, b) => a - b),
        fileCounts,
        'never shrink',
      );
    });

    it('describes StorageFile with ms BeginTimeStamp and the documented TrackTypes', async () => {
      const id = freshTask((a) => a.trtcRecordingTaskIds, 1);
      c.now += 6 * MINUTE;
      const body = tencentJson(await recording(id));
      const files = body.StorageFileList as Array<{ UserId: string; FileName: string; TrackType: string; BeginTimeStamp: number }>;
      assert.ok(files.length >= 2);
      for (const f of files) {
        assert.ok(['audio', 'video', 'audio_video'].includes(f.TrackType));
        assert.ok(f.FileName.endsWith('.m3u8'));
        assert.ok(f.BeginTimeStamp > 1e12 && f.BeginTimeStamp <= c.now, 'milliseconds, not in the future');
      }
    });

    it('errors for unknown ids and for an SdkAppId of another account', async () => {
      assert.equal(tencentCode(await recording('no-such-task')), 'ResourceNotFound');
      const other = c.sb.demo().tencent[1];
      const res = await call(app, {
        action: 'DescribeCloudRecording',
        version: VERSIONS.trtc,
        params: { SdkAppId: other.trtcSdkAppId, TaskId: app.trtcRecordingTaskIds[0] },
      });
      assert.equal(tencentCode(res), 'InvalidParameter.SdkAppId');
    });
  });

  describe('TRTC DescribeStreamIngest', () => {
    it('is InProgress while the relay starts and runs, then NotExist', async () => {
      const id = freshTask((a) => a.trtcRelayTaskIds, 2);
      const states: string[] = [];
      for (let t = 0; t < 10 * 60; t += 30) {
        const status = tencentJson(await relay(id)).Status as string;
        c.now += 29_000;
        if (states[states.length - 1] !== status) states.push(status);
      }
      assert.deepEqual(states, ['InProgress', 'NotExist']);
    });

    it('answers NotExist for unknown ids and FailedOperation.QueryTaskInfoFailed for a foreign SdkAppId', async () => {
      assert.equal(tencentJson(await relay('HMLm5HWNuUAXSb0gTEOx0z1x+nLMZNjX')).Status, 'NotExist');
      assert.equal(tencentCode(await relay(app.trtcRelayTaskIds[0], 1400000000)), 'FailedOperation.QueryTaskInfoFailed');
    });
  });

  describe('CSS DescribeRecordTask', () => {
    const nowSec = () => Math.floor(c.now / 1000);

    it('enforces the window rules at their exact boundaries', async () => {
      const end = nowSec();
      assert.equal(tencentCode(await records({ StartTime: end - 7 * DAY_SEC, EndTime: end })), 'OK');
      assert.equal(tencentCode(await records({ StartTime: end - 7 * DAY_SEC - 1, EndTime: end })), 'InvalidParameter');
      const oldest = nowSec() + 1 - 90 * DAY_SEC; // the clock moves a second per call
      assert.equal(tencentCode(await records({ StartTime: oldest, EndTime: oldest + DAY_SEC })), 'OK');
      assert.equal(tencentCode(await records({ StartTime: nowSec() - 90 * DAY_SEC - 2, EndTime: nowSec() - 89 * DAY_SEC })), 'InvalidParameter');
      assert.equal(tencentCode(await records({ StartTime: end, EndTime: end })), 'InvalidParameter');
      assert.equal(tencentCode(await records({ StartTime: end, EndTime: end - 1 })), 'InvalidParameter');
      assert.equal(tencentCode(await records({ StartTime: end - DAY_SEC })), 'MissingParameter');
      assert.equal(tencentCode(await records({ StartTime: end - DAY_SEC, EndTime: end, ScrollToken: 'not-a-token' })), 'InvalidParameter');
    });

    it('refuses an empty StreamName, DomainName or AppName filter, as the API does (leaving it out lists all)', async () => {
      const end = nowSec();
      for (const name of ['StreamName', 'DomainName', 'AppName']) {
        assert.equal(tencentCode(await records({ StartTime: end - DAY_SEC, EndTime: end, [name]: '' })), 'InvalidParameter', name);
      }
      assert.equal(tencentCode(await records({ StartTime: end - DAY_SEC, EndTime: end })), 'OK');
    });

    it('pages a week 100 at a time by ScrollToken; every task starts and ends inside; thousands over 90 days', async () => {
      const end = nowSec();
      const start = end - 7 * DAY_SEC;
      const all: CssTask[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const body = tencentJson(await records({ StartTime: start, EndTime: end, ...(token ? { ScrollToken: token } : {}) }));
        const list = body.TaskList as CssTask[];
        token = body.ScrollToken as string;
        pages++;
        if (token) assert.equal(list.length, 100, 'full pages until the last');
        else assert.ok(list.length <= 100);
        all.push(...list);
      } while (token);
      assert.ok(all.length > 1000, `${all.length} tasks in a week`);
      assert.equal(pages, Math.ceil(all.length / 100));
      assert.equal(new Set(all.map((t) => t.TaskId)).size, all.length, 'no task twice');
      for (const t of all) {
        assert.ok(t.StartTime >= start && t.EndTime <= end && t.EndTime > t.StartTime);
        assert.equal(t.DomainName, app.cssDomain);
      }
      assert.ok(
        all.every((t, i) => i === 0 || all[i - 1].StartTime <= t.StartTime),
        'in StartTime order',
      );
      assert.ok(all.some((t) => t.Stopped > 0) && all.some((t) => t.TemplateId > 0));
      assert.ok(all.every((t) => t.Stopped === 0 || (t.Stopped >= t.StartTime && t.Stopped < t.EndTime)));
      // The window ends now: tasks still running (EndTime later) are not listed, though they started inside.
      const later = tencentJson(await records({ StartTime: end - 3600, EndTime: end + 3600 })).TaskList as CssTask[];
      const straddling = later.filter((t) => t.StartTime <= end && t.EndTime > end);
      assert.ok(straddling.length > 0);
      assert.ok(straddling.every((t) => !all.some((a) => a.TaskId === t.TaskId)));
    });

    it('filters by StreamName, DomainName and AppName', async () => {
      const end = nowSec();
      const window = { StartTime: end - DAY_SEC, EndTime: end };
      const news = tencentJson(await records({ ...window, StreamName: 'news' })).TaskList as CssTask[];
      assert.ok(news.length > 0 && news.every((t) => t.StreamName === 'news'));
      assert.deepEqual(tencentJson(await records({ ...window, DomainName: 'other.example' })).TaskList, []);
      const byApp = tencentJson(await records({ ...window, AppName: 'live', StreamName: 'news' })).TaskList as CssTask[];
      assert.deepEqual(byApp, news);
    });

    it('answers a GET request the same as a POST', async () => {
      const end = nowSec();
      const params = { StartTime: end - DAY_SEC, EndTime: end - 3600, StreamName: 'sports' };
      const post = tencentJson(await records(params)).TaskList;
      c.now -= 1000; // same instant for both
      const get = tencentJson(await call(app, { action: 'DescribeRecordTask', version: VERSIONS.live, method: 'GET', params })).TaskList;
      assert.deepEqual(get, post);
    });
  });
});
