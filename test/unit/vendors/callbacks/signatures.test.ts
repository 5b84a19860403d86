// Each callback signature against the vendor's published worked example, and a tampered body refused.
import { strict as assert } from 'node:assert';
import { cssCallbackSign, gmeCallbackSignature, trtcCallbackSign, zegoCallbackSignature } from '../../../../src/vendors/callbacks/signatures';
import type { KeyringEntry } from '../../../../src/model/callback';
import { verifyCallback } from '../../../../src/vendors/callbacks/verify';

/** https://trtc.io/document/64802 and /54912: key 123654, the body with its real newlines and tabs. */
const TRTC_BODY =
  '{\n\t"EventGroupId":\t2,\n\t"EventType":\t204,\n\t"CallbackTs":\t1664209748188,\n\t"EventInfo":\t{\n\t\t"RoomId":\t8489,\n\t\t"EventTs":\t1664209748,\n\t\t"EventMsTs":\t1664209748180,\n\t\t"UserId":\t"user_85034614",\n\t\t"Reason":\t0\n\t}\n}';
const TRTC_SIGN = 'kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const recordingBody = (over: Record<string, unknown> = {}): string =>
  JSON.stringify({
    EventGroupId: 3,
    EventType: 302,
    CallbackTs: NOW,
    EventInfo: { RoomId: 'class-a', EventTs: NOW / 1000, EventMsTs: NOW, TaskId: 'task-1.', Payload: { LeaveCode: 99 } },
    ...over,
  });

describe('callback signatures: the vendors’ published examples', () => {
  it('TRTC: base64(HMAC-SHA256(key, raw body)) reproduces the published Sign', () => {
    assert.equal(trtcCallbackSign('123654', TRTC_BODY), TRTC_SIGN);
    // The same text with its escapes left literal is another body: the raw bytes are what is signed.
    assert.notEqual(trtcCallbackSign('123654', JSON.stringify(TRTC_BODY).slice(1, -1)), TRTC_SIGN);
  });

  it('ZEGO: sha1 of the sorted secret, timestamp and nonce reproduces the published signature', () => {
    assert.equal(zegoCallbackSignature('secret', '1470820198', '123412'), '5bd59fd62953a8059fb7eaba95720f66d19e4517');
  });

  // GME and CSS publish no worked example; these values come from OpenSSL and md5sum, not from this code:
  //   printf 'body' | openssl dgst -sha1 -hmac key;  printf 'key1700000000' | md5sum
  it('GME: HMAC-SHA1 of the raw body, in base64 or hex (checked against OpenSSL)', () => {
    const s = gmeCallbackSignature('key', 'body');
    assert.equal(s.hex, '70bbf6819d1037aa94ca7e7f537cbea25fe49283');
    assert.equal(Buffer.from(s.base64, 'base64').toString('hex'), s.hex);
  });

  it('CSS: MD5(key + t) (checked against md5sum)', () => {
    assert.equal(cssCallbackSign('key', '1700000000'), '06d851185e908b68ddf9a345983ed7b3');
  });
});

describe('verifyCallback', () => {
  const keyring: KeyringEntry[] = [
    { accountId: 'other', vendor: 'tencent', keys: { trtc: 'not-this-one' } },
    { accountId: 'acct', vendor: 'tencent', keys: { trtc: '123654', gme: 'gmekey', css: 'csskey' } },
    { accountId: 'z', vendor: 'zego', keys: { zego: 'secret' } },
  ];
  const trtc = (body: string, sign = trtcCallbackSign('123654', body), headers: Record<string, string> = {}) =>
    verifyCallback({ headers: { sign, ...headers }, body: Buffer.from(body) }, keyring, NOW);

  it('accepts a signed TRTC recording callback and names the account whose key verified it', () => {
    const v = trtc(recordingBody(), undefined, { sdkappid: '1400000001' });
    assert.ok(v.ok, v.ok ? '' : v.reason);
    assert.equal(v.accountId, 'acct');
    assert.equal(v.event.taskId, 'task-1.');
    assert.equal(v.event.status, 'ended');
    assert.equal(v.event.facts.LeaveCode, 99);
    assert.equal(v.event.appId, '1400000001');
    assert.equal(v.event.at, NOW);
  });

  it('refuses a tampered TRTC body, an unsigned one and one signed with another key, each saying why', () => {
    const body = recordingBody();
    const tampered = trtc(body.replace('"LeaveCode":99', '"LeaveCode":0 '), trtcCallbackSign('123654', body));
    assert.equal(tampered.ok, false);
    assert.match(!tampered.ok ? tampered.reason : '', /signature matches none of your TRTC callback keys/);
    const unsigned = verifyCallback({ headers: {}, body: Buffer.from(body) }, keyring, NOW);
    assert.match(!unsigned.ok ? unsigned.reason : '', /no Sign header/);
    const otherKey = trtc(body, trtcCallbackSign('guess', body));
    assert.equal(otherKey.ok, false);
  });

  it('ZEGO: accepts the published secret/timestamp/nonce, refuses a changed timestamp', () => {
    const body = {
      app_id: 1234567890,
      task_id: 'YRHu6-E4IyvEAAAD',
      room_id: 'stage-1',
      event_type: 2,
      message: 'abnormal',
      nonce: '123412',
      timestamp: '1470820198',
      signature: '5bd59fd62953a8059fb7eaba95720f66d19e4517',
      sequence: 3,
      detail: { quit_reason: 3 },
    };
    const ok = verifyCallback({ headers: {}, body: Buffer.from(JSON.stringify(body)) }, keyring, NOW);
    assert.ok(ok.ok, ok.ok ? '' : ok.reason);
    assert.equal(ok.accountId, 'z');
    assert.equal(ok.event.status, 'failed');
    assert.equal(ok.event.facts.quit_reason, 3);
    assert.equal(ok.event.sequence, 3);
    const bad = verifyCallback({ headers: {}, body: Buffer.from(JSON.stringify({ ...body, timestamp: '1470820199' })) }, keyring, NOW);
    assert.equal(bad.ok, false);
  });

  it('GME: keeps the u64 TaskID digit-exact and refuses a body changed after signing', () => {
    const body =
      '{"BizID":1400000000,"RoomID":"100","UserID":"999","TaskID":446946705284000001,"RecordMode":1,"Timestamp":1675930605,"EventType":3,"Detail":{"SeqNo":0,"FileName":"1400000000_100_999/2023.mp3"}}';
    const sig = gmeCallbackSignature('gmekey', body).base64;
    const ok = verifyCallback({ headers: { signature: sig }, body: Buffer.from(body) }, keyring, NOW);
    assert.ok(ok.ok, ok.ok ? '' : ok.reason);
    assert.equal(ok.event.taskId, '446946705284000001');
    assert.equal(ok.event.files[0]?.state, 'uploaded');
    const changed = verifyCallback({ headers: { signature: sig }, body: Buffer.from(body.replace('"RoomID":"100"', '"RoomID":"101"')) }, keyring, NOW);
    assert.equal(changed.ok, false);
  });

  it('CSS: accepts MD5(key + t) before t, refuses it after t', () => {
    const t = String(NOW / 1000 + 600);
    const body = {
      event_type: 100,
      t,
      sign: cssCallbackSign('csskey', t),
      task_id: 'css-task',
      stream_id: 'live-a',
      file_id: '5285485487985271487',
      start_time: NOW / 1000 - 300,
      end_time: NOW / 1000,
      file_size: 10,
    };
    const ok = verifyCallback({ headers: {}, body: Buffer.from(JSON.stringify(body)) }, keyring, NOW);
    assert.ok(ok.ok, ok.ok ? '' : ok.reason);
    assert.equal(ok.event.files[0]?.vodFileId, '5285485487985271487');
    const late = verifyCallback({ headers: {}, body: Buffer.from(JSON.stringify(body)) }, keyring, NOW + 3_600_000);
    assert.match(!late.ok ? late.reason : '', /expired/);
  });

  it('refuses what is not a callback, too big, not UTF-8, or not JSON, without throwing', () => {
    for (const body of [
      Buffer.alloc(0),
      Buffer.alloc(70_000, 0x20),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('{"a":'),
      Buffer.from('[1]'),
      Buffer.from('{"hello":1}'),
    ]) {
      const v = verifyCallback({ headers: {}, body }, keyring, NOW);
      assert.equal(v.ok, false);
      assert.ok(!v.ok && v.reason.length > 10);
    }
  });
});
