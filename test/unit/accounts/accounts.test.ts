import { strict as assert } from 'node:assert';
import { decodeSecret, encodeSecret, readAccounts } from '../../../src/accounts/accountCodec';
import { parseUint32, validateEndpoint, validateOptionalUint32, validateSecret } from '../../../src/accounts/accountInput';
import { demoAccountPlans, isSameDemoApp } from '../../../src/demo/demoPlans';
import { plainLocalizer as t } from '../../../src/display/localize';
import type { Account } from '../../../src/model/account';
import { lookupCandidates, looksLikeGmeTaskId } from '../../../src/tasks/lookup';

const tencent: Account = {
  id: 'a1',
  label: 'Prod',
  vendor: 'tencent',
  site: 'intl',
  region: 'ap-singapore',
  trtcSdkAppId: 1400000001,
  gmeBizId: 3400352518,
  cssEnabled: true,
};
const zego: Account = { id: 'z1', label: 'Zego', vendor: 'zego', appId: 12345 };

describe('accounts', () => {
  it('reads stored accounts back, skipping malformed records', () => {
    const stored = [
      tencent,
      zego,
      { id: 'x', label: 'bad', vendor: 'tencent', site: 'moon', region: 'ap-x' },
      { id: 'y', vendor: 'zego', label: 'z', appId: -1 },
      'junk',
    ];
    assert.deepEqual(
      readAccounts(JSON.parse(JSON.stringify(stored))).map((a) => a.id),
      ['a1', 'z1'],
    );
    assert.deepEqual(readAccounts(undefined), []);
  });

  it('round-trips secrets and rejects anything else', () => {
    const secret = { vendor: 'tencent' as const, secretId: 'AKIDxxxxxxxx', secretKey: 'k'.repeat(32) };
    assert.deepEqual(decodeSecret(encodeSecret(secret)), { ...secret, token: undefined });
    assert.equal(decodeSecret('{"vendor":"zego"}'), undefined);
    assert.equal(decodeSecret('not json'), undefined);
    assert.equal(decodeSecret(undefined), undefined);
  });

  it('validates ids, secrets and endpoints as the flow types them', () => {
    assert.equal(parseUint32(' 4294967295 '), 4294967295);
    assert.equal(parseUint32('4294967296'), undefined);
    assert.equal(parseUint32('12a'), undefined);
    assert.equal(validateOptionalUint32('', t), undefined);
    assert.ok(validateOptionalUint32('-1', t));
    assert.ok(validateSecret(' "AKID"', t));
    assert.equal(validateSecret('AKIDabc', t), undefined);
    assert.equal(validateEndpoint('http://127.0.0.1:8123', t), undefined);
    assert.ok(validateEndpoint('ftp://x', t));
  });

  it('turns the sandbox demo into accounts pointed at it, with tasks and rooms to pin', () => {
    const demo = {
      tencent: [
        {
          label: 'Demo',
          secretId: 'AKIDdemo',
          secretKey: 'demo-key',
          region: 'ap-singapore',
          trtcSdkAppId: 1400000001,
          gmeBizId: 3400352518,
          cssDomain: 'push.example',
          gmeRoomIds: ['9832'],
          trtcRecordingTaskIds: ['rec-1'],
          trtcRelayTaskIds: ['relay-1'],
          trtcTaskRooms: { 'rec-1': 'lobby', 'relay-1': 7, x: '' },
        },
        { label: 'broken' },
      ],
      zego: [{ label: 'Zego demo', appId: 12345, serverSecret: 's'.repeat(32) }],
    };
    const plans = demoAccountPlans(demo, 'http://127.0.0.1:9000');
    assert.equal(plans.length, 2);
    assert.equal(plans[0].account.endpoint, 'http://127.0.0.1:9000');
    assert.deepEqual([plans[0].gmeRoomIds, plans[0].trtcRecordingTaskIds, plans[0].trtcRelayTaskIds], [['9832'], ['rec-1'], ['relay-1']]);
    assert.deepEqual(plans[0].trtcTaskRooms, { 'rec-1': 'lobby' }, 'only non-empty string rooms are kept');
    assert.equal(plans[1].secret.vendor, 'zego');
    assert.ok(isSameDemoApp(plans[0].account, { ...plans[0].account, endpoint: 'http://127.0.0.1:1' }));
    assert.ok(!isSameDemoApp(plans[0].account, plans[1].account));
    assert.deepEqual(demoAccountPlans('nonsense', 'http://x'), []);
  });

  it("leaves the sandbox's hostile-strings apps out of the demo unless asked for", () => {
    const demo = {
      tencent: [
        { label: 'Singapore demo', hostileStrings: false, secretId: 'AKIDa', secretKey: 'ka', region: 'ap-singapore', trtcSdkAppId: 1400000001 },
        { label: 'Hostile strings', hostileStrings: true, secretId: 'AKIDb', secretKey: 'kb', region: 'ap-singapore', trtcSdkAppId: 1400000002 },
      ],
      zego: [
        { label: 'ZEGO demo', appId: 1, serverSecret: 's'.repeat(32) },
        { label: 'Hostile strings', hostileStrings: true, appId: 2, serverSecret: 't'.repeat(32) },
      ],
    };
    const labels = (plans: ReturnType<typeof demoAccountPlans>) => plans.map((p) => `${p.account.vendor}:${p.account.label}`);
    assert.deepEqual(labels(demoAccountPlans(demo, 'http://x')), ['tencent:Singapore demo', 'zego:ZEGO demo']);
    assert.deepEqual(labels(demoAccountPlans(demo, 'http://x', { hostileStrings: true })), [
      'tencent:Singapore demo',
      'tencent:Hostile strings',
      'zego:ZEGO demo',
      'zego:Hostile strings',
    ]);
  });

  it('looks a task id up only where it could live', () => {
    const where = (id: string) => lookupCandidates([tencent, zego], id).map((c) => `${c.accountId}:${c.product}`);
    assert.deepEqual(where('m9-bVVU7nhKM5X3GsED6KNGVG'), ['a1:trtc-recording', 'a1:trtc-relay', 'a1:css']);
    assert.deepEqual(where('YRHu6-E4IyvEAAAD'), ['a1:trtc-recording', 'a1:trtc-relay', 'a1:css', 'z1:zego-recording']);
    assert.deepEqual(where('446192236330927912'), []);
    assert.ok(looksLikeGmeTaskId('446192236330927912'));
  });
});
