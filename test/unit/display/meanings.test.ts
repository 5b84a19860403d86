import * as assert from 'node:assert/strict';
import { plainLocalizer as l10n } from '../../../src/display/localize';
import { fileUserLabel, recordModeLabel, recordModeMeaning, trackTypeLabel, zegoStatusMeaning } from '../../../src/display/meanings';

describe('display: vendor code meanings', () => {
  it('reads GME record modes short (tree) and long (panel), from numbers or strings', () => {
    assert.equal(recordModeLabel(2, l10n), 'mixed');
    assert.equal(recordModeLabel('1', l10n), 'single streams');
    assert.equal(recordModeLabel(9, l10n), '9');
    assert.equal(recordModeLabel(undefined, l10n), undefined);
    assert.equal(recordModeMeaning(3, l10n), 'Single streams and the mixed stream');
    assert.equal(recordModeMeaning(7, l10n), 'unknown mode 7');
  });

  it('reads ZEGO statuses, track types and the mixed-stream user', () => {
    assert.equal(zegoStatusMeaning(4, l10n), 'ended abnormally');
    assert.equal(zegoStatusMeaning(42, l10n), 'unknown status 42');
    assert.equal(trackTypeLabel('audio_video', l10n), 'Audio and video');
    assert.equal(trackTypeLabel('hologram', l10n), 'hologram');
    assert.equal(trackTypeLabel('constructor', l10n), 'constructor', 'no prototype key is a meaning');
    assert.equal(fileUserLabel('', l10n), '(mixed stream)');
    assert.equal(fileUserLabel('u1', l10n), 'u1');
  });
});
