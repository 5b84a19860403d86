// Go to Task reads whatever is pasted: hostile JSON trees (u64 numbers, deep nesting, odd keys), tccli
// lines and log lines made of arbitrary strings. Properties: it never throws; what it returns as a
// TaskId or RequestId is one token of the allowed shape (no spaces, quotes, markup or control
// characters, at most 128 characters); a room or app id from JSON or tccli has no control, bidi or
// zero-width characters either.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readPastedReference } from '../../../../src/sources/pastedReference';
import { hostileValue } from '../../../fixtures/fuzz/arbitraries';
import { jsonText } from '../../../fixtures/fuzz/jsonTree';

const TOKEN = /^[\w.@:+/-]+={0,2}$/;

function checkReading(text: string): void {
  const ref = readPastedReference(text);
  if (!ref) return;
  assert.ok(['id', 'json', 'tccli', 'log'].includes(ref.kind));
  assert.ok(ref.taskId !== undefined || ref.requestId !== undefined || ref.room !== undefined, 'a reading names something');
  for (const id of [ref.taskId, ref.requestId, ref.room, ref.appId]) {
    if (id === undefined) continue;
    assert.ok(id.length >= 1 && id.length <= 128, `an id of ${id.length} characters`);
    assert.doesNotMatch(id, /[\p{Cc}\p{Cf}]/u);
    if (ref.kind === 'id' || ref.kind === 'log') assert.match(id, TOKEN);
  }
}

describe('fuzz: Go to Task pastes', () => {
  it('hostile JSON bodies, with task fields planted at any depth, never throw', () => {
    const planted = fc.record({ TaskId: hostileValue, EventInfo: fc.record({ TaskId: hostileValue, RoomId: hostileValue }), rest: hostileValue });
    fc.assert(
      fc.property(fc.oneof(hostileValue, planted), (tree) => {
        checkReading(jsonText(tree));
      }),
      { numRuns: 400, seed: 13 },
    );
  });

  it('tccli and log lines of arbitrary words read tokens only', () => {
    const word = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('--TaskId', '--RoomId', 'TaskId=', 'RequestId:', '"', "'", '\u202E', '\u0000'));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.boolean(), (words, asTccli) => {
        checkReading(`${asTccli ? 'tccli trtc DescribeCloudRecording ' : 'log: '}${words.join(' ')}`);
      }),
      { numRuns: 600, seed: 13 },
    );
  });
});
