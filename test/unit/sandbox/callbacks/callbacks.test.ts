// The sandbox's recording callbacks: the events the demo tasks emit (pure, from a world of the same seed),
// signed as each vendor signs, checked by the extension's own verifier; their files as the sandbox's query
// APIs report them; delivery to a real HTTP target with each vendor's retry rule; the admin API; and the
// whole path, sandbox → CallbackReceiver → CallbackIntake → TaskLedger, with no poll at all.
import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { NewAccount } from '../../../../src/accounts/accountStore';
import { CallbackKeyStore } from '../../../../src/accounts/callbackKeyStore';
import { applyDemoPlans } from '../../../../src/demo/applyDemoPlans';
import { demoAccountPlans } from '../../../../src/demo/demoPlans';
import type { Account } from '../../../../src/model/account';
import type { KeyringEntry, ReceivedCallback } from '../../../../src/model/callback';
import { silentLogger } from '../../../../src/model/logger';
import type { DemoCredentials } from '../../../../src/sandbox';
import type { DemoCallback } from '../../../../src/sandbox/callbacks/demoCallback';
import { demoCallbackEvents } from '../../../../src/sandbox/callbacks/events';
import { signCallback, type SignedCallback } from '../../../../src/sandbox/callbacks/sign';
import { demoCredentials } from '../../../../src/sandbox/demo/credentials';
import { buildWorld } from '../../../../src/sandbox/demo/world';
import { CallbackIntake } from '../../../../src/tasks/callbackIntake';
import { CallbackReceiver } from '../../../../src/tasks/callbackReceiver';
import { LedgerFile } from '../../../../src/tasks/ledgerFile';
import { TaskLedger } from '../../../../src/tasks/taskLedger';
import { verifyCallback } from '../../../../src/vendors/callbacks/verify';
import { T0, callTencent, callZego, clockedSandbox, rawRequest, tencentJson, type Clocked } from '../../../fixtures/sandboxCalls';

const SEED = 7;
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** One account per demo app, named after it, holding the app's callback keys as the demo JSON gives them. */
function keyringOf(demo: DemoCredentials): KeyringEntry[] {
  return [
    ...demo.tencent.map((app) => ({ accountId: `tencent:${app.label}`, vendor: 'tencent' as const, keys: app.callbackKeys })),
    ...demo.zego.map((app) => ({ accountId: `zego:${app.label}`, vendor: 'zego' as const, keys: { zego: app.callbackSecret } })),
  ];
}

function received(signed: SignedCallback, body: string = signed.body): ReceivedCallback {
  return { headers: Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v])), body: Buffer.from(body) };
}

type Body = Record<string, unknown>;
const bodyOf = (c: DemoCallback): Body => c.body as Body;
const eventTypeOf = (c: DemoCallback): number => Number(bodyOf(c).EventType ?? bodyOf(c).event_type);
const trtcInfo = (c: DemoCallback) => bodyOf(c).EventInfo as { TaskId: string; EventMsTs: number; Payload: Record<string, unknown> };

/** A callback target on loopback that records what arrives and answers with `status()`. */
async function startTarget(
  status: () => number,
  clock: () => number,
): Promise<{ url: string; hits: { at: number; headers: IncomingHttpHeaders; body: string }[]; server: Server }> {
  const hits: { at: number; headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ at: clock(), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status(), { 'Content-Type': 'application/json' }).end('{"code":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, hits, server };
}

const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** Which vendor sent a request, from the fields only that vendor signs with. */
function kindOf(hit: { headers: IncomingHttpHeaders; body: string }): string {
  if (hit.headers.sign) return 'trtc';
  if (hit.headers.signature) return 'gme';
  return 'signature' in (JSON.parse(hit.body) as Body) ? 'zego' : 'css';
}

describe('sandbox callbacks', function () {
  this.timeout(60_000);
  const world = buildWorld(SEED);
  const demo = demoCredentials(world, T0);
  const keyring = keyringOf(demo);
  const window20 = demoCallbackEvents(world, T0, T0 + 20 * MINUTE, { hostileStrings: true });

  describe('the events of the demo tasks', () => {
    it('lists every vendor’s documented events in a window, due inside it, oldest first', () => {
      const seen = new Set(window20.map((c) => `${c.kind}:${eventTypeOf(c)}`));
      for (const expected of ['trtc:301', 'trtc:302', 'trtc:311', 'gme:1', 'gme:2', 'gme:3', 'css:100', 'zego:1', 'zego:2', 'zego:5', 'zego:201', 'zego:202']) {
        assert.ok(seen.has(expected), `${expected} in ${[...seen].join(' ')}`);
      }
      assert.ok(window20.every((c) => c.dueMs > T0 && c.dueMs <= T0 + 20 * MINUTE));
      assert.deepEqual(
        window20.map((c) => c.dueMs),
        [...window20.map((c) => c.dueMs)].sort((a, b) => a - b),
      );
    });

    it('gives each callback to exactly one of consecutive windows, even one ending at its due time', () => {
      // Windows of one second, as the timer asks, cut again at every callback's own due time.
      const seconds = Array.from({ length: 20 * 60 }, (_, i) => T0 + i * SECOND);
      const edges = [...new Set([...seconds, ...window20.map((c) => c.dueMs), T0 + 20 * MINUTE])].sort((a, b) => a - b);
      const ticked = edges.slice(1).flatMap((to, i) => demoCallbackEvents(world, edges[i]!, to, { hostileStrings: true }));
      assert.deepEqual(ticked.map(signCallback), window20.map(signCallback));
    });

    it('leaves the hostile-strings apps out unless asked', () => {
      const regular = demoCallbackEvents(world, T0, T0 + 20 * MINUTE, { hostileStrings: false });
      const hostileKeys = new Set(
        [...demo.tencent, ...demo.zego]
          .filter((a) => a.hostileStrings)
          .flatMap((a) => ('callbackKeys' in a ? Object.values(a.callbackKeys) : [a.callbackSecret])),
      );
      assert.ok(window20.some((c) => hostileKeys.has(c.key)));
      assert.ok(regular.length > 0 && regular.every((c) => !hostileKeys.has(c.key)));
    });

    it('signs every body as its vendor does: the extension’s verifier accepts it for its own app, reads it, and refuses it tampered', () => {
      const accountOfKey = new Map(keyring.flatMap((entry) => Object.values(entry.keys).map((key) => [key, entry.accountId] as const)));
      for (const callback of window20) {
        const signed = signCallback(callback);
        const verdict = verifyCallback(received(signed), keyring, callback.dueMs);
        assert.ok(verdict.ok, `${callback.kind} ${eventTypeOf(callback)}: ${verdict.ok ? '' : verdict.reason}`);
        assert.equal(verdict.kind, callback.kind);
        assert.equal(verdict.accountId, accountOfKey.get(callback.key), 'signed with its own app’s key');
        assert.equal(verdict.event.taskId, callback.taskId);
        assert.equal(verdict.event.eventType, String(eventTypeOf(callback)));
        const parsed = JSON.parse(signed.body) as Body;
        // TRTC and GME sign the raw body; ZEGO signs (secret, timestamp, nonce) and CSS (key, t), which are in the body.
        const tampered =
          callback.kind === 'trtc' || callback.kind === 'gme'
            ? signed.body.replace('"EventType":', '"EventType": ')
            : JSON.stringify(
                callback.kind === 'zego' ? { ...parsed, timestamp: String(Number(parsed.timestamp) + 1) } : { ...parsed, t: Number(parsed.t) + 1 },
              );
        assert.notEqual(tampered, signed.body);
        assert.equal(verifyCallback(received(signed, tampered), keyring, callback.dueMs).ok, false, `${callback.kind} tampered`);
      }
    });

    it('numbers each ZEGO task’s callbacks from 0 in time order, whichever window asks', () => {
      const long = demoCallbackEvents(world, T0 - 3 * 3_600_000, T0 + 3 * 3_600_000).filter((c) => c.kind === 'zego');
      const byTask = new Map<string, number[]>();
      for (const c of long) byTask.set(c.taskId, [...(byTask.get(c.taskId) ?? []), Number(bodyOf(c).sequence)]);
      const complete = [...byTask.values()].filter((seqs) => seqs[0] === 0);
      assert.ok(complete.length > 20);
      for (const seqs of complete) assert.deepEqual(seqs, [...seqs.keys()]);
      const split = [...demoCallbackEvents(world, T0 - 3 * 3_600_000, T0), ...demoCallbackEvents(world, T0, T0 + 3 * 3_600_000)].filter(
        (c) => c.kind === 'zego',
      );
      assert.deepEqual(split.map(signCallback), long.map(signCallback));
    });

    it('ends a stopped task with the stop’s callbacks: TRTC LeaveCode 0 as the recorder leaves, ZEGO 5 and files ending at the stop', () => {
      const stoppedWorld = buildWorld(SEED);
      const [first302] = window20.filter((c) => c.kind === 'trtc' && eventTypeOf(c) === 302);
      const natural = trtcInfo(first302!);
      assert.ok([99, 100].includes(Number(natural.Payload.LeaveCode)), 'an end the user did not ask for');
      const app = stoppedWorld.tencent.find((a) => a.trtcSdkAppId === (first302 as Extract<DemoCallback, { kind: 'trtc' }>).sdkAppId)!;
      const stopMs = first302!.dueMs - 3 * MINUTE;
      app.stops.record(first302!.taskId, stopMs);
      const after = demoCallbackEvents(stoppedWorld, stopMs, T0 + 20 * MINUTE).filter((c) => c.taskId === first302!.taskId && eventTypeOf(c) === 302);
      assert.deepEqual(
        after.map((c) => [c.dueMs - stopMs, trtcInfo(c).Payload.LeaveCode]),
        [[10 * SECOND, 0]],
      );

      const zegoEnd = window20.find((c) => c.kind === 'zego' && eventTypeOf(c) === 1)!;
      const zapp = stoppedWorld.zego.find((a) => a.appId === bodyOf(zegoEnd).app_id)!;
      const files = (bodyOf(zegoEnd).detail as { file_info: { begin_timestamp: number }[] }).file_info;
      const zStop = files[0]!.begin_timestamp + 30 * SECOND;
      zapp.stops.record(zegoEnd.taskId, zStop);
      const zAfter = demoCallbackEvents(stoppedWorld, zStop, T0 + 20 * MINUTE).filter((c) => c.taskId === zegoEnd.taskId);
      assert.deepEqual(
        zAfter.map((c) => [eventTypeOf(c), c.dueMs - zStop]),
        [
          [5, SECOND],
          [1, 30 * SECOND],
        ],
      );
      const stoppedFiles = (bodyOf(zAfter[1]!).detail as { file_info: { begin_timestamp: number; duration: number }[] }).file_info;
      assert.equal(stoppedFiles[0]!.begin_timestamp + stoppedFiles[0]!.duration, zStop);
    });
  });

  describe('files, as the sandbox’s query APIs report them', () => {
    let c: Clocked;
    beforeEach(async () => {
      c = await clockedSandbox(SEED, T0);
    });
    afterEach(() => c.sb.close());

    const first = (kind: DemoCallback['kind'], eventType: number) => window20.find((cb) => cb.kind === kind && eventTypeOf(cb) === eventType)!;

    it('TRTC 311: the FileId and URL DescribeMediaInfos answers, the file name and start DescribeCloudRecording listed', async () => {
      const callback = first('trtc', 311) as Extract<DemoCallback, { kind: 'trtc' }>;
      const vod = (trtcInfo(callback).Payload.TencentVod ?? {}) as Record<string, unknown>;
      const app = demo.tencent.find((a) => a.trtcSdkAppId === callback.sdkAppId)!;
      c.now = Number(vod.StartTimeStamp) + MINUTE;
      const listed = tencentJson(
        await callTencent(
          c.sb,
          app,
          { action: 'DescribeCloudRecording', version: '2019-07-22', params: { SdkAppId: app.trtcSdkAppId, TaskId: callback.taskId } },
          c.now,
        ),
      );
      const [file] = listed.StorageFileList as { FileName: string; BeginTimeStamp: number; UserId: string; TrackType: string }[];
      assert.deepEqual([vod.CacheFile, vod.StartTimeStamp, vod.UserId, vod.TrackType], [file!.FileName, file!.BeginTimeStamp, file!.UserId, file!.TrackType]);
      c.now = callback.dueMs;
      const media = tencentJson(
        await callTencent(
          c.sb,
          app,
          { action: 'DescribeMediaInfos', version: '2018-07-17', service: 'vod', region: null, params: { FileIds: [vod.FileId], SubAppId: app.vod.subAppId } },
          c.now,
        ),
      );
      const [info] = media.MediaInfoSet as { FileId: string; BasicInfo: { MediaUrl: string } }[];
      assert.deepEqual([info!.FileId, info!.BasicInfo.MediaUrl], [vod.FileId, vod.VideoUrl]);
    });

    it('ZEGO 1: exactly the files DescribeRecordStatus reports, uploaded', async () => {
      const callback = first('zego', 1);
      const app = demo.zego.find((a) => a.appId === bodyOf(callback).app_id)!;
      c.now = callback.dueMs;
      const status = JSON.parse((await callZego(c.sb, app, { action: 'DescribeRecordStatus', body: { TaskId: callback.taskId } }, c.now)).text) as {
        Data: { RecordFiles: Record<string, unknown>[] };
      };
      const asCallback = status.Data.RecordFiles.map((f) => ({
        user_id: f.UserId,
        user_name: f.UserName,
        stream_id: f.StreamId,
        file_id: f.FileId,
        ...(f.FileUrl === undefined ? {} : { file_url: f.FileUrl }),
        output_file_format: f.OutputFileFormat,
        file_size: f.FileSize,
        duration: f.Duration,
        media_track_type: f.MediaTrackType,
        begin_timestamp: f.BeginTimestamp,
        status: f.Status,
      }));
      assert.ok(asCallback.length > 0);
      assert.deepEqual((bodyOf(callback).detail as { file_info: unknown[] }).file_info, asCallback);
      assert.ok(
        asCallback.every((f) => [3, 4, 5].includes(f.status as number)),
        'final states only',
      );
    });

    it('CSS 100: the task_id and times DescribeRecordTask lists, the file DescribeMediaInfos resolves', async () => {
      const callback = first('css', 100);
      const body = bodyOf(callback);
      const app = demo.tencent.find((a) => a.cssDomain === body.app)!;
      c.now = callback.dueMs;
      const listing = tencentJson(
        await callTencent(
          c.sb,
          app,
          { action: 'DescribeRecordTask', version: '2018-08-01', params: { StartTime: Number(body.start_time) - 60, EndTime: Number(body.end_time) + 60 } },
          c.now,
        ),
      );
      const task = (listing.TaskList as { TaskId: string; StartTime: number; EndTime: number; StreamName: string }[]).find((t) => t.TaskId === body.task_id)!;
      assert.deepEqual([task.StartTime, task.EndTime, task.StreamName], [body.start_time, body.end_time, body.stream_id]);
      const media = tencentJson(
        await callTencent(
          c.sb,
          app,
          {
            action: 'DescribeMediaInfos',
            version: '2018-07-17',
            service: 'vod',
            region: null,
            params: { FileIds: [body.file_id], SubAppId: app.vod.subAppId },
          },
          c.now,
        ),
      );
      const [info] = media.MediaInfoSet as { BasicInfo: { MediaUrl: string }; MetaData: { Size: number } }[];
      assert.deepEqual([info!.BasicInfo.MediaUrl, info!.MetaData.Size], [body.video_url, body.file_size]);
    });

    it('GME 3: a file DescribeRecordInfo lists, reaching 14 "user notified" just then', async () => {
      const callback = first('gme', 3);
      const signed = signCallback(callback);
      const body = bodyOf(callback);
      const detail = body.Detail as { FileName: string };
      const app = demo.tencent.find((a) => a.gmeBizId === body.BizID)!;
      const taskIdLiteral = /"TaskID":(\d+)/.exec(signed.body)![1];
      const statusAt = async (nowMs: number) => {
        c.now = nowMs;
        const info = tencentJson(
          await callTencent(
            c.sb,
            app,
            {
              action: 'DescribeRecordInfo',
              version: '2018-07-11',
              service: 'gme',
              region: null,
              rawBody: `{"TaskId":${taskIdLiteral},"BizId":${app.gmeBizId}}`,
            },
            nowMs,
          ),
        );
        return (info.RecordInfo as { FileName: string; UserId: string; RecordStatus: number }[]).find((f) => f.FileName === detail.FileName);
      };
      assert.equal((await statusAt(callback.dueMs - 1))?.RecordStatus, 13);
      const file = await statusAt(callback.dueMs);
      assert.deepEqual([file?.RecordStatus, file?.UserId], [14, body.UserID]);
    });
  });

  describe('delivery', () => {
    let c: Clocked;
    beforeEach(async () => {
      c = await clockedSandbox(SEED, T0);
    });
    afterEach(() => c.sb.close());

    it('retries a target that answers 500 as each vendor does, then gives up: TRTC at once and every 10 s for a minute, ZEGO twice 5 s apart', async () => {
      let answer = 500;
      const target = await startTarget(
        () => answer,
        () => c.now,
      );
      try {
        c.sb.callbacks.register(target.url, { hostileStrings: true });
        const endMs = T0 + 12 * MINUTE;
        for (; c.now < endMs;) {
          c.now += 5 * SECOND;
          await c.sb.callbacks.deliverDue(c.now);
        }
        const tries = new Map<string, { kind: string; at: number[] }>();
        for (const hit of target.hits) {
          const entry = tries.get(hit.body) ?? { kind: kindOf(hit), at: [] };
          entry.at.push(hit.at);
          tries.set(hit.body, entry);
        }
        const offsets = (kind: string) =>
          [...tries.values()].filter((t) => t.kind === kind && t.at[0]! <= endMs - MINUTE).map((t) => t.at.map((at) => at - t.at[0]!));
        const trtc = offsets('trtc');
        const zego = offsets('zego');
        assert.ok(trtc.length > 3 && zego.length > 3);
        for (const at of trtc)
          assert.deepEqual(
            at,
            [0, 0, 10, 20, 30, 40, 50, 60].map((s) => s * SECOND),
          );
        for (const at of zego)
          assert.deepEqual(
            at,
            [0, 5, 10].map((s) => s * SECOND),
          );
        for (const kind of ['gme', 'css']) assert.ok(offsets(kind).length > 0 && offsets(kind).every((at) => at.length === 1), `${kind}: one try`);

        const [stats] = c.sb.callbacks.targets();
        assert.equal(stats!.sent, target.hits.length);
        assert.equal(stats!.retried, target.hits.length - tries.size);
        assert.equal(stats!.delivered, 0);
        assert.equal(stats!.failed + stats!.pending, tries.size);

        // Given up means never again, even once the target answers.
        answer = 200;
        const before = target.hits.length;
        const old = new Set(tries.keys());
        for (let i = 0; i < 24; i++) {
          c.now += 5 * SECOND;
          await c.sb.callbacks.deliverDue(c.now);
        }
        const late = target.hits.slice(before).filter((h) => old.has(h.body));
        assert.ok(
          late.every((h) => kindOf(h) === 'trtc' || kindOf(h) === 'zego'),
          'only retries still due',
        );
        assert.ok(
          late.every((h) => h.at - tries.get(h.body)!.at[0]! <= MINUTE),
          'none after the vendor’s last retry',
        );
        assert.ok(c.sb.callbacks.targets()[0]!.delivered > 0);
      } finally {
        await closeServer(target.server);
      }
    });

    it('sends each callback once to a target that answers 200, and ticks by itself once registered', async () => {
      const target = await startTarget(
        () => 200,
        () => c.now,
      );
      try {
        c.sb.callbacks.register(target.url);
        for (let i = 0; i < 60; i++) {
          c.now += 5 * SECOND;
          await c.sb.callbacks.deliverDue(c.now);
        }
        const [stats] = c.sb.callbacks.targets();
        assert.ok(stats!.sent > 10);
        assert.deepEqual([stats!.delivered, stats!.retried, stats!.failed, stats!.pending], [stats!.sent, 0, 0, 0]);
        assert.equal(new Set(target.hits.map((h) => h.body)).size, target.hits.length);
        // The timer: a step of the clock alone, with no deliverDue, gets what fell due out within a few seconds.
        const sent = target.hits.length;
        c.now += 5 * MINUTE;
        for (let i = 0; i < 40 && target.hits.length === sent; i++) await new Promise((resolve) => setTimeout(resolve, 100));
        assert.ok(target.hits.length > sent, 'the second timer sent them');
      } finally {
        await closeServer(target.server);
      }
    });

    it('registers, lists and removes targets over the admin API, and refuses any URL off loopback', async () => {
      const post = (body: unknown) => rawRequest(c.sb, 'POST', '/_sandbox/callbacks', { 'Content-Type': 'application/json' }, JSON.stringify(body));
      for (const url of ['http://10.0.0.1:8080/', 'http://example.com/', 'https://127.0.0.1:8443/', 'http://user:pw@127.0.0.1:1/', 'not a url']) {
        const res = await post({ url });
        assert.equal(res.status, 400, url);
        assert.match((JSON.parse(res.text) as { error: string }).error, /loopback|http|not a URL/, url);
      }
      assert.equal((await post({})).status, 400);
      assert.equal((await post({ url: 'http://127.0.0.1:9/', replayFromMs: T0 - 2 * 86_400_000 })).status, 400, 'replay at most a day back');
      assert.throws(() => c.sb.callbacks.register('http://192.168.1.2/'), /loopback/);
      assert.deepEqual(c.sb.callbacks.targets(), []);

      for (const url of ['http://127.0.0.1:9/', 'http://[::1]:9/', 'http://localhost:9/']) {
        const res = await post({ url, replayFromMs: T0 - MINUTE });
        assert.equal(res.status, 200, url);
        assert.deepEqual(JSON.parse(res.text), { url, hostileStrings: false, sent: 0, delivered: 0, failed: 0, retried: 0, pending: 0 });
      }
      const listed = JSON.parse((await rawRequest(c.sb, 'GET', '/_sandbox/callbacks', {})).text) as { targets: { url: string }[] };
      assert.deepEqual(
        listed.targets.map((t) => t.url),
        ['http://127.0.0.1:9/', 'http://[::1]:9/', 'http://localhost:9/'],
      );
      assert.equal((await rawRequest(c.sb, 'DELETE', '/_sandbox/callbacks', {})).status, 200);
      assert.deepEqual(JSON.parse((await rawRequest(c.sb, 'GET', '/_sandbox/callbacks', {})).text), { targets: [] });
    });
  });

  it('gives each demo account plan its app’s callback keys, reading the demo JSON defensively', () => {
    const plans = demoAccountPlans(demo, 'http://127.0.0.1:1', { hostileStrings: true });
    assert.deepEqual(
      plans.map((p) => p.callbackKeys),
      [...demo.tencent.map((a) => a.callbackKeys), ...demo.zego.map((a) => ({ zego: a.callbackSecret }))],
    );
    const odd = demoAccountPlans(
      {
        tencent: [{ ...demo.tencent[0], callbackKeys: { trtc: 'k', gme: 5, css: '' } }],
        zego: [{ ...demo.zego[0], callbackSecret: null }],
      },
      'http://127.0.0.1:1',
    );
    assert.deepEqual(
      odd.map((p) => p.callbackKeys),
      [{ trtc: 'k' }, {}],
    );
  });

  describe('end to end: sandbox → receiver → intake → ledger', () => {
    let c: Clocked;
    let dir: string;
    let receiver: CallbackReceiver;
    let ledger: TaskLedger;

    afterEach(async () => {
      await receiver?.close();
      await ledger?.flush();
      ledger?.dispose();
      await c.sb.close();
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('puts a stop’s LeaveCode and the recorded files into the ledger from callbacks alone', async () => {
      c = await clockedSandbox(SEED, T0);
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mte-callbacks-'));
      const sbDemo = c.sb.demo();
      // The demo accounts, their callback keys stored as the extension stores them.
      const saved: Account[] = [];
      const accounts = {
        list: () => saved,
        add: async (account: NewAccount) => {
          const created = { ...account, id: `acct-${saved.length}` } as Account;
          saved.push(created);
          return created;
        },
        update: async () => undefined,
      };
      const secrets = new Map<string, string>();
      const secretStorage = {
        get: async (k: string) => secrets.get(k),
        store: async (k: string, v: string) => void secrets.set(k, v),
        delete: async (k: string) => void secrets.delete(k),
      } as unknown as ConstructorParameters<typeof CallbackKeyStore>[0];
      const keys = new CallbackKeyStore(secretStorage, accounts, { register: () => undefined });
      const noPolls = async (): Promise<never> => {
        throw new Error('this test never polls');
      };
      ledger = new TaskLedger(new LedgerFile(dir, { logger: silentLogger, debounceMs: 5 }), noPolls, silentLogger, () => c.now);
      await applyDemoPlans(demoAccountPlans(sbDemo, c.sb.url, { hostileStrings: true }), accounts, ledger, keys);
      assert.equal((await keys.keyring()).length, sbDemo.tencent.length + sbDemo.zego.length, 'every demo account has its keys');

      const intake = new CallbackIntake({ verify: verifyCallback, keyring: () => keys.keyring(), ledger, logger: silentLogger, now: () => c.now });
      receiver = await CallbackReceiver.start({ port: 0, intake, logger: silentLogger, ratePerSecond: 10_000, now: () => c.now });
      c.sb.callbacks.register(receiver.url, { hostileStrings: true });

      // Stop a running recording of the Singapore app, as the extension's Stop action does.
      const sg = sbDemo.tencent[0]!;
      const tencentAccount = saved.find((a) => a.vendor === 'tencent' && a.trtcSdkAppId === sg.trtcSdkAppId)!;
      let stopped: string | undefined;
      for (const taskId of sg.trtcRecordingTaskIds) {
        const params = { SdkAppId: sg.trtcSdkAppId, TaskId: taskId };
        const state = tencentJson(await callTencent(c.sb, sg, { action: 'DescribeCloudRecording', version: '2019-07-22', params }, c.now));
        if (state.Status !== 'InProgress') continue;
        // ap-singapore is on DeleteCloudRecording's international list (https://trtc.io/document/46959).
        const stop = { action: 'DeleteCloudRecording', version: '2019-07-22', params, host: 'trtc.intl.tencentcloudapi.com' };
        assert.equal(tencentJson(await callTencent(c.sb, sg, stop, c.now)).Error, undefined);
        stopped = taskId;
        break;
      }
      assert.ok(stopped, 'a demo recording is running');
      const statsBefore = c.sb.stats.snapshot();

      for (let i = 0; i < 120; i++) {
        c.now += 5 * SECOND;
        await c.sb.callbacks.deliverDue(c.now);
      }

      const stoppedEntry = ledger.get({ accountId: tencentAccount.id, product: 'trtc-recording', taskId: stopped })!;
      assert.equal(stoppedEntry.task.status, 'ended');
      assert.deepEqual(
        stoppedEntry.callbacks!.filter((r) => r.eventType === '302').map((r) => [r.facts.LeaveCode, r.at]),
        [[0, T0 + 10 * SECOND]],
      );

      const twin = demoCallbackEvents(buildWorld(SEED), T0, c.now, { hostileStrings: true });
      const vodCommit = twin.find((cb) => cb.kind === 'trtc' && eventTypeOf(cb) === 311) as Extract<DemoCallback, { kind: 'trtc' }>;
      const vod = trtcInfo(vodCommit).Payload.TencentVod as { FileId: string; CacheFile: string };
      const mixedAccount = saved.find((a) => a.vendor === 'tencent' && a.trtcSdkAppId === vodCommit.sdkAppId)!;
      const mixed = ledger.get({ accountId: mixedAccount.id, product: 'trtc-recording', taskId: vodCommit.taskId })!;
      assert.deepEqual(
        mixed.task.files.map((f) => [f.fileName, f.vodFileId, f.state]),
        [[vod.CacheFile, vod.FileId, 'uploaded']],
      );

      // One whose end callback came after the target was registered too.
      const uploaded = twin.find((cb) => cb.kind === 'zego' && eventTypeOf(cb) === 1 && cb.dueMs > T0 + MINUTE)!;
      const zegoAccount = saved.find((a) => a.vendor === 'zego' && a.appId === bodyOf(uploaded).app_id)!;
      const zegoEntry = ledger.get({ accountId: zegoAccount.id, product: 'zego-recording', taskId: uploaded.taskId })!;
      assert.deepEqual(
        zegoEntry.task.files.map((f) => f.fileName),
        (bodyOf(uploaded).detail as { file_info: { file_id: string }[] }).file_info.map((f) => f.file_id),
      );
      assert.ok(zegoEntry.task.status === 'ended' || zegoEntry.task.status === 'failed');

      const [stats] = c.sb.callbacks.targets();
      assert.ok(stats!.sent > 50);
      assert.deepEqual([stats!.delivered, stats!.failed, stats!.retried], [stats!.sent, 0, 0], 'the receiver accepted every one');
      assert.deepEqual(c.sb.stats.snapshot(), statsBefore, 'no query reached the sandbox meanwhile');
    });
  });
});
