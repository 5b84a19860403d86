import { strict as assert } from 'node:assert';
import type { Account } from '../../../src/model/account';
import { narrowedCandidates } from '../../../src/tasks/lookup';
import { MAX_PASTED_CHARS, readPastedReference } from '../../../src/sources/pastedReference';
import { trtcTaskId } from '../../../src/sandbox/demo/trtc';
import { buildWorld } from '../../../src/sandbox/demo/world';

describe('Go to Task: reading a paste', () => {
  it('takes a bare id of any vendor as a TaskId', () => {
    for (const id of ['m9-bVVU7nhKM5X3GsED6KNGVG', 'XrlwEZw6AnWq1Wc4', '446192236330927912', '1500004513-abc']) {
      assert.deepEqual(readPastedReference(`  ${id}\n`), { kind: 'id', taskId: id });
    }
  });

  it('takes a TRTC relay TaskId, which is standard base64 with +, / and =', () => {
    for (const id of ['e8Pp1z5+7Kx/qQ2mVb0c9w==', '/gTt2ewlVoo1kJpl+', 'm9-bVVU7nhKM5X3GsED6KNGVG.']) {
      assert.deepEqual(readPastedReference(id), { kind: 'id', taskId: id });
      assert.equal(readPastedReference(`06:30 WARN relay slow TaskId=${id} room=x`)?.taskId, id);
    }
    // Every id the sandbox issues over a day reads back whole, whatever characters its slot drew.
    const app = buildWorld(1).tencent[0]!;
    for (const product of ['relay', 'recording'] as const) {
      for (const lane of product === 'relay' ? app.relayLanes : app.recordingLanes) {
        for (let slot = 0; slot < 144; slot++) {
          const id = trtcTaskId(product, lane, slot);
          assert.equal(readPastedReference(id)?.taskId, id, id);
        }
      }
    }
  });

  it('reads a URL as a log line, not as an id', () => {
    assert.equal(readPastedReference('https://console.example.com/trtc/task'), undefined);
    assert.equal(readPastedReference('https://console.example.com/trtc/task?TaskId=abc')?.taskId, 'abc');
  });

  it('reads a tccli line: product from service and action, quoted and unquoted parameters', () => {
    assert.deepEqual(readPastedReference('tccli trtc DescribeStreamIngest --SdkAppId 1400188366 --TaskId "-gTt2ewlVoo1kJpl"'), {
      kind: 'tccli',
      taskId: '-gTt2ewlVoo1kJpl',
      appId: '1400188366',
      product: 'trtc-relay',
      command: 'trtc DescribeStreamIngest',
    });
    assert.equal(readPastedReference('tccli trtc DescribeCloudRecording --SdkAppId 1 --TaskId abc')?.product, 'trtc-recording');
    assert.equal(readPastedReference("tccli live DescribeRecordTask --TaskId 'x-1' --region ap-guangzhou")?.product, 'css');
    const gme = readPastedReference('tccli gme DescribeTaskInfo --BizId 3400352518 --RoomId 1234');
    assert.deepEqual(gme, { kind: 'tccli', room: '1234', appId: '3400352518', product: 'gme', command: 'gme DescribeTaskInfo' });
  });

  it('reads callback bodies of each vendor, keeping a u64 TaskID exact', () => {
    const trtc = readPastedReference(
      '{"EventGroupId":3,"EventType":302,"CallbackTs":1622186289148,"EventInfo":{"RoomId":"r1","EventTs":"1622186289","UserId":"bot","TaskId":"m9-bVVU7nhKM5X3GsED6KNGVG","Payload":{"LeaveCode":0}}}',
    );
    assert.deepEqual(trtc, { kind: 'json', taskId: 'm9-bVVU7nhKM5X3GsED6KNGVG', room: 'r1', product: 'trtc-recording' });
    const zego = readPastedReference('{"app_id":1234567,"task_id":"XrlwEZw6AnWq1Wc4","room_id":"1234","event_type":5,"sequence":3}');
    assert.deepEqual(zego, { kind: 'json', taskId: 'XrlwEZw6AnWq1Wc4', room: '1234', appId: '1234567', product: 'zego-recording' });
    const gme = readPastedReference('{"BizID":3400352518,"RoomID":"1234","EventType":2,"TaskID":446192236330927912}');
    assert.equal(gme?.taskId, '446192236330927912', 'every digit of the u64');
    assert.equal(gme?.product, 'gme');
    const sdk = readPastedReference('{"SdkAppId": 1400188366, "TaskId": "-gTt2ewlVoo1kJpl", "StreamUrl": "rtmp://x"}');
    assert.equal(sdk?.product, 'trtc-relay');
  });

  it('reads a log line by its TaskId or RequestId, in the usual spellings', () => {
    assert.deepEqual(readPastedReference('06:30 INFO started TaskId=m9-bVVU7nhKM5X3GsED6KNGVG RequestId=6f1c'), {
      kind: 'log',
      taskId: 'm9-bVVU7nhKM5X3GsED6KNGVG',
      requestId: '6f1c',
    });
    assert.equal(readPastedReference('error: {"task_id": "XrlwEZw6AnWq1Wc4", "code": 300001001}')?.taskId, 'XrlwEZw6AnWq1Wc4');
    assert.deepEqual(readPastedReference('[Response] RequestId: 4f2a-9e'), { kind: 'log', requestId: '4f2a-9e' });
  });

  it('finds nothing in text that names no task, and refuses a whole log file', () => {
    assert.equal(readPastedReference(''), undefined);
    assert.equal(readPastedReference('the recording did not start'), undefined);
    assert.equal(readPastedReference('{"Response":{"Error":{"Code":"x"}}'), undefined);
    assert.equal(readPastedReference('{not json TaskId'), undefined);
    assert.equal(readPastedReference(`TaskId=abc ${'x'.repeat(MAX_PASTED_CHARS)}`), undefined);
  });
});

describe('Go to Task: which accounts to ask', () => {
  const base = { site: 'intl', region: 'ap-singapore' } as const;
  const accounts: Account[] = [
    { id: 't1', label: 'Prod', vendor: 'tencent', ...base, trtcSdkAppId: 1400000001, cssEnabled: true },
    { id: 't2', label: 'Staging', vendor: 'tencent', ...base, trtcSdkAppId: 1400000002 },
    { id: 'z1', label: 'Zego', vendor: 'zego', appId: 12345 },
  ];
  const names = (hints: Parameters<typeof narrowedCandidates>[2], taskId = 'm9-bVVU7nhKM5X3GsED6KNGVG'): string[] =>
    narrowedCandidates(accounts, taskId, hints).map((c) => `${c.accountId}/${c.product}`);

  it('asks only the product and app the paste names', () => {
    assert.deepEqual(names({}), ['t1/trtc-recording', 't1/trtc-relay', 't1/css', 't2/trtc-recording', 't2/trtc-relay']);
    assert.deepEqual(names({ product: 'trtc-relay' }), ['t1/trtc-relay', 't2/trtc-relay']);
    assert.deepEqual(names({ product: 'trtc-relay', appId: '1400000002' }), ['t2/trtc-relay']);
    assert.deepEqual(names({ appId: '12345' }, 'XrlwEZw6AnWq1Wc4'), ['z1/zego-recording']);
  });

  it('ignores a hint that would leave no one to ask', () => {
    assert.deepEqual(names({ product: 'trtc-relay', appId: '999' }), ['t1/trtc-relay', 't2/trtc-relay']);
    assert.deepEqual(names({ product: 'gme' }), names({}));
  });
});
