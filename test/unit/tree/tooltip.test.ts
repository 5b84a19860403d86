import { strict as assert } from 'node:assert';
import { marked } from 'marked';
import { plainLocalizer as l10n } from '../../../src/display/localize';
import { errorTooltip, roomTooltip, taskTooltip } from '../../../src/tree/tooltip';
import { T0, entry } from '../../fixtures/tasks';
import { FakeMarkdownString, shownText } from '../../fixtures/markdownString';

const time = { now: T0, locale: 'en', timeZone: 'UTC' };
const HOSTILE = '](command:evil) <img src=x> $(zap) **b** http://127.0.0.1:9/x www.example.com a@b.co \u202Eexe.txt \u0000';

/**
 * What a hover shows, the way VS Code renders a MarkdownString with theme icons on: icon escapes get
 * one more backslash, Marked (GFM autolinks on) renders, and `$(name)` left in the HTML becomes an icon.
 */
function rendered(md: FakeMarkdownString): { html: string; icons: string[]; links: number } {
  const source = md.value.replace(/\\\$\([a-z0-9-]+?(?:~[a-z0-9-]*?)?\)/gi, (m) => `\\${m}`);
  const html = marked.parse(source, { gfm: true, async: false }) as string;
  const icons = [...html.matchAll(/(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g)].filter((m) => !m[1]).map((m) => m[2]!);
  return { html, icons, links: (html.match(/<a\b/g) ?? []).length };
}

describe('tree tooltips', () => {
  it('shows the task, its vendor status and extras', () => {
    const md = new FakeMarkdownString();
    taskTooltip(md, entry(), time, l10n);
    const shown = shownText(md.value);
    assert.match(shown, /Task ID: 446192236330927912/);
    assert.match(shown, /\(recording\)/);
    assert.match(shown, /Duration: 1h 2m/);
  });

  it('says why an ended task ended and where its files are', () => {
    const md = new FakeMarkdownString();
    const ended = entry({ product: 'zego-recording', vendor: 'zego', status: 'ended', rawStatus: '3', endedAt: T0 - 60_000 });
    taskTooltip(
      md,
      {
        ...ended,
        callbacks: [{ vendor: 'zego', eventType: '2', at: T0, receivedAt: T0, source: 'receiver', applied: true, files: [], facts: { quit_reason: 4 } }],
      },
      time,
      l10n,
    );
    const shown = shownText(md.value);
    assert.match(shown, /Why it ended: It reached MaxRecordTime \(24 h by default\)\./);
    assert.match(shown, /Files: No files reported yet; vendors upload them after the task ends\./);
  });

  it('renders hostile vendor strings as text: no link, autolink, icon, image or emphasis; bidi and NUL visible', () => {
    const md = new FakeMarkdownString();
    taskTooltip(
      md,
      { ...entry({ room: HOSTILE, extras: { SubscribeUserIds: [HOSTILE], RecordMode: 2, UnSubscribeUserIds: [] } }), lastError: HOSTILE },
      time,
      l10n,
    );
    const { html, icons, links } = rendered(md);
    assert.equal(links, 0, `links in ${html}`);
    assert.deepEqual(icons, ['warning'], 'only our own icon (Last refresh failed)');
    assert.doesNotMatch(html, /<(img|em)\b/);
    assert.equal((html.match(/<strong>/g) ?? []).length, 1, 'only our own bold product label');
    assert.ok(!html.includes('\u202E') && !html.includes('\u0000'), 'a raw RLO or NUL reached the hover');
    assert.match(html, /\\u\{202E\}exe\.txt \\u\{0\}/);
    assert.match(html, /http:\/\/127\.0\.0\.1:9\/x www\.example\.com a@b\.co/);
    assert.ok(
      md.markdown.every((m) => !m.includes('](command:')),
      md.markdown.join('|'),
    );
    // What main did: appendText leaves the URL to GFM's autolinks.
    const plain = new FakeMarkdownString();
    plain.appendText('see http://127.0.0.1:9/x');
    assert.equal(rendered(plain).links, 1);
  });

  it('bounds what a vendor sends: long ids cut with an ellipsis, long lists shortened', () => {
    const md = new FakeMarkdownString();
    taskTooltip(md, entry({ room: 'r'.repeat(10_240) }), time, l10n);
    assert.match(shownText(md.value), /Room: r{119}…/);
    assert.ok(md.value.length < 2_000, `a 10 KB room made a ${md.value.length}-character tooltip`);
    const crowd = new FakeMarkdownString();
    roomTooltip(
      crowd,
      'room-1',
      entry({ extras: { RecordMode: 2, SubscribeUserIds: Array.from({ length: 500 }, (_, i) => `user-${i}`), UnSubscribeUserIds: [] } }),
      time,
      l10n,
    );
    assert.match(shownText(crowd.value), /Allow list: user-0, .*user-9, and 490 more/);
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
    assert.equal(rendered(empty).links, 0);
  });

  it('writes an error row’s vendor summary and message inert, and our hint as text', () => {
    const md = new FakeMarkdownString();
    errorTooltip(md, 'DescribeTasks: 1 (RequestId r)', HOSTILE, 'hint');
    assert.deepEqual(md.texts, ['hint']);
    const { links, icons } = rendered(md);
    assert.equal(links, 0);
    assert.deepEqual(icons, []);
    assert.match(shownText(md.value), /DescribeTasks: 1 \(RequestId r\)/);
  });
});
