import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../../src/model/logger';
import { LEASE_FILE_NAME, PollLease } from '../../../src/tasks/pollLease';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const lease = (dir: string, over: Partial<ConstructorParameters<typeof PollLease>[0]> = {}) =>
  new PollLease({ dir, logger: silentLogger, renewMs: 100, staleMs: 400, ...over });

describe('poll lease (one poller across windows)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mte-lease-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('lets exactly one of two windows hold it, and the other take over when the holder closes', async () => {
    const a = lease(dir);
    const b = lease(dir);
    await Promise.all([a.start(), b.start()]);
    await sleep(300);
    assert.equal(Number(a.held) + Number(b.held), 1, 'exactly one holds it');
    const [holder, other] = a.held ? [a, b] : [b, a];
    await holder.dispose();
    await sleep(400);
    assert.equal(other.held, true, 'the other took over');
    await other.dispose();
    await assert.rejects(fs.stat(path.join(dir, LEASE_FILE_NAME)), 'released on close');
  });

  it('is taken over when its holder stops renewing (a hung window) or its process is gone', async () => {
    await fs.writeFile(path.join(dir, LEASE_FILE_NAME), JSON.stringify({ owner: 'gone', pid: 999_999_999, renewedAt: Date.now() }));
    const dead = lease(dir, { isAlive: () => false });
    await dead.start();
    assert.equal(dead.held, true, 'a dead holder’s lease is free at once');
    await dead.dispose();

    await fs.writeFile(path.join(dir, LEASE_FILE_NAME), JSON.stringify({ owner: 'hung', pid: 999_999_999, renewedAt: Date.now() }));
    const waiting = lease(dir, { isAlive: () => true });
    await waiting.start();
    assert.equal(waiting.held, false, 'a live, fresh holder keeps it');
    await sleep(700);
    assert.equal(waiting.held, true, 'not renewed past the stale time: taken over');
    await waiting.dispose();
  });

  it('passes what a non-holding window shows to the holder', async () => {
    const a = lease(dir);
    const b = lease(dir);
    await a.start();
    await b.start();
    const key = { accountId: 'a1', product: 'trtc-recording' as const, taskId: 't1' };
    await b.publishWatched([key]);
    assert.deepEqual(await a.othersWatched(), [key]);
    assert.deepEqual(await b.othersWatched(), [], 'not its own');
    await b.dispose();
    assert.deepEqual(await a.othersWatched(), [], 'gone with its window');
    await a.dispose();
  });
});
