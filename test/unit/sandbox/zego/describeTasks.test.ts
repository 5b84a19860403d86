import { strict as assert } from 'node:assert';
import type { ZegoDemoApp } from '../../../../src/sandbox';
import { callZego, clockedSandbox, zegoJson, type Clocked, type ZegoCall, type ZegoResponse } from '../../../fixtures/sandboxCalls';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('sandbox: ZEGO cloud recording DescribeTasks', () => {
  let c: Clocked;
  let app: ZegoDemoApp;
  const send = async (call: ZegoCall): Promise<ZegoResponse> => {
    c.now += 1000;
    return zegoJson(await callZego(c.sb, app, call, c.now));
  };
  const list = (body: Record<string, unknown>) => send({ body: { Status: 3, StartTime: c.now - DAY, EndTime: c.now, ...body } });

  beforeEach(async () => {
    c = await clockedSandbox();
    app = c.sb.demo().zego[0];
  });
  afterEach(() => c.sb.close());

  it('accepts a correct md5 signature and answers Code 0 with Data.TaskList', async () => {
    const res = await list({});
    assert.equal(res.Code, 0);
    assert.ok(res.RequestId);
    assert.ok(res.Data && Array.isArray(res.Data.TaskList));
    assert.equal(res.Data.PageOffset, 1);
    assert.equal(res.Data.PageSize, 50);
    for (const t of res.Data.TaskList) {
      assert.equal(t.TaskId.length, 16);
      assert.ok([3, 4].includes(t.Status));
      assert.ok(t.RecordBeginTimestamp >= c.now - DAY - 1000 && t.RecordBeginTimestamp <= c.now);
    }
  });

  it('rejects bad signatures, skew beyond 600 s and unknown AppIds with the gateway codes', async () => {
    const body = { Status: 2, StartTime: c.now - HOUR, EndTime: c.now };
    assert.equal((await send({ body, serverSecret: '0'.repeat(32) })).Code, 100000005);
    const nowSec = Math.floor((c.now + 1000) / 1000);
    assert.equal((await send({ body, timestampSec: nowSec - 600 })).Code, 0);
    assert.equal((await send({ body, timestampSec: nowSec + 1 + 600 })).Code, 0);
    assert.equal((await send({ body, timestampSec: nowSec + 2 - 601 })).Code, 100000004);
    assert.equal((await send({ body, timestampSec: nowSec + 3 + 601 })).Code, 100000004);
    assert.equal(zegoJson(await callZego(c.sb, { ...app, appId: 123 }, { body }, c.now)).Code, 100000010);
  });

  it('answers the documented codes for missing and malformed common parameters', async () => {
    const body = { Status: 2, StartTime: c.now - HOUR, EndTime: c.now };
    const without = async (name: string) => (await send({ body, queryOverrides: { [name]: '' } })).Code;
    assert.equal(await without('Timestamp'), 100000002);
    assert.equal(await without('Action'), 100000006);
    assert.equal(await without('SignatureNonce'), 100000008);
    assert.equal(await without('Signature'), 100000009);
    assert.equal(await without('SignatureVersion'), 100000013);
    assert.equal(await without('AppId'), 100000001);
    assert.equal((await send({ body, queryOverrides: { Timestamp: '1.5e9' } })).Code, 100000003);
    assert.equal((await send({ body, queryOverrides: { SignatureVersion: '1.0' } })).Code, 100000014);
    assert.equal((await send({ body, action: 'DescribeEverything' })).Code, 100000007);
  });

  it('answers 100000012 when the body cannot be read whole', async () => {
    const res = await send({ rawBody: Buffer.alloc(1024 * 1024 + 1, 0x20) });
    assert.equal(res.Code, 100000012);
  });

  it('validates Status, the 3-day window and paging with 300000004', async () => {
    const invalid = async (body: Record<string, unknown>) => (await send({ body })).Code;
    const ok = { Status: 2, StartTime: c.now - DAY, EndTime: c.now };
    assert.equal(await invalid({ ...ok, Status: 1 }), 300000004);
    assert.equal(await invalid({ ...ok, Status: 5 }), 300000004);
    assert.equal(await invalid({ StartTime: ok.StartTime, EndTime: ok.EndTime }), 300000004);
    assert.equal(await invalid({ ...ok, EndTime: undefined }), 300000004);
    assert.equal(await invalid({ ...ok, EndTime: ok.StartTime }), 300000004);
    // "Not earlier than 3 days ago" and "at most 3 days": the boundary itself is fine (+1 s per call).
    assert.equal(await invalid({ ...ok, StartTime: c.now + 1000 - 3 * DAY, EndTime: c.now + 1000 }), 0);
    assert.equal(await invalid({ ...ok, StartTime: c.now + 1000 - 3 * DAY - 1, EndTime: c.now }), 300000004);
    assert.equal(await invalid({ ...ok, StartTime: c.now + 1000 - 2 * DAY, EndTime: c.now + 1000 + DAY + 1 }), 300000004);
    assert.equal(await invalid({ ...ok, PageSize: 51 }), 300000004);
    assert.equal(await invalid({ ...ok, PageSize: -1 }), 300000004);
    assert.equal(await invalid({ ...ok, PageSize: 1 }), 0);
    assert.equal(await invalid({ ...ok, PageOffset: -1 }), 300000004);
    assert.equal(await invalid({ ...ok, PageOffset: 0 }), 0);
    assert.equal(await invalid({ ...ok, RoomId: 5 }), 300000004);
    assert.equal((await send({ rawBody: '{"Status":' })).Code, 300000004);
  });

  it('pages from 1 with TotalCount; pages never overlap; newest first', async () => {
    // Ends two hours ago, so no listed task changes status while the pages are read, one second apart.
    const window = { StartTime: c.now - 3 * DAY + 10 * 60_000, EndTime: c.now - 2 * HOUR };
    const first = await list({ ...window, PageSize: 50 });
    const total = first.Data!.TotalCount;
    assert.ok(total > 500, `${total} ended tasks in 3 days`);
    const seen = new Set<string>();
    for (let page = 1; (page - 1) * 50 < total; page++) {
      const res = await list({ ...window, PageOffset: page });
      const tasks = res.Data!.TaskList;
      assert.equal(res.Data!.PageOffset, page);
      assert.equal(tasks.length, Math.min(50, total - (page - 1) * 50));
      assert.ok(tasks.every((t, i) => i === 0 || tasks[i - 1].RecordBeginTimestamp >= t.RecordBeginTimestamp));
      for (const t of tasks) seen.add(t.TaskId);
    }
    assert.equal(seen.size, total);
    const beyond = await list({ ...window, PageOffset: Math.ceil(total / 50) + 1 });
    assert.deepEqual(beyond.Data!.TaskList, []);
  });

  it('filters by RoomId; Status 2 lists ongoing tasks (1, 2, 5), Status 3 ended ones (3, 4)', async () => {
    const window = { StartTime: c.now - DAY, EndTime: c.now };
    const stage = await list({ ...window, RoomId: 'stage-1' });
    assert.ok(stage.Data!.TaskList.length > 0 && stage.Data!.TaskList.every((t) => t.RoomId === 'stage-1'));
    const statuses = new Set<number>();
    for (let minute = 0; minute < 30; minute++) {
      c.now += 59_000;
      const ongoing = await send({ body: { Status: 2, StartTime: c.now - DAY, EndTime: c.now } });
      assert.ok(ongoing.Data!.TaskList.length > 0, 'something is always recording');
      for (const t of ongoing.Data!.TaskList) statuses.add(t.Status);
    }
    assert.deepEqual([...statuses].sort(), [1, 2, 5]);
    const endedStatuses = new Set<number>();
    for (let page = 1; page <= 5; page++) {
      for (const t of (await list({ ...window, PageOffset: page })).Data!.TaskList) endedStatuses.add(t.Status);
    }
    assert.deepEqual([...endedStatuses].sort(), [3, 4]);
  });
});
