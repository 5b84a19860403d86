/**
 * Copy as tccli / curl / Node SDK: the curl form, run by bash with curl and openssl, signs itself from
 * environment variables and the sandbox accepts it (TC3 and ZEGO's md5); no copied text holds a secret;
 * a GME u64 is written with every digit.
 */
import { strict as assert } from 'node:assert';
import { startSandbox, type RunningSandbox } from '../../../../src/sandbox';
import { queryCopyForms } from '../../../../src/sources/vendorQueries';
import { copyQueryAs, shellQuote, type CopyableQuery, type CopyFormat } from '../../../../src/vendors/shared/copyAs';
import { runBash, skipWithoutShellTools } from '../../../fixtures/shell';

describe('copy as tccli / curl / Node SDK', function () {
  this.timeout(60_000);
  let sb: RunningSandbox;
  before(async function () {
    skipWithoutShellTools(this);
    sb = await startSandbox({ port: 0 });
  });
  // Also when the suite was skipped before the sandbox started.
  after(async () => sb?.close());

  it('the TC3 curl form computes its signature in the shell and the sandbox accepts it', async () => {
    const app = sb.demo().tencent[0];
    const query: CopyableQuery = {
      vendor: 'tencent',
      service: 'trtc',
      action: 'DescribeStreamIngest',
      version: '2019-07-22',
      region: app.region,
      baseUrl: sb.url,
      params: { SdkAppId: app.trtcSdkAppId, TaskId: app.trtcRelayTaskIds[0] },
    };
    const out = JSON.parse(await runBash(copyQueryAs(query, 'curl')!, { TENCENTCLOUD_SECRET_ID: app.secretId, TENCENTCLOUD_SECRET_KEY: app.secretKey })) as {
      Response: { Status?: string; Error?: unknown };
    };
    assert.equal(out.Response.Error, undefined, JSON.stringify(out));
    assert.ok(['InProgress', 'NotExist'].includes(out.Response.Status ?? ''));
    // A wrong key is rejected: the signature really comes from the variables.
    const bad = JSON.parse(await runBash(copyQueryAs(query, 'curl')!, { TENCENTCLOUD_SECRET_ID: app.secretId, TENCENTCLOUD_SECRET_KEY: 'x'.repeat(32) })) as {
      Response: { Error?: { Code: string } };
    };
    assert.equal(bad.Response.Error?.Code, 'AuthFailure.SignatureFailure');
  });

  it('the ZEGO curl form signs with md5 from $ZEGO_SERVER_SECRET and the sandbox accepts it', async () => {
    const app = sb.demo().zego[0];
    const now = Date.now();
    const query: CopyableQuery = {
      vendor: 'zego',
      action: 'DescribeTasks',
      appId: app.appId,
      baseUrl: sb.url,
      params: { Status: 3, StartTime: now - 3_600_000, EndTime: now, PageOffset: 1, PageSize: 50 },
    };
    const out = JSON.parse(await runBash(copyQueryAs(query, 'curl')!, { ZEGO_SERVER_SECRET: app.serverSecret })) as { Code: number };
    assert.equal(out.Code, 0);
  });

  it("a task's own query (Copy Query As…) runs as curl against the sandbox", async () => {
    const app = sb.demo().tencent[0];
    const account = {
      id: 'a',
      label: 'a',
      vendor: 'tencent' as const,
      site: 'intl' as const,
      region: app.region,
      endpoint: sb.url,
      trtcSdkAppId: app.trtcSdkAppId,
    };
    const task = {
      accountId: 'a',
      product: 'trtc-relay' as const,
      vendor: 'tencent' as const,
      taskId: app.trtcRelayTaskIds[0],
      appId: '',
      room: '',
      status: 'running' as const,
      rawStatus: '',
      observedAt: Date.now(),
      files: [],
      extras: {},
    };
    const forms = queryCopyForms(account, { kind: 'task', task }, { nowMs: Date.now(), listingHours: 24 });
    assert.deepEqual(
      forms.map((f) => f.format),
      ['curl', 'tccli', 'node'],
    );
    const out = JSON.parse(await runBash(forms[0].text, { TENCENTCLOUD_SECRET_ID: app.secretId, TENCENTCLOUD_SECRET_KEY: app.secretKey })) as {
      Response: { Status?: string };
    };
    assert.ok(['InProgress', 'NotExist'].includes(out.Response.Status ?? ''), JSON.stringify(out));
    for (const form of forms) assert.ok(!form.text.includes(app.secretKey) && !form.text.includes(app.secretId));
  });

  it('writes no secret in any form, and a GME u64 with every digit', () => {
    const app = sb.demo().tencent[0];
    const z = sb.demo().zego[0];
    const queries: CopyableQuery[] = [
      {
        vendor: 'tencent',
        service: 'gme',
        action: 'StopRecord',
        version: '2018-07-11',
        baseUrl: 'https://gme.intl.tencentcloudapi.com',
        params: { TaskId: 446192236330927912n, BizId: app.gmeBizId },
      },
      {
        vendor: 'tencent',
        service: 'live',
        action: 'DescribeRecordTask',
        version: '2018-08-01',
        region: 'ap-singapore',
        baseUrl: sb.url,
        params: { StartTime: 1, EndTime: 2, StreamName: "it's <b>" },
      },
      { vendor: 'zego', action: 'DescribeTasks', appId: z.appId, baseUrl: sb.url, params: { Status: 2 } },
    ];
    const secrets = [app.secretKey, app.secretId, z.serverSecret];
    for (const query of queries) {
      for (const format of ['tccli', 'curl', 'node'] as CopyFormat[]) {
        const text = copyQueryAs(query, format);
        if (text === undefined) continue;
        for (const secret of secrets) assert.ok(!text.includes(secret), `${format} of ${query.action} holds a secret`);
        if (query.action === 'StopRecord') assert.match(text, /446192236330927912/);
      }
    }
    assert.match(copyQueryAs(queries[0], 'node')!, /446192236330927912n/);
  });

  it('quotes for bash so no vendor string can end the word', async () => {
    assert.equal(await runBash(`printf '%s' ${shellQuote("a'b $(echo no) `x` \\")}`, {}), "a'b $(echo no) `x` \\");
  });
});
