/**
 * GME TaskIds are u64. Every id above 2^53 (where `JSON.parse` starts rounding) up to 2^64-1, sent
 * as a bare JSON integer or as a string, must come out of the real HTTP path as the exact decimal
 * string, and stay exact through what the extension writes: the ledger file (serialized and read
 * back) and Export Tasks… (JSON and CSV).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Account } from '../../../../src/model/account';
import { observe, parseLedger, serializeLedger } from '../../../../src/model/ledger';
import type { RoomSource } from '../../../../src/model/taskSource';
import { exportTasks } from '../../../../src/tasks/exportTasks';
import type { Task } from '../../../../src/model/task';
import { sourceFor } from '../../../fixtures/fuzz/harness';
import { ScriptedServer } from '../../../fixtures/fuzz/scriptedServer';

const TWO_53 = 2n ** 53n;
const U64_MAX = 2n ** 64n - 1n;
const RUNS = 300;
const NOW = Date.UTC(2026, 0, 1);

const u64AboveSafe = fc.oneof(
  fc.constantFrom(TWO_53 + 1n, TWO_53 + 3n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 63n + 1n, U64_MAX - 1n, U64_MAX, 446192236330927912n),
  fc.bigInt({ min: TWO_53 + 1n, max: U64_MAX }),
);

describe('u64 GME TaskIds are exact from the wire to JSON and back', function () {
  this.timeout(30_000);
  const server = new ScriptedServer();
  let rounded = 0;
  let tried = 0;

  before(() => server.start());
  after(async () => {
    await server.close();
    console.log(
      `      u64: ${tried} TaskIds in (2^53, 2^64-1] through HTTP → Task → ledger file → exports; ${rounded} of them JSON.parse would have rounded; 0 changed`,
    );
  });

  async function gmeTask(body: string): Promise<Task> {
    server.serve(() => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: Buffer.from(body), delivery: 'whole' }));
    const task = await (sourceFor('gme', { endpoint: server.url }) as RoomSource).describeRoom('room');
    assert.ok(task, 'a task');
    return task;
  }

  it(`${RUNS} ids as bare integers and as strings survive HTTP → Task → ledger file → read back, and the exports, exactly`, async () => {
    await fc.assert(
      fc.asyncProperty(u64AboveSafe, fc.boolean(), async (id, quoted) => {
        const digits = id.toString();
        const wire = quoted ? JSON.stringify(digits) : digits;
        const task = await gmeTask(`{"Response":{"TaskId":${wire},"RecordMode":2,"RequestId":"r-${digits}"}}`);
        tried++;
        if (String(JSON.parse(digits)) !== digits) rounded++;
        assert.equal(task.taskId, digits);
        assert.equal(BigInt(task.taskId), id);
        // The ledger as written to disk and read back.
        const entry = observe(undefined, task, NOW, true);
        const read = parseLedger(serializeLedger({ version: 1, tasks: [entry], rooms: [] }));
        assert.deepEqual(read.problems, []);
        assert.equal(read.doc.tasks[0]?.taskId, digits);
        assert.equal(read.doc.tasks[0]?.task.taskId, digits);
        // What Export Tasks… writes, in both formats.
        const account: Account = { id: task.accountId, vendor: 'tencent', label: 'u64', site: 'intl', region: 'ap-singapore', gmeBizId: 1400500001 };
        const json = JSON.parse(exportTasks([entry], [account], 'json', NOW)) as unknown;
        assert.ok(JSON.stringify(json).includes(`"${digits}"`), 'the JSON export keeps the id as its exact decimal string');
        assert.ok(exportTasks([entry], [account], 'csv', NOW).includes(digits), 'the CSV export keeps every digit');
      }),
      { numRuns: RUNS, seed: 0x64 },
    );
    assert.ok(rounded > RUNS / 2, `most ids are ones plain JSON.parse corrupts (${rounded})`);
  });
});
