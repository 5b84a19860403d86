/**
 * Property-based fuzzing of the eight vendor APIs through the real code path: each generated answer
 * is served by a loopback HTTP server and fetched by a real `TaskSource` (transport, lossless JSON,
 * client, readers, normalizers, retry, paging). Every case must end, within a time limit, as a typed
 * `MediaApiError` or as valid model `Task`s; undamaged answers must give exactly what they hold.
 * A fixed seed keeps CI deterministic; `MTE_FUZZ_SEED=<n>` (or `random`) explores further.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Product } from '../../../../src/model/task';
import { tencentErrorKind } from '../../../../src/vendors/tencent/errors';
import { fuzzCase, lastPage, type FuzzCase } from '../../../fixtures/fuzz/arbitraries';
import {
  API_NAMES,
  API_PRODUCT,
  assertTypedError,
  assertValidTask,
  exercise,
  settleWithin,
  sourceFor,
  type ApiName,
  type Settled,
} from '../../../fixtures/fuzz/harness';
import { ScriptedServer, type Script, type SeenRequest } from '../../../fixtures/fuzz/scriptedServer';

const RUNS = 520;
/** Per-request timeout: a stalled body costs this much once. */
const REQUEST_TIMEOUT_MS = 250;
/** Per-case limit: far above the slowest legitimate case (two attempts, a 20,000-task page). */
const CASE_LIMIT_MS = 8000;

function seed(api: ApiName): number | undefined {
  const fromEnv = process.env.MTE_FUZZ_SEED;
  if (fromEnv === 'random') return undefined;
  if (fromEnv) return Number(fromEnv) + API_NAMES.indexOf(api);
  return 0x6f75 + API_NAMES.indexOf(api);
}

/** A first-page request; later pages carry a cursor. */
function isFirstPage(api: ApiName, request: SeenRequest): boolean {
  if (api !== 'DescribeRecordTask' && api !== 'DescribeTasks') return true;
  const params = JSON.parse(request.body) as { ScrollToken?: string; PageOffset?: number };
  return api === 'DescribeTasks' ? params.PageOffset === 1 : params.ScrollToken === undefined;
}

/**
 * The case's answer for first pages. A cut or stalled body only on the very first request: each
 * costs a whole request timeout (node-fetch 2 does not notice a socket closed mid-body), and the
 * retry then gets the body whole.
 */
function scriptFor(api: ApiName, c: FuzzCase): Script {
  return (request, index) => {
    if (!isFirstPage(api, request) && c.followUp === 'terminal') return lastPage(api);
    return index > 0 ? { ...c.reply, delivery: 'whole' } : c.reply;
  };
}

class Tally {
  inputs = 0;
  damaged = 0;
  requests = 0;
  withTasks = 0;
  tasks = 0;
  empty = 0;
  slowestMs = 0;
  readonly errors = new Map<string, number>();
  readonly damage = new Map<string, number>();

  add(c: FuzzCase, settled: Settled, requests: number, ms: number): void {
    this.inputs++;
    this.requests += requests;
    this.slowestMs = Math.max(this.slowestMs, ms);
    if (c.damage.length > 0) this.damaged++;
    for (const d of c.damage) this.damage.set(d, (this.damage.get(d) ?? 0) + 1);
    if (settled.type === 'tasks') {
      if (settled.tasks.length > 0) this.withTasks++;
      else this.empty++;
      this.tasks += settled.tasks.length;
    } else if (settled.type === 'thrown') {
      const kind = (settled.error as { kind?: string }).kind ?? 'untyped';
      this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    }
  }

  line(api: ApiName, crashes: number, hangs: number): string {
    const errors = [...this.errors]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    const total = [...this.errors.values()].reduce((a, b) => a + b, 0);
    const damage = [...this.damage]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    return (
      `fuzz ${api}: ${this.inputs} inputs (${this.damaged} damaged), ${this.requests} HTTP requests; ` +
      `${this.withTasks} → ${this.tasks} valid Tasks, ${this.empty} → no task, ${total} → MediaApiError (${errors}); ` +
      `crashes ${crashes}, hangs ${hangs}, slowest case ${Math.round(this.slowestMs)} ms\n        damage: ${damage}`
    );
  }
}

/** The oracle: typed error or valid tasks, and an undamaged answer read exactly. */
function check(api: ApiName, product: Product, c: FuzzCase, settled: Settled): void {
  const what = `${api} [${c.damage.join(', ') || 'undamaged'}]`;
  assert.notEqual(settled.type, 'hang', `${what}: no outcome within ${CASE_LIMIT_MS} ms`);
  if (settled.type === 'thrown') {
    assertTypedError(settled.error, product, api);
    if (c.expect && 'tasks' in c.expect) assert.fail(`${what}: a documented answer failed: ${settled.error.code} ${settled.error.message}`);
    if (c.expect && 'code' in c.expect) assert.equal(settled.error.code, c.expect.code, what);
    return;
  }
  if (settled.type !== 'tasks') return;
  const accountId = product === 'zego-recording' ? 'fuzz-z' : 'fuzz-t';
  for (const task of settled.tasks) assertValidTask(task, product, accountId);
  if (c.expect && 'tasks' in c.expect)
    assert.equal(settled.tasks.length, c.expect.tasks, `${what}: ${settled.tasks.length} tasks read, ${c.expect.tasks} sent`);
  if (c.expect && 'code' in c.expect) {
    // Only GME's DescribeTaskInfo turns a vendor error into "no task": the room is not found.
    assert.ok(product === 'gme' && settled.tasks.length === 0 && tencentErrorKind(c.expect.code) === 'notFound', `${what}: ${c.expect.code} gave tasks`);
  }
}

describe('fuzz: hostile vendor answers through transport, client, readers and normalizers', function () {
  this.timeout(120_000);
  const server = new ScriptedServer();
  const summary: string[] = [];

  before(() => server.start());
  after(async () => {
    await server.close();
    for (const line of summary) console.log(`      ${line}`);
  });

  for (const api of API_NAMES) {
    const product = API_PRODUCT[api];
    it(`${api}: ${RUNS} hostile answers, each a typed MediaApiError or valid Tasks, none hangs`, async () => {
      const tally = new Tally();
      let crashes = 0;
      let hangs = 0;
      const property = fc.asyncProperty(fuzzCase(api), async (c) => {
        server.serve(scriptFor(api, c));
        const source = sourceFor(product, { endpoint: server.url, timeoutMs: REQUEST_TIMEOUT_MS });
        const started = performance.now();
        const settled = await settleWithin(CASE_LIMIT_MS, (signal) => exercise(source, signal, 20, api));
        tally.add(c, settled, server.requests.length, performance.now() - started);
        try {
          check(api, product, c, settled);
        } catch (failure) {
          if (settled.type === 'hang') hangs++;
          else crashes++;
          throw failure;
        }
      });
      try {
        await fc.assert(property, { numRuns: RUNS, seed: seed(api), endOnFailure: true });
      } finally {
        summary.push(tally.line(api, crashes, hangs));
      }
      assert.ok(tally.inputs >= RUNS);
      assert.ok(tally.withTasks > 0 && tally.errors.size > 1, `the cases reach both outcomes: ${tally.line(api, crashes, hangs)}`);
    });
  }
});
