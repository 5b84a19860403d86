import { strict as assert } from 'node:assert';
import { plainLocalizer as l10n } from '../../../src/display/localize';
import { errorTooltip, roomTooltip, taskTooltip } from '../../../src/tree/tooltip';
import { T0, entry } from '../tasks/fixtures';
import { FakeMarkdownString, shownText } from '../display/markdownString';

const time = { now: T0, locale: 'en', timeZone: 'UTC' };
const HOSTILE = '](command:evil) <img src=x> $(zap) **b**';

describe('tree tooltips', () => {
  it('shows the task, its vendor status and extras', () => {
    const md = new FakeMarkdownString();
    taskTooltip(md, entry(), time, l10n);
    const shown = shownText(md.value);
    assert.match(shown, /Task ID: 446192236330927912/);
    assert.match(shown, /\(recording\)/);
    assert.match(shown, /Duration: 1h 2m/);
  });

  it('puts every vendor string through appendText, so a hostile room stays inert', () => {
    const md = new FakeMarkdownString();
    taskTooltip(md, { ...entry({ room: HOSTILE }), lastError: HOSTILE }, time, l10n);
    assert.ok(md.markdown.every((m) => !m.includes('command:') && !m.includes('<img')), md.markdown.join('|'));
    assert.ok(md.texts.some((text) => text.includes(HOSTILE)));
    assert.doesNotMatch(md.value, /(?<!\\)\]\(command:evil|(?<!\\)\$\(zap|(?<!\\)\*\*b/);
  });

  it('shows a GME room current task, mode and allow and block lists', () => {
    const md = new FakeMarkdownString();
    roomTooltip(md, 'room-1', entry(), time, l10n);
    const shown = shownText(md.value);
    assert.match(shown, /Mode: mixed/);
    assert.match(shown, /Allow list: u1/);
    assert.match(shown, /Block list: —/);
    const empty = new FakeMarkdownString();
    roomTooltip(empty, HOSTILE, undefined, time, l10n);
    assert.match(shownText(empty.value), /No recording in this room/);
    assert.ok(empty.markdown.every((m) => !m.includes('command:')));
  });

  it('writes an error row’s vendor message and hint as text', () => {
    const md = new FakeMarkdownString();
    errorTooltip(md, 'DescribeTasks: 1 (RequestId r)', HOSTILE, 'hint');
    assert.deepEqual(md.texts, ['DescribeTasks: 1 (RequestId r)', HOSTILE, 'hint']);
  });
});
