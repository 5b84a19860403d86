import { strict as assert } from 'node:assert';
import { plainLocalize as t } from '../../../src/l10n/localize';
import { escapeMarkdown, roomTooltip, taskTooltip } from '../../../src/tree/tooltip';
import { T0, entry } from '../tasks/fixtures';

describe('tree tooltips', () => {
  it('escapes vendor strings so Markdown and HTML show as characters', () => {
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src\\=x onerror\\=alert\\(1\\)\\>');
    assert.equal(escapeMarkdown('[link](command:x) **b**'), '\\[link\\]\\(command\\:x\\) \\*\\*b\\*\\*');
  });

  it('shows the task, its vendor status and extras, with a hostile room name inert', () => {
    const md = taskTooltip(entry({ room: '](command:evil)' }), T0, t);
    assert.match(md, /Task ID: 446192236330927912/);
    assert.match(md, /\(recording\)/);
    assert.match(md, /Room: \\]\\\(command\\:evil\\\)/);
    assert.doesNotMatch(md, /\]\(command:evil\)/);
  });

  it('bounds what a vendor sends: long ids cut with an ellipsis, long lists shortened', () => {
    const md = taskTooltip(entry({ room: 'r'.repeat(10_240) }), T0, t);
    assert.match(md, /Room: r{119}…/);
    assert.ok(md.length < 2_000, `a 10 KB room made a ${md.length}-character tooltip`);
    const crowd = entry({ extras: { RecordMode: 2, SubscribeUserIds: Array.from({ length: 500 }, (_, i) => `user-${i}`), UnSubscribeUserIds: [] } });
    assert.match(roomTooltip('room-1', crowd, T0, t), /Allow list: user\\-0, .*user\\-9, and 490 more/);
  });

  it('shows a GME room current task, mode and allow and block lists', () => {
    const md = roomTooltip('room-1', entry(), T0, t);
    assert.match(md, /Mode: mixed/);
    assert.match(md, /Allow list: u1/);
    assert.match(md, /Block list: —/);
    assert.match(roomTooltip('room-1', undefined, T0, t), /No recording in this room/);
  });
});
