/**
 * Copy Query As… for rooms and listings, and the signed curl. A room's and a listing's query is the
 * request the tree makes (exact parameters, and the sandbox answers it with what the extension's own
 * sources get); TRTC, asked by TaskId, has none, and the menus offer the command exactly where there
 * is a query. No form holds a key. Both curl forms run against the sandbox: the self-signing one with
 * the keys in the environment, the signed one without the key, refused once its 5 minutes are over.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Account, AccountSecret, TencentAccount, ZegoAccount } from '../../../src/model/account';
import { silentLogger } from '../../../src/model/logger';
import { PRODUCTS, type Product, type Task } from '../../../src/model/task';
import type { ListQuery, TaskSource } from '../../../src/model/taskSource';
import { startSandbox, type RunningSandbox, type TencentDemoApp, type ZegoDemoApp } from '../../../src/sandbox';
import { createQueryCopier } from '../../../src/sources/queryCopier';
import { queryCopyForms, signedCopyForm, type CopyForm, type QueryMoment, type QueryTarget } from '../../../src/sources/vendorQueries';
import { buildContextValue } from '../../../src/tree/contextValue';
import { createTaskSources } from '../../../src/vendors/createTaskSources';
import { presignedCurl } from '../../../src/vendors/shared/presignedCurl';
import { runBash, skipWithoutShellTools } from '../../fixtures/shell';

const MINUTE = 60_000;
const DAY = 86_400_000;

interface ZegoAnswer {
  Code: number;
  Message?: string;
  Data?: { TaskList: { TaskId: string; RoomId: string }[] };
}
interface CssAnswer {
  Response: { Error?: { Code: string }; TaskList?: { TaskId: string; StreamName: string }[] };
}

/** The JSON body a self-signing curl form sends (its `payload='…'` line). */
function payloadOf(curl: string): unknown {
  const quoted = /^payload='((?:[^']|'\\'')*)'$/m.exec(curl);
  assert.ok(quoted, 'the curl form has a payload line');
  return JSON.parse(quoted[1].replace(/'\\''/g, "'"));
}

/** Fails, without printing it, when `text` holds any of the secrets. */
function assertNoSecret(text: string, secrets: readonly string[], where: string): void {
  secrets.forEach((secret, i) => assert.ok(!text.includes(secret), `${where} holds secret #${i}`));
}

const taskIds = (list: readonly { TaskId: string }[] | undefined): string[] => (list ?? []).map((t) => t.TaskId).sort();

function tencentAccount(app: TencentDemoApp, url: string): TencentAccount {
  return {
    id: `tencent-${app.trtcSdkAppId}`,
    label: app.label,
    vendor: 'tencent',
    site: 'intl',
    region: app.region,
    endpoint: url,
    trtcSdkAppId: app.trtcSdkAppId,
    gmeBizId: app.gmeBizId,
    cssEnabled: true,
    cssDomain: app.cssDomain,
  };
}

const tencentSecret = (app: TencentDemoApp): AccountSecret => ({ vendor: 'tencent', secretId: app.secretId, secretKey: app.secretKey, token: app.token });
const tencentSecrets = (app: TencentDemoApp): string[] => [
  app.secretId,
  app.secretKey,
  app.readOnlyKey.secretId,
  app.readOnlyKey.secretKey,
  ...(app.token ? [app.token] : []),
];

/** Does this `when` clause (terms joined by `&&`, each maybe `!( )`-negated) hold for a row of the Tasks view? */
function whenHolds(when: string, viewItem: string): boolean {
  return when.split(' && ').every((term) => {
    const negated = /^!\((.*)\)$/.exec(term);
    const inner = negated ? negated[1] : term;
    const match = /^viewItem =~ \/(.*)\/$/.exec(inner);
    let value: boolean;
    if (match) value = new RegExp(match[1]).test(viewItem);
    else if (inner === 'view == mediaTasks.tasks') value = true;
    else throw new Error(`a when term this check does not read: ${term}`);
    return negated ? !value : value;
  });
}

describe('copy a room or listing query, and the signed curl', function () {
  this.timeout(60_000);
  let sb: RunningSandbox;
  /** The sandbox's clock: fixed while a test runs, moved to expire a signature. */
  let clock = 0;
  let now0 = 0;
  let moment: QueryMoment;
  let app: TencentDemoApp;
  let sts: TencentDemoApp;
  let z: ZegoDemoApp;
  let tencent: TencentAccount;
  let zego: ZegoAccount;
  let zegoSecret: AccountSecret;
  let tencentEnv: Record<string, string>;
  let allSecrets: string[];

  before(async () => {
    // Whole seconds, near the real clock: the self-signing forms take their timestamp from `date`.
    now0 = Math.floor(Date.now() / 1000) * 1000;
    clock = now0;
    sb = await startSandbox({ port: 0, now: () => clock });
    const demo = sb.demo();
    app = demo.tencent.find((a) => !a.token && !a.hostileStrings)!;
    sts = demo.tencent.find((a) => a.token !== undefined)!;
    z = demo.zego.find((a) => !a.hostileStrings)!;
    tencent = tencentAccount(app, sb.url);
    zego = { id: 'zego', label: z.label, vendor: 'zego', appId: z.appId, endpoint: sb.url };
    zegoSecret = { vendor: 'zego', serverSecret: z.serverSecret };
    tencentEnv = { TENCENTCLOUD_SECRET_ID: app.secretId, TENCENTCLOUD_SECRET_KEY: app.secretKey };
    moment = { nowMs: now0, listingHours: 24 };
    allSecrets = [...demo.tencent.flatMap(tencentSecrets), ...demo.zego.flatMap((a) => [a.serverSecret, a.callbackSecret])];
  });
  afterEach(() => {
    clock = now0;
  });
  after(() => sb.close());

  const source = (account: Account, secret: AccountSecret, product: Product): TaskSource =>
    createTaskSources(account, secret, { logger: silentLogger, now: () => clock }).find((s) => s.product === product)!;

  /** The first page the extension's own listing gets for `query`. */
  async function firstPage(from: TaskSource, query: ListQuery): Promise<string[]> {
    assert.equal(from.kind, 'listing');
    if (from.kind !== 'listing') return [];
    for await (const page of from.list(query)) return page.map((t) => t.taskId).sort();
    return [];
  }

  const signed = (account: Account, secret: AccountSecret, target: QueryTarget): CopyForm => {
    const copy = signedCopyForm(account, secret, target, moment);
    assert.ok('form' in copy, JSON.stringify(copy));
    return copy.form;
  };

  it('offers no room or listing query for TRTC (asked by TaskId) nor a GME listing (asked per room)', () => {
    const none: QueryTarget[] = [
      { kind: 'room', product: 'trtc-recording', room: 'r1' },
      { kind: 'room', product: 'trtc-relay', room: 'r1' },
      { kind: 'listing', product: 'trtc-recording' },
      { kind: 'listing', product: 'trtc-relay' },
      { kind: 'listing', product: 'gme' },
    ];
    for (const target of none) {
      assert.deepEqual(queryCopyForms(tencent, target, moment), [], JSON.stringify(target));
      assert.deepEqual(signedCopyForm(tencent, tencentSecret(app), target, moment), { refused: 'noQuery' });
    }
  });

  it('menus offer Copy Query As… on exactly the rooms and products that have a query', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { menus: Record<string, { command: string; when?: string }[]> };
    };
    const items = pkg.contributes.menus['view/item/context'].filter((i) => i.command === 'mediaTasks.copyQueryAs');
    const offered = (viewItem: string): boolean => items.some((i) => whenHolds(i.when ?? '', viewItem));
    for (const product of PRODUCTS) {
      const account = product === 'zego-recording' ? zego : tencent;
      for (const kind of ['room', 'product'] as const) {
        const target: QueryTarget = kind === 'room' ? { kind, product, room: 'r1' } : { kind: 'listing', product };
        const viewItem = buildContextValue({ kind, product, pinnedRoom: true });
        assert.equal(offered(viewItem), queryCopyForms(account, target, moment).length > 0, `${kind} row of ${product} (${viewItem})`);
      }
    }
    assert.ok(offered(buildContextValue({ kind: 'task', product: 'trtc-relay', status: 'running' })), 'task rows keep theirs');
  });

  it('refuses to presign for an STS key: its token would travel with the text', () => {
    const target: QueryTarget = { kind: 'listing', product: 'css' };
    const account = tencentAccount(sts, sb.url);
    assert.deepEqual(signedCopyForm(account, tencentSecret(sts), target, moment), { refused: 'temporaryKey' });
    const query = { vendor: 'tencent', service: 'live', action: 'DescribeRecordTask', version: '2018-08-01', baseUrl: sb.url, params: {} } as const;
    assert.throws(() => presignedCurl(query, tencentSecret(sts), now0), /STS/);
  });

  it('writes no key, secret or token in any form of any query, the signed one included', () => {
    const targets = (product: Product, room: string): QueryTarget[] => [
      { kind: 'room', product, room },
      { kind: 'listing', product },
    ];
    const task = (product: Product, taskId: string, room: string): QueryTarget => ({
      kind: 'task',
      task: {
        accountId: 'a',
        product,
        vendor: product === 'zego-recording' ? 'zego' : 'tencent',
        taskId,
        appId: '',
        room,
        status: 'running',
        rawStatus: '',
        observedAt: now0,
        startedAt: now0 - MINUTE,
        files: [],
        extras: {},
      },
    });
    const tencentTargets: QueryTarget[] = [
      ...targets('css', 'live-a'),
      { kind: 'room', product: 'gme', room: app.gmeRoomIds[0] },
      task('trtc-recording', app.trtcRecordingTaskIds[0] ?? 'rec', 'r'),
      task('trtc-relay', app.trtcRelayTaskIds[0] ?? 'relay', 'r'),
      task('gme', '446192236330927912', app.gmeRoomIds[0]),
      task('css', 'css-task', 'live-a'),
    ];
    const cases: [Account, AccountSecret, QueryTarget[]][] = [
      [tencent, tencentSecret(app), tencentTargets],
      [tencentAccount(sts, sb.url), tencentSecret(sts), tencentTargets],
      [zego, zegoSecret, [...targets('zego-recording', 'stage-1'), task('zego-recording', 'aeU2hDOpIGPv5BGB', 'stage-1')]],
    ];
    let scanned = 0;
    for (const [account, secret, list] of cases) {
      for (const target of list) {
        const copy = signedCopyForm(account, secret, target, moment);
        const forms = [...queryCopyForms(account, target, moment), ...('form' in copy ? [copy.form] : [])];
        assert.ok(forms.length >= 2, `${account.label} ${JSON.stringify(target)} has forms`);
        for (const form of forms) assertNoSecret(form.text, allSecrets, `${account.label} ${target.kind} ${form.format}`);
        scanned += forms.length;
      }
    }
    assert.ok(scanned > 40, `scanned ${scanned} forms`);
    // The scan does catch a key that gets written.
    assert.throws(() => assertNoSecret(`curl -H 'X: ${app.secretKey}'`, allSecrets, 'a leaking form'), /holds secret/);
  });

  it("Copy Query As…'s copier reads the secret only for the signed form, for the account as its sources see it", async () => {
    let reads = 0;
    const deps = {
      prepare: async (account: Account): Promise<Account> => ({ ...account, endpoint: sb.url }),
      listingHours: () => 24,
      now: () => now0,
    };
    const copier = createQueryCopier({ ...deps, accounts: { secret: async () => (reads++, zegoSecret) } });
    const stale: ZegoAccount = { ...zego, endpoint: 'http://127.0.0.1:9' };
    const target: QueryTarget = { kind: 'room', product: 'zego-recording', room: 'stage-1' };
    const forms = await copier.forms(stale, target);
    assert.equal(reads, 0);
    assert.ok(forms[0].text.includes(`base='${sb.url}'`), 'the forms go to the running sandbox');
    const copy = await copier.signed(stale, target);
    assert.equal(reads, 1);
    assert.ok('form' in copy && copy.form.text.includes(sb.url));
    const noSecret = createQueryCopier({ ...deps, accounts: { secret: async () => undefined } });
    assert.deepEqual(await noSecret.signed(zego, target), { refused: 'noSecret' });
  });

  describe('run by bash against the sandbox', function () {
    before(function () {
      skipWithoutShellTools(this);
    });

    it('ZEGO: the listing and a room are the DescribeTasks page the tree asks for, and the sandbox answers what the extension sees', async () => {
      // The whole look-back the tree lists (3 days), inside the vendor's bound by its 1-minute and 11-minute margins.
      const window = { startMs: now0 - 3 * DAY + 12 * MINUTE, endMs: now0 };
      const listing = queryCopyForms(zego, { kind: 'listing', product: 'zego-recording' }, moment);
      assert.deepEqual(
        listing.map((f) => f.format),
        ['curl', 'node'],
      );
      assert.deepEqual(payloadOf(listing[0].text), { Status: 2, StartTime: window.startMs, EndTime: window.endMs, PageOffset: 1, PageSize: 50 });
      assert.match(listing[1].text, /\\"Status\\":2,\\"StartTime\\":/);
      const all = JSON.parse(await runBash(listing[0].text, { ZEGO_SERVER_SECRET: z.serverSecret })) as ZegoAnswer;
      assert.equal(all.Code, 0, all.Message);
      assert.ok(all.Data && all.Data.TaskList.length > 0, 'the demo app has running tasks');
      const zegoSource = source(zego, zegoSecret, 'zego-recording');
      assert.deepEqual(taskIds(all.Data.TaskList), await firstPage(zegoSource, { ...window, statuses: 'all' }));

      const room = all.Data.TaskList[0].RoomId;
      const forRoom = queryCopyForms(zego, { kind: 'room', product: 'zego-recording', room }, moment);
      assert.deepEqual(payloadOf(forRoom[0].text), { Status: 2, RoomId: room, StartTime: window.startMs, EndTime: window.endMs, PageOffset: 1, PageSize: 50 });
      const inRoom = JSON.parse(await runBash(forRoom[0].text, { ZEGO_SERVER_SECRET: z.serverSecret })) as ZegoAnswer;
      assert.ok(inRoom.Data && inRoom.Data.TaskList.length > 0 && inRoom.Data.TaskList.every((t) => t.RoomId === room), JSON.stringify(inRoom));
      assert.deepEqual(taskIds(inRoom.Data.TaskList), await firstPage(zegoSource, { ...window, statuses: 'all', room }));
    });

    it('CSS: the listing and a stream are the newest DescribeRecordTask window the tree asks for, in tccli and curl alike', async () => {
      // The filter's 24 hours up to a day ahead; the walk's first window is the last hour plus that day.
      const startSec = Math.ceil(now0 / 1000) - 3600;
      const endSec = Math.ceil(now0 / 1000) + 86_400;
      const listing = queryCopyForms(tencent, { kind: 'listing', product: 'css' }, moment);
      assert.deepEqual(
        listing.map((f) => f.format),
        ['curl', 'tccli', 'node'],
      );
      assert.deepEqual(payloadOf(listing[0].text), { StartTime: startSec, EndTime: endSec, DomainName: app.cssDomain });
      const port = new URL(sb.url).port;
      assert.ok(
        listing[1].text.includes(
          `tccli live DescribeRecordTask --version '2018-08-01' --region '${app.region}' --endpoint '127.0.0.1:${port}' --cli-unfold-argument --StartTime '${startSec}' --EndTime '${endSec}' --DomainName '${app.cssDomain}'\n`,
        ),
        listing[1].text,
      );
      const all = JSON.parse(await runBash(listing[0].text, tencentEnv)) as CssAnswer;
      assert.equal(all.Response.Error, undefined, JSON.stringify(all.Response.Error));
      assert.ok((all.Response.TaskList ?? []).length > 0, 'the demo app has recent CSS tasks');
      const cssSource = source(tencent, tencentSecret(app), 'css');
      const window = { startMs: now0 - DAY, endMs: now0 + DAY, statuses: 'all' as const, batch: 500 };
      assert.deepEqual(taskIds(all.Response.TaskList), await firstPage(cssSource, window));

      const stream = all.Response.TaskList![0].StreamName;
      const forStream = queryCopyForms(tencent, { kind: 'room', product: 'css', room: stream }, moment);
      assert.deepEqual(payloadOf(forStream[0].text), { StartTime: startSec, EndTime: endSec, StreamName: stream, DomainName: app.cssDomain });
      assert.match(forStream[1].text, new RegExp(`--StreamName '${stream}' --DomainName`));
      const inStream = JSON.parse(await runBash(forStream[0].text, tencentEnv)) as CssAnswer;
      const tasks = inStream.Response.TaskList ?? [];
      assert.ok(tasks.length > 0 && tasks.every((t) => t.StreamName === stream), JSON.stringify(inStream));
      assert.deepEqual(taskIds(tasks), await firstPage(cssSource, { ...window, room: stream }));
    });

    it("GME: a room is DescribeTaskInfo with the BizId's digits, and curl brings back the u64 TaskId the extension reads", async () => {
      const gme = source(tencent, tencentSecret(app), 'gme');
      assert.equal(gme.kind, 'byRoom');
      if (gme.kind !== 'byRoom') return;
      let found: { room: string; task: Task } | undefined;
      for (const room of app.gmeRoomIds) {
        const task = await gme.describeRoom(room);
        if (task) found ??= { room, task };
      }
      assert.ok(found, 'a demo GME room is recording');
      assert.ok(BigInt(found.task.taskId) > BigInt(Number.MAX_SAFE_INTEGER), 'demo GME TaskIds lie above 2^53');
      const forms = queryCopyForms(tencent, { kind: 'room', product: 'gme', room: found.room }, moment);
      assert.deepEqual(payloadOf(forms[0].text), { BizId: app.gmeBizId, RoomId: found.room });
      assert.match(
        forms[1].text,
        new RegExp(
          `^tccli gme DescribeTaskInfo --version '2018-07-11' --endpoint '[^']+' --cli-unfold-argument --BizId '${app.gmeBizId}' --RoomId '${found.room}'$`,
          'm',
        ),
      );
      assert.match(forms[2].text, new RegExp(`"BizId": ${app.gmeBizId}, "RoomId": "${found.room}"`));
      const raw = await runBash(forms[0].text, tencentEnv);
      assert.equal(/"TaskId":(\d+)/.exec(raw)?.[1], found.task.taskId, raw);
    });

    it('the signed curl runs without the key until its 5 minutes are over (ZEGO: no variable at all)', async () => {
      const target: QueryTarget = { kind: 'listing', product: 'zego-recording' };
      const text = signed(zego, zegoSecret, target).text;
      const selfSigned = JSON.parse(await runBash(queryCopyForms(zego, target, moment)[0].text, { ZEGO_SERVER_SECRET: z.serverSecret })) as ZegoAnswer;
      const answer = JSON.parse(await runBash(text, {})) as ZegoAnswer;
      assert.equal(answer.Code, 0, answer.Message);
      assert.deepEqual(taskIds(answer.Data?.TaskList), taskIds(selfSigned.Data?.TaskList));
      clock = now0 + 290_000;
      assert.equal((JSON.parse(await runBash(text, {})) as ZegoAnswer).Code, 0, 'still accepted just before 5 minutes');
      clock = now0 + 310_000;
      assert.equal((JSON.parse(await runBash(text, {})) as ZegoAnswer).Code, 100000004, 'refused after 5 minutes: signature expired');
    });

    it('the signed TC3 curl needs $TENCENTCLOUD_SECRET_ID only, answers like the self-signing one, and expires after 5 minutes', async () => {
      const stream = 'live-a';
      const target: QueryTarget = { kind: 'room', product: 'css', room: stream };
      const text = signed(tencent, tencentSecret(app), target).text;
      const idOnly = { TENCENTCLOUD_SECRET_ID: app.secretId };
      const selfSigned = JSON.parse(await runBash(queryCopyForms(tencent, target, moment)[0].text, tencentEnv)) as CssAnswer;
      const answer = JSON.parse(await runBash(text, idOnly)) as CssAnswer;
      assert.equal(answer.Response.Error, undefined, JSON.stringify(answer.Response.Error));
      assert.deepEqual(taskIds(answer.Response.TaskList), taskIds(selfSigned.Response.TaskList));
      await assert.rejects(runBash(text, {}), /TENCENTCLOUD_SECRET_ID: unbound variable/);
      clock = now0 + 290_000;
      assert.equal((JSON.parse(await runBash(text, idOnly)) as CssAnswer).Response.Error, undefined, 'still accepted just before 5 minutes');
      clock = now0 + 310_000;
      assert.equal((JSON.parse(await runBash(text, idOnly)) as CssAnswer).Response.Error?.Code, 'AuthFailure.SignatureExpire');

      // A task's and a GME room's query sign the same way.
      clock = now0;
      const relay: Task = {
        accountId: tencent.id,
        product: 'trtc-relay',
        vendor: 'tencent',
        taskId: app.trtcRelayTaskIds[0],
        appId: String(app.trtcSdkAppId),
        room: '',
        status: 'running',
        rawStatus: '',
        observedAt: now0,
        files: [],
        extras: {},
      };
      for (const other of [
        { kind: 'task', task: relay },
        { kind: 'room', product: 'gme', room: app.gmeRoomIds[0] },
      ] as const) {
        const out = JSON.parse(await runBash(signed(tencent, tencentSecret(app), other).text, idOnly)) as CssAnswer;
        assert.equal(out.Response.Error, undefined, `${other.kind}: ${JSON.stringify(out.Response.Error)}`);
      }
    });
  });
});
