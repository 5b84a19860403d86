import { strict as assert } from 'node:assert';
import { startSandbox, type CssBulkTaskSet, type TencentDemoApp, type TrtcBulkTaskSet, type ZegoBulkTaskSet } from '../../../../src/sandbox';
import { HOSTILE } from '../../../../src/sandbox/demo/hostile';
import { callTencent, callZego, clockedSandbox, T0, tencentCode, tencentJson, VERSIONS, zegoJson, type Clocked } from '../../../fixtures/sandboxCalls';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('sandbox: demo data', () => {
  let c: Clocked;
  const tencent = async (app: TencentDemoApp, action: string, version: string, params: Record<string, unknown>) => {
    c.now += 1000;
    return callTencent(c.sb, app, { action, version, params }, c.now);
  };

  beforeEach(async () => {
    c = await clockedSandbox();
  });
  afterEach(() => c.sb.close());

  it('is deterministic from the seed: same seed and time, same data; another seed, other credentials', async () => {
    const twin = await startSandbox({ seed: 7, now: () => T0 });
    const other = await startSandbox({ seed: 8, now: () => T0 });
    try {
      assert.deepEqual(twin.demo(), c.sb.demo());
      assert.notEqual(other.demo().tencent[0].secretId, c.sb.demo().tencent[0].secretId);
    } finally {
      await Promise.all([twin.close(), other.close()]);
    }
  });

  it('has two regular Tencent apps in valid, different regions, a ZEGO app, and hostile-strings apps', () => {
    const demo = c.sb.demo();
    const [sg, gz, hostile] = demo.tencent;
    assert.deepEqual([sg.region, gz.region], ['ap-singapore', 'ap-guangzhou']);
    assert.notEqual(sg.label, gz.label);
    assert.equal(new Set(demo.tencent.map((a) => a.secretId)).size, demo.tencent.length);
    assert.ok(demo.zego.length >= 1 && demo.zego[0].serverSecret.length === 32);
    assert.equal(hostile.label, 'Hostile strings');
    assert.ok(hostile.gmeRoomIds.includes(HOSTILE.img));
    assert.ok(hostile.trtcRecordingTaskIds.every((id) => id.startsWith(HOSTILE.img)));
    assert.equal(demo.zego[1].label, 'Hostile strings');
    // Marked as test data, so the demo and "Try the Sandbox" can leave them out.
    assert.deepEqual(
      [...demo.tencent, ...demo.zego].map((a) => a.hostileStrings),
      [false, false, true, false, true],
    );
    for (const app of [sg, gz]) assert.ok(JSON.stringify(app).match(/[<>]|javascript:/) === null, 'regular apps stay clean');
    // The callback keys the sandbox signs with: one per product console, different for every app.
    const callbackKeys = [
      ...demo.tencent.flatMap((a) => [a.callbackKeys.trtc, a.callbackKeys.gme, a.callbackKeys.css]),
      ...demo.zego.map((a) => a.callbackSecret),
    ];
    assert.ok(callbackKeys.every((key) => /^[A-Za-z0-9]{32}$/.test(key)));
    assert.equal(new Set(callbackKeys).size, callbackKeys.length);
  });

  it('task ids in demo() move on as time passes', () => {
    const before = c.sb.demo().tencent[0];
    c.now += 10 * MINUTE;
    const after = c.sb.demo().tencent[0];
    assert.equal(before.trtcRecordingTaskIds.length, 3);
    assert.ok(before.trtcRecordingTaskIds.every((id, i) => id !== after.trtcRecordingTaskIds[i]));
    assert.ok(before.trtcRelayTaskIds.every((id, i) => id !== after.trtcRelayTaskIds[i]));
  });

  it('has running tasks of every product at any moment', async () => {
    const app = c.sb.demo().tencent[0];
    const zegoApp = c.sb.demo().zego[0];
    for (let sample = 0; sample < 24; sample++) {
      c.now += 37 * MINUTE + 13_000;
      const ids = c.sb.demo().tencent[0];
      const gme = await Promise.all(app.gmeRoomIds.map((RoomId) => tencent(app, 'DescribeTaskInfo', VERSIONS.gme, { BizId: app.gmeBizId, RoomId })));
      assert.ok(
        gme.some((r) => r.text.includes('"TaskId"')),
        `GME at sample ${sample}`,
      );
      const rec = await Promise.all(
        ids.trtcRecordingTaskIds.map((TaskId) => tencent(app, 'DescribeCloudRecording', VERSIONS.trtc, { SdkAppId: app.trtcSdkAppId, TaskId })),
      );
      assert.ok(
        rec.some((r) => tencentJson(r).Status === 'InProgress'),
        `TRTC recording at sample ${sample}`,
      );
      const relay = await Promise.all(
        ids.trtcRelayTaskIds.map((TaskId) => tencent(app, 'DescribeStreamIngest', VERSIONS.trtc, { SdkAppId: app.trtcSdkAppId, TaskId })),
      );
      assert.ok(
        relay.some((r) => tencentJson(r).Status === 'InProgress'),
        `TRTC relay at sample ${sample}`,
      );
      const nowSec = Math.floor(c.now / 1000);
      const css = tencentJson(await tencent(app, 'DescribeRecordTask', VERSIONS.live, { StartTime: nowSec - 3600, EndTime: nowSec + 3600 }));
      const running = (css.TaskList as Array<{ StartTime: number; EndTime: number; Stopped: number }>).filter(
        (t) => t.StartTime <= nowSec && nowSec < t.EndTime && t.Stopped === 0,
      );
      assert.ok(running.length > 0, `CSS at sample ${sample}`);
      c.now += 1000;
      const zego = zegoJson(await callZego(c.sb, zegoApp, { body: { Status: 2, StartTime: c.now - DAY, EndTime: c.now } }, c.now));
      assert.ok(
        zego.Data!.TaskList.some((t) => t.Status === 2),
        `ZEGO at sample ${sample}`,
      );
    }
  });

  it('puts hostile strings into vendor fields of the hostile apps', async () => {
    const hostile = c.sb.demo().tencent[2];
    const nowSec = Math.floor(c.now / 1000);
    const css = tencentJson(await tencent(hostile, 'DescribeRecordTask', VERSIONS.live, { StartTime: nowSec - 7 * 86_400, EndTime: nowSec }));
    const text = JSON.stringify(css.TaskList);
    for (const s of [HOSTILE.script, HOSTILE.jsUrl, HOSTILE.rtl]) assert.ok(text.includes(JSON.stringify(s).slice(1, -1)), s);
    const zego = zegoJson(await callZego(c.sb, c.sb.demo().zego[1], { body: { Status: 3, StartTime: c.now - DAY, EndTime: c.now } }, c.now));
    assert.ok(zego.Data!.TaskList.some((t) => t.RoomId === HOSTILE.img || t.RoomId === HOSTILE.emoji || t.RoomId === HOSTILE.rtl));
  });

  it('adds 10,000 CSS tasks in one week on a stream of their own, listed exactly in 100 pages', async () => {
    const set = c.sb.addBulkTasks({ product: 'css', count: 10_000 }) as CssBulkTaskSet;
    assert.ok(set.endMs - set.startMs <= 7 * DAY);
    const bulkApp = { ...c.sb.demo().tencent[0], secretId: set.secretId, secretKey: set.secretKey, region: set.region };
    const window = { StartTime: Math.floor(set.startMs / 1000), EndTime: Math.ceil(set.endMs / 1000) };
    const ids = new Set<string>();
    let token = '';
    let pages = 0;
    do {
      const body = tencentJson(
        await tencent(bulkApp, 'DescribeRecordTask', VERSIONS.live, { ...window, StreamName: set.streamName, ...(token ? { ScrollToken: token } : {}) }),
      );
      for (const t of body.TaskList as Array<{ TaskId: string }>) ids.add(t.TaskId);
      token = body.ScrollToken as string;
      pages++;
    } while (token);
    assert.equal(ids.size, 10_000);
    assert.equal(pages, 100);
    // The demo apps do not see them.
    const demoApp = c.sb.demo().tencent[0];
    const demoList = tencentJson(await tencent(demoApp, 'DescribeRecordTask', VERSIONS.live, { ...window, StreamName: set.streamName }));
    assert.deepEqual(demoList.TaskList, []);
  });

  it('keeps the newest `running` CSS bulk tasks running until an hour from now, the rest ended', async () => {
    const set = c.sb.addBulkTasks({ product: 'css', count: 50, startMs: c.now - DAY, endMs: c.now - MINUTE, running: 3 }) as CssBulkTaskSet;
    const bulkApp = { ...c.sb.demo().tencent[0], secretId: set.secretId, secretKey: set.secretKey, region: set.region };
    const nowSec = Math.floor(c.now / 1000);
    const body = tencentJson(
      await tencent(bulkApp, 'DescribeRecordTask', VERSIONS.live, { StartTime: nowSec - 86_400, EndTime: nowSec + 86_400, StreamName: set.streamName }),
    );
    const tasks = body.TaskList as Array<{ StartTime: number; EndTime: number }>;
    assert.equal(tasks.length, 50);
    const live = tasks.filter((t) => t.EndTime > nowSec);
    assert.equal(live.length, 3);
    assert.ok(live.every((t) => t.EndTime > nowSec + 3_000 && t.EndTime <= nowSec + 3_600));
    // They are the newest three.
    const newest = [...tasks].sort((a, b) => b.StartTime - a.StartTime).slice(0, 3);
    assert.deepEqual(live.map((t) => t.StartTime).sort(), newest.map((t) => t.StartTime).sort());
    assert.throws(() => c.sb.addBulkTasks({ product: 'zego', count: 10, running: 1 }), /only for CSS/);
  });

  it('adds 10,000 ZEGO tasks in a 3-day window in their own room and app', async () => {
    const set = c.sb.addBulkTasks({ product: 'zego', count: 10_000, startMs: c.now - 3 * DAY + MINUTE, endMs: c.now - MINUTE }) as ZegoBulkTaskSet;
    const app = { label: 'Bulk', hostileStrings: false, appId: set.appId, serverSecret: set.serverSecret };
    c.now += 1000;
    const res = zegoJson(await callZego(c.sb, app, { body: { Status: 3, RoomId: set.roomId, StartTime: set.startMs, EndTime: set.endMs } }, c.now));
    assert.equal(res.Data!.TotalCount, 10_000);
    assert.equal(res.Data!.TaskList.length, 50);
    assert.ok(c.sb.demo().zego.every((z) => z.appId !== set.appId));
    const second = c.sb.addBulkTasks({ product: 'zego', count: 5 }) as ZegoBulkTaskSet;
    assert.equal(second.roomId, 'bulk-2');
    assert.throws(() => c.sb.addBulkTasks({ product: 'zego', count: 10, startMs: c.now - 4 * DAY, endMs: c.now }), /3 days/);
    assert.throws(() => c.sb.addBulkTasks({ product: 'css', count: 0 }), /count/);
  });

  it('adds live TRTC recordings that are all running now and end on schedule', async () => {
    const set = c.sb.addBulkTasks({ product: 'trtc-recording', count: 30 }) as TrtcBulkTaskSet;
    assert.equal(set.taskIds.length, 30);
    assert.equal(new Set(set.taskIds).size, 30);
    const app = { ...c.sb.demo().tencent[0], secretId: set.secretId, secretKey: set.secretKey, region: set.region };
    const status = async (taskId: string) => {
      const res = await tencent(app, 'DescribeCloudRecording', VERSIONS.trtc, { SdkAppId: set.trtcSdkAppId, TaskId: taskId });
      const code = tencentCode(res);
      return code === 'OK' ? (tencentJson(res).Status as string) : code;
    };
    for (const id of set.taskIds) assert.equal(await status(id), 'InProgress');
    c.now = set.endMs + MINUTE + 1;
    assert.equal(await status(set.taskIds[0]), 'ResourceNotFound');
    assert.throws(() => c.sb.addBulkTasks({ product: 'trtc-recording', count: 1001 }), /count/);
  });
});
