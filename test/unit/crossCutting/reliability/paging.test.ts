/**
 * Listings against a server that ignores the paging cursor (answers every page with the first one):
 * the listing must end with what it has, instead of requesting the same page forever. Found by the
 * fuzz suite: CSS looped on a repeated ScrollToken, ZEGO on full pages without a TotalCount. Also
 * found there: a task listed twice on one page was yielded twice (two tree rows with one id).
 */
import { strict as assert } from 'node:assert';
import type { ListingSource } from '../../../../src/model/taskSource';
import type { Task } from '../../../../src/model/task';
import { exercise, settleWithin, sourceFor } from '../../../fixtures/fuzz/harness';
import { ScriptedServer } from '../../../fixtures/fuzz/scriptedServer';

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

function cssPage(ids: readonly string[], token: string): Buffer {
  const now = Math.floor(Date.now() / 1000);
  const TaskList = ids.map((TaskId) => ({
    TaskId,
    DomainName: 'd',
    AppName: 'live',
    StreamName: 's',
    StartTime: now - 600,
    EndTime: now + 600,
    TemplateId: 0,
    Stopped: 0,
  }));
  return json({ Response: { TaskList, ScrollToken: token, RequestId: 'r' } });
}

function zegoPage(ids: readonly string[], totalCount?: number): Buffer {
  const TaskList = ids.map((TaskId) => ({ TaskId, RoomId: 'room', Status: 2, RecordBeginTimestamp: Date.now() - 60_000 }));
  return json({ Code: 0, Message: 'success', RequestId: 'r', Data: { PageOffset: 1, PageSize: 50, TotalCount: totalCount, TaskList } });
}

const fifty = Array.from({ length: 50 }, (_, i) => `task${String(i).padStart(12, '0')}`);

describe('listings against a server that ignores the paging cursor', function () {
  this.timeout(20_000);
  const server = new ScriptedServer();
  before(() => server.start());
  after(() => server.close());

  async function listAll(source: ListingSource): Promise<Task[]> {
    const settled = await settleWithin(5000, (signal) => exercise(source, signal, Infinity));
    assert.equal(settled.type, 'tasks', `the listing ended: ${settled.type}`);
    return settled.type === 'tasks' ? settled.tasks : [];
  }

  it('CSS: the same ScrollToken handed back ends the window after one repeat', async () => {
    server.serve(() => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: cssPage(['a', 'b'], 'same-token'), delivery: 'whole' }));
    const tasks = await listAll(sourceFor('css', { endpoint: server.url }) as ListingSource);
    assert.deepEqual(
      tasks.map((t) => t.taskId),
      ['a', 'b'],
    );
    assert.equal(server.requests.length, 2, 'the first page, and the one that handed the token back');
  });

  it('CSS: tokens that advance are followed to the empty token', async () => {
    server.serve((_req, i) => ({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: cssPage([`t${i}`], i < 3 ? `token-${i}` : ''),
      delivery: 'whole',
    }));
    const tasks = await listAll(sourceFor('css', { endpoint: server.url }) as ListingSource);
    assert.deepEqual(
      tasks.map((t) => t.taskId),
      ['t0', 't1', 't2', 't3'],
    );
  });

  for (const [label, total] of [
    ['without a TotalCount', undefined],
    ['with a TotalCount of 100,000', 100_000],
  ] as const) {
    it(`ZEGO: a full page repeated ${label} ends the query after one repeat`, async () => {
      server.serve(() => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: zegoPage(fifty, total), delivery: 'whole' }));
      const tasks = await listAll(sourceFor('zego-recording', { endpoint: server.url }) as ListingSource);
      assert.equal(tasks.length, 50);
      // Statuses 2 and 3 are two queries: each reads page 1 and the repeated page 2.
      assert.equal(server.requests.length, 4);
    });
  }

  it('a task listed twice on one page is yielded once (CSS and ZEGO)', async () => {
    server.serve(() => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: cssPage(['a', 'b', 'a'], ''), delivery: 'whole' }));
    assert.deepEqual(
      (await listAll(sourceFor('css', { endpoint: server.url }) as ListingSource)).map((t) => t.taskId),
      ['a', 'b'],
    );
    server.serve(() => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: zegoPage(['x', 'y', 'x'], 3), delivery: 'whole' }));
    assert.deepEqual(
      (await listAll(sourceFor('zego-recording', { endpoint: server.url }) as ListingSource)).map((t) => t.taskId),
      ['x', 'y'],
    );
  });
});
