// The intake and the local receiver over real loopback HTTP: a signed callback updates the ledger at
// once; hostile, oversized, mis-signed or u64-mangled bodies are refused, never crash, record nothing.
import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import fc from 'fast-check';
import type { CallbackEvent, CallbackSource, KeyringEntry } from '../../../src/model/callback';
import { recordCallback, type CallbackOutcome } from '../../../src/model/callbackLedger';
import type { LedgerEntry } from '../../../src/model/ledgerEntry';
import { silentLogger } from '../../../src/model/logger';
import { CallbackIntake } from '../../../src/tasks/callbackIntake';
import { CallbackReceiver } from '../../../src/tasks/callbackReceiver';
import { gmeCallbackSignature, trtcCallbackSign } from '../../../src/vendors/callbacks/signatures';
import { verifyCallback } from '../../../src/vendors/callbacks/verify';

const KEYRING: KeyringEntry[] = [{ accountId: 'acct', vendor: 'tencent', keys: { trtc: 'trtc-key', gme: 'gme-key' } }];

/** A ledger that only records callbacks, so a test sees every write. */
class RecordingLedger {
  readonly entries = new Map<string, LedgerEntry>();
  readonly writes: CallbackEvent[] = [];
  recordCallback(accountId: string, event: CallbackEvent, source: CallbackSource): CallbackOutcome {
    const id = `${accountId}/${event.product}/${event.taskId}`;
    const outcome = recordCallback(this.entries.get(id), accountId, event, source, Date.now());
    if (!outcome.duplicate) {
      this.entries.set(id, outcome.entry);
      this.writes.push(event);
    }
    return outcome;
  }
}

function post(url: string, body: Buffer | string, headers: Record<string, string> = {}, method = 'POST'): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), ...headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const trtcBody = (taskId: string, eventType = 302): string =>
  JSON.stringify({
    EventGroupId: 3,
    EventType: eventType,
    CallbackTs: Date.now(),
    EventInfo: { RoomId: 'class-a', EventMsTs: Date.now(), TaskId: taskId, Payload: { LeaveCode: 0 } },
  });

describe('callback receiver and intake', function () {
  this.timeout(60_000);
  let ledger: RecordingLedger;
  let receiver: CallbackReceiver;

  beforeEach(async () => {
    ledger = new RecordingLedger();
    const intake = new CallbackIntake({ verify: verifyCallback, keyring: async () => KEYRING, ledger, logger: silentLogger });
    receiver = await CallbackReceiver.start({ port: 0, intake, logger: silentLogger, ratePerSecond: 1000 });
  });
  afterEach(() => receiver.close());

  it('listens on 127.0.0.1 only and records a signed TRTC callback at once, answering {"code":0}', async () => {
    assert.match(receiver.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const body = trtcBody('task-1.');
    const res = await post(receiver.url, body, { Sign: trtcCallbackSign('trtc-key', body), SdkAppId: '1400000001' });
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.text), { code: 0 });
    const entry = ledger.entries.get('acct/trtc-recording/task-1.')!;
    assert.equal(entry.task.status, 'ended');
    assert.equal(entry.callbacks![0]!.source, 'receiver');
  });

  it('refuses an unsigned or wrongly signed body with its reason, records nothing', async () => {
    const body = trtcBody('task-2.');
    const unsigned = await post(receiver.url, body);
    assert.equal(unsigned.status, 401);
    assert.match(JSON.parse(unsigned.text).message, /no Sign header/);
    const wrong = await post(receiver.url, body, { Sign: trtcCallbackSign('other', body) });
    assert.equal(wrong.status, 401);
    assert.equal(ledger.writes.length, 0);
  });

  it('refuses a body above 64 KB (413) and anything but POST (405)', async () => {
    assert.equal((await post(receiver.url, Buffer.alloc(70_000, 0x20))).status, 413);
    assert.equal((await post(receiver.url, '', {}, 'GET')).status, 405);
    assert.equal(ledger.writes.length, 0);
  });

  it('rate-limits a flood: beyond the limit in a second, 429 without reading', async () => {
    await receiver.close();
    const intake = new CallbackIntake({ verify: verifyCallback, keyring: async () => KEYRING, ledger, logger: silentLogger });
    receiver = await CallbackReceiver.start({ port: 0, intake, logger: silentLogger, ratePerSecond: 3, now: () => 0 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(receiver.url, '{}')).status);
    assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
  });

  it('fuzz: 400 hostile bodies (mutated, mis-signed, oversized, u64-mangled): 0 crashes, nothing recorded from a bad one', async () => {
    const good =
      '{"BizID":1400000000,"RoomID":"100","UserID":"999","TaskID":446946705284000001,"RecordMode":1,"Timestamp":1675930605,"EventType":3,"Detail":{"SeqNo":0,"FileName":"f"}}';
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.nat({ max: good.length - 1 }).chain((at) => fc.string({ minLength: 1, maxLength: 3 }).map((s) => good.slice(0, at) + s + good.slice(at + 1))),
      fc.constantFrom(
        good.replace('446946705284000001', '446946705284000000'),
        good.replace('446946705284000001', '"446946705284000001"'),
        `${'['.repeat(5000)}${']'.repeat(5000)}`,
        '{"__proto__":{"ok":true}}',
        good + good,
      ),
    );
    let crashes = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (body) => {
        // Signed for the original body only: any change must be refused.
        const res = await post(receiver.url, body, { Signature: gmeCallbackSignature('gme-key', good).base64 }).catch(() => ({ status: 0, text: '' }));
        if (res.status === 0 || res.status >= 500) crashes++;
        if (body !== good) assert.notEqual(res.status, 200, `accepted a changed body: ${body.slice(0, 80)}`);
      }),
      { numRuns: 400, seed: 0x13 },
    );
    assert.equal(crashes, 0);
    assert.equal(ledger.writes.length, 0, 'nothing recorded from a bad body');
    const accepted = await post(receiver.url, good, { Signature: gmeCallbackSignature('gme-key', good).base64 });
    assert.equal(accepted.status, 200);
    assert.equal(ledger.writes[0]!.taskId, '446946705284000001', 'the u64 TaskID keeps every digit');
  });
});
