import * as assert from 'node:assert/strict';
import { shortId, visibleString } from '../../../src/display/text';
import { U64_TASK_ID } from '../../fixtures/webview';

describe('display: vendor text', () => {
  it('shortens ids without splitting a character', () => {
    assert.equal(shortId('12345678'), '12345678');
    assert.equal(shortId('123456789'), '123456789', 'one extra character is shown, not replaced by …');
    assert.equal(shortId(U64_TASK_ID), '44619223…');
    assert.equal(shortId('🎥🎥🎥🎥🎥🎥🎥🎥🎥🎥'), '🎥🎥🎥🎥🎥🎥🎥🎥…');
  });

  it('makes invisible and direction-changing characters visible', () => {
    assert.equal(visibleString('x\u202Egnp.exe'), 'x\\u{202E}gnp.exe');
    assert.equal(visibleString('a\u200Bb\u0000c\uFEFF'), 'a\\u{200B}b\\u{0}c\\u{FEFF}');
    assert.equal(visibleString('مرحبا 🎥 <img>'), 'مرحبا 🎥 <img>', 'ordinary RTL text, emoji and markup stay as they are');
  });
});
