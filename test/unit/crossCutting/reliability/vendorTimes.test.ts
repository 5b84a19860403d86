/**
 * Vendor times a `Date` cannot hold (found by the fuzz suite: a CSS EndTime of -4e279 became an
 * `endedAt` that made Export throw a RangeError in `toISOString`) are a malformed answer; the
 * largest time a `Date` holds is still a task.
 */
import { strict as assert } from 'node:assert';
import type { Product, Task } from '../../../../src/model/task';
import { assertValidTask, exercise, settleWithin, sourceFor } from '../../../fixtures/fuzz/harness';
import { ScriptedServer } from '../../../fixtures/fuzz/scriptedServer';

/** Days a `Date` reaches either side of 1970, in seconds. */
const MAX_DATE_SEC = 8.64e12;

function answer(product: Product, time: number): unknown {
  switch (product) {
    case 'css':
      return {
        Response: {
          TaskList: [{ TaskId: 't', DomainName: 'd', AppName: 'a', StreamName: 's', StartTime: 0, EndTime: time, Stopped: 0 }],
          ScrollToken: '',
          RequestId: 'r',
        },
      };
    case 'trtc-recording':
      return {
        Response: {
          TaskId: 't',
          Status: 'InProgress',
          StorageFileList: [{ UserId: 'u', FileName: 'f', TrackType: 'audio', BeginTimeStamp: time * 1000 }],
          RequestId: 'r',
        },
      };
    default:
      return {
        Code: 0,
        Message: 'ok',
        RequestId: 'r',
        Data: { TotalCount: 1, TaskList: [{ TaskId: 't', RoomId: 'r', Status: 2, RecordBeginTimestamp: time * 1000 }] },
      };
  }
}

const CASES: ReadonlyArray<readonly [Product, string]> = [
  ['css', 'EndTime (s)'],
  ['trtc-recording', 'StorageFileList[0].BeginTimeStamp (ms)'],
  ['zego-recording', 'RecordBeginTimestamp (ms)'],
];

describe('vendor times beyond what a Date holds', function () {
  this.timeout(20_000);
  const server = new ScriptedServer();
  before(() => server.start());
  after(() => server.close());

  async function outcome(product: Product, time: number): Promise<Task[] | unknown> {
    server.serve(() => ({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: Buffer.from(JSON.stringify(answer(product, time))),
      delivery: 'whole',
    }));
    const settled = await settleWithin(5000, (signal) => exercise(sourceFor(product, { endpoint: server.url }), signal));
    assert.notEqual(settled.type, 'hang');
    return settled.type === 'tasks' ? settled.tasks : settled.type === 'thrown' ? settled.error : undefined;
  }

  for (const [product, field] of CASES) {
    it(`${product}: ${field} past ±8.64e15 ms is malformed; at the limit it is a task`, async () => {
      for (const time of [MAX_DATE_SEC + 1, -(MAX_DATE_SEC + 1), 1e300]) {
        const error = await outcome(product, time);
        assert.ok(!Array.isArray(error), `${time} s gave tasks`);
        assert.equal((error as { kind?: string }).kind, 'malformed', String(time));
        assert.equal((error as { code?: string }).code, 'UnexpectedShape');
      }
      const tasks = await outcome(product, MAX_DATE_SEC);
      assert.ok(Array.isArray(tasks) && tasks.length === 1, 'the limit itself is a task');
      for (const task of tasks as Task[]) assertValidTask(task, product, product === 'zego-recording' ? 'fuzz-z' : 'fuzz-t');
    });
  }
});
