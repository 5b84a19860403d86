import { strict as assert } from 'node:assert';
import { cssStatus, gmeStatus, trtcRecordingStatus, trtcRelayStatus, zegoStatus } from '../../../src/model/status';
import { parseJsonLossless } from '../../../src/vendors/shared/json';
import { ShapeError, type RawObject } from '../../../src/vendors/shared/fields';
import { normalizeCssTask, normalizeGmeTask, normalizeTrtcRecording, normalizeTrtcRelay } from '../../../src/vendors/tencent/normalize';
import { readCssRecordTaskPage, readGmeTaskInfo, readTrtcCloudRecording, readTrtcStreamIngest } from '../../../src/vendors/tencent/records';
import { normalizeZegoTask } from '../../../src/vendors/zego/normalize';
import { readZegoTaskPage } from '../../../src/vendors/zego/records';

const ctx = { accountId: 'acc1', appId: '3400352518', room: '9832', observedAt: 1_700_000_000_000, requestId: 'rid' };

/** The `Response` object of a Tencent sample, parsed exactly as the transport parses it. */
function tencentResponse(text: string): RawObject {
  return (parseJsonLossless(text) as { Response: RawObject }).Response;
}

// Verbatim output examples from the seed pages (shared/seeds/000..004).
const GME_SAMPLE = `{"Response": {"SubscribeRecordUserIds": {"SubscribeUserIds": [3342], "UnSubscribeUserIds": [7619]},
  "RecordMode": 1, "RequestId": "h9167d24-a2c6-1125-a5bd-5c023ba721c2", "TaskId": 446192236330927912}}`;
const TRTC_SAMPLE = '{"Response": {"Status": "InProgress", "StorageFileList": [], "RequestId": "xx", "TaskId": "xx"}}';
const RELAY_SAMPLE = '{"Response": {"Status": "InProgress", "RequestId": "71993312-6ab8-4768-9124-118e0a20c45f"}}';
const CSS_SAMPLE = `{"Response": {"RequestId": "eac6b301-a322-493a-8e36-83b295459397", "ScrollToken": "", "TaskList": [
  {"TaskId": "UpTbk5RSVhRQFkAAfHwQCCjcRD0lRFcZ0xTSlNTQltlRVRLU1JAWW9EUb", "DomainName": "5000.live.push.com", "AppName": "live",
   "StreamName": "livetest", "StartTime": 1595779900, "EndTime": 1595789900, "TemplateId": 123, "Stopped": 1595783500},
  {"TaskId": "UpTbk5RSVhRQFkAAfHwQCCjcRD0lRFcZ0xTSlNTQltlRVRLFszdDWW9EUb", "DomainName": "5000.live.push.com", "AppName": "live",
   "StreamName": "livetest", "StartTime": 1595789900, "EndTime": 1595799900, "TemplateId": 0, "Stopped": 0}]}}`;
const ZEGO_SAMPLE = `{"Code": 0, "Message": "succeed", "RequestId": "abcd123", "Data": {"PageOffset": 1, "PageSize": 50, "TotalCount": 3,
  "TaskidList": [{"RecordBeginTimestamp": 1628565227899, "TaskId": "YRHu6-E4IyvEAAAD", "RoomId": "1000", "Status": 2},
  {"RecordBeginTimestamp": 1628565226303, "TaskId": "YRHu6uE4IyvEAAAC", "RoomId": "1000", "Status": 2},
  {"RecordBeginTimestamp": 1628565222498, "TaskId": "YRHu5uE4IyvEAAAB", "RoomId": "1000", "Status": 2}]}}`;

describe('Tencent normalizers on the seed samples', () => {
  it('GME: the u64 TaskId survives exactly; numeric user ids become strings', () => {
    const task = normalizeGmeTask(readGmeTaskInfo(tencentResponse(GME_SAMPLE)), ctx);
    assert.ok(task);
    assert.equal(task.taskId, '446192236330927912');
    assert.equal(task.status, 'running');
    assert.equal(task.product, 'gme');
    assert.deepEqual(task.extras, { RecordMode: 1, SubscribeUserIds: ['3342'], UnSubscribeUserIds: ['7619'] });
  });

  it('GME: a room without a task gives no Task', () => {
    assert.equal(normalizeGmeTask(readGmeTaskInfo({ RequestId: 'r', TaskId: null }), ctx), undefined);
  });

  it('TRTC recording: status and StorageFile mapping (BeginTimeStamp stays ms)', () => {
    assert.equal(normalizeTrtcRecording(readTrtcCloudRecording(tencentResponse(TRTC_SAMPLE)), ctx).status, 'running');
    const task = normalizeTrtcRecording(
      readTrtcCloudRecording({
        TaskId: 'm9-bVVU7+x.',
        Status: 'Exited',
        StorageFileList: [
          { UserId: 'u1', FileName: 'a_main_audio.m3u8', TrackType: 'audio', BeginTimeStamp: 1562724852626 },
          { UserId: null, FileName: 'mix.m3u8', TrackType: null },
        ],
      }),
      ctx,
    );
    assert.equal(task.status, 'stopping');
    assert.equal(task.rawStatus, 'Exited');
    assert.deepEqual(task.files, [
      { userId: 'u1', fileName: 'a_main_audio.m3u8', trackType: 'audio', beginTimeMs: 1562724852626 },
      { userId: '', fileName: 'mix.m3u8', trackType: '', beginTimeMs: undefined },
    ]);
  });

  it("TRTC relay: InProgress runs, NotExist is an ended snapshot with the caller's task id", () => {
    assert.equal(normalizeTrtcRelay(readTrtcStreamIngest(tencentResponse(RELAY_SAMPLE)), '1234', ctx).status, 'running');
    const ended = normalizeTrtcRelay({ Status: 'NotExist' }, '1234', ctx);
    assert.equal(ended.status, 'ended');
    assert.equal(ended.taskId, '1234');
  });

  it('CSS: seconds become ms, a stopped task ends at Stopped, extras kept', () => {
    const page = readCssRecordTaskPage(tencentResponse(CSS_SAMPLE));
    assert.equal(page.ScrollToken, '');
    const [stopped, scheduled] = page.TaskList.map((t) => normalizeCssTask(t, { ...ctx, observedAt: 1595790000_000 }));
    assert.equal(stopped.status, 'ended');
    assert.equal(stopped.rawStatus, 'Stopped:1595783500');
    assert.equal(stopped.startedAt, 1595779900_000);
    assert.equal(stopped.endedAt, 1595783500_000);
    assert.equal(stopped.appId, '5000.live.push.com');
    assert.equal(stopped.room, 'livetest');
    assert.deepEqual(stopped.extras, { DomainName: '5000.live.push.com', AppName: 'live', TemplateId: 123, Stopped: 1595783500 });
    assert.equal(scheduled.status, 'running');
    assert.equal(scheduled.endedAt, 1595799900_000);
  });

  it('rejects an undocumented shape with the field path', () => {
    assert.throws(
      () => readTrtcCloudRecording({ TaskId: 'x', Status: 3 }),
      (e: unknown) => e instanceof ShapeError && e.path === 'Status',
    );
    assert.throws(() => readCssRecordTaskPage({ TaskList: [{ TaskId: 'x' }] }), ShapeError);
  });
});

describe('ZEGO normalizer on the seed sample', () => {
  it('accepts the documented misspelling TaskidList and keeps ms times', () => {
    const data = (parseJsonLossless(ZEGO_SAMPLE) as { Data: RawObject }).Data;
    const page = readZegoTaskPage(data);
    assert.equal(page.TotalCount, 3);
    assert.equal(page.TaskList.length, 3);
    const task = normalizeZegoTask(page.TaskList[0], { accountId: 'z', appId: 1234567890, observedAt: 1 });
    assert.deepEqual(
      { id: task.taskId, room: task.room, status: task.status, raw: task.rawStatus, at: task.startedAt, app: task.appId },
      { id: 'YRHu6-E4IyvEAAAD', room: '1000', status: 'running', raw: '2', at: 1628565227899, app: '1234567890' },
    );
  });

  it('accepts TaskList too', () => {
    const page = readZegoTaskPage({ TaskList: [{ TaskId: 'a', RoomId: 'r', Status: 4, RecordBeginTimestamp: 5 }] });
    assert.equal(normalizeZegoTask(page.TaskList[0], { accountId: 'z', appId: 1, observedAt: 1 }).status, 'failed');
  });
});

describe('status mappings', () => {
  it('TRTC recording and relay', () => {
    assert.deepEqual(['Idle', 'InProgress', 'Exited', 'Other'].map(trtcRecordingStatus), ['starting', 'running', 'stopping', 'unknown']);
    assert.deepEqual(['InProgress', 'NotExist', 'x'].map(trtcRelayStatus), ['running', 'ended', 'unknown']);
  });

  it('GME present/absent', () => {
    assert.equal(gmeStatus('TaskPresent'), 'running');
    assert.equal(gmeStatus('TaskAbsent'), 'ended');
  });

  it('CSS from the schedule, at the boundaries', () => {
    const t = { StartTime: 100, EndTime: 200, Stopped: 0 };
    assert.equal(cssStatus(t, 99_999), 'starting');
    assert.equal(cssStatus(t, 100_000), 'running');
    assert.equal(cssStatus(t, 199_999), 'running');
    assert.equal(cssStatus(t, 200_000), 'ended');
    assert.equal(cssStatus({ ...t, Stopped: 150 }, 150_000), 'ended');
  });

  it('ZEGO 1..5', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 9].map(zegoStatus), ['starting', 'running', 'ended', 'failed', 'paused', 'unknown']);
  });
});
