import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { marked } from 'marked';
import { ELLIPSIS, isolate, markdownText, messageText, panelText, pickText, plainText, VENDOR_TEXT_MAX, visibleText } from '../../../src/display/vendorText';

const FSI = '\u2068';
const PDI = '\u2069';
const RLO = '\u202E';
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROLS = /[\p{Cc}]/u;

const codePoints = (s: string): number => Array.from(s).length;
/** The text inside the one isolate `plainText` may add. */
const inner = (s: string): string => (s.startsWith(FSI) && s.endsWith(PDI) ? s.slice(1, -1) : s);

/** Strings built from the characters that make trouble, mixed with ordinary ones. */
const hostileChar = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u009B',
  RLO,
  '\u202D',
  '\u202A',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\u2028',
  '\u2029',
  '\u{E0041}',
  '\u3164',
  '$(',
  ')',
  '$(zap)',
  '$(terminal)',
  '\\',
  '[',
  ']',
  '](',
  '(command:x)',
  '*',
  '_',
  '`',
  '<',
  '>',
  '&',
  '#',
  ':',
  '@',
  '.',
  '!',
  '|',
  '~',
  'http://127.0.0.1:9/x',
  'www.example.com',
  'a@b.co',
  '<img src=x onerror=alert(1)>',
  'a',
  'Z',
  '7',
  ' ',
  'مرحبا',
  'שלום',
  '直播',
  '🎥',
  '👩‍🚀',
  '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
  'é',
  'e\u0301',
);
const hostileString = fc.array(fc.oneof(hostileChar, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));
const anyString = fc.oneof(hostileString, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

describe('vendorText: vendor strings as inert text', () => {
  describe('visibleText', () => {
    it('shows controls, bidi controls and invisible characters as \\u{…} escapes', () => {
      assert.equal(visibleText(`x${RLO}gnp.exe`), 'x\\u{202E}gnp.exe');
      assert.equal(visibleText('a\u0000b\u0007c\u007Fd\u0085e\u009Bf'), 'a\\u{0}b\\u{7}c\\u{7F}d\\u{85}e\\u{9B}f');
      assert.equal(visibleText('line 1\r\nline 2\ttab'), 'line 1\\u{D}\\u{A}line 2\\u{9}tab');
      assert.equal(visibleText('a\u200Bb\uFEFFc\u2066d\u2069'), 'a\\u{200B}b\\u{FEFF}c\\u{2066}d\\u{2069}');
      assert.equal(visibleText('bo\u200Db'), 'bo\\u{200D}b', 'a joiner between Latin letters only disguises an id');
      assert.equal(visibleText('hi\u{E0041}\u{E0042}'), 'hi\\u{E0041}\\u{E0042}', 'tag characters smuggle hidden ASCII');
      assert.equal(visibleText('\u3164'), '\\u{3164}', 'a Hangul filler renders blank');
    });

    it('keeps what renders as itself: RTL letters, CJK, emoji sequences, flags, joiners in Persian, combining marks', () => {
      for (const s of [
        'مرحبا',
        '直播',
        '👩‍🚀🔥',
        '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
        'می\u200Cخواهم',
        'e\u0301',
        '<img src=x>',
        '$(zap)',
      ]) {
        assert.equal(visibleText(s), s, JSON.stringify(s));
      }
    });

    it('cuts to the bound with an ellipsis, never inside an emoji or an escape', () => {
      assert.equal(visibleText('abcdef', 6), 'abcdef');
      assert.equal(visibleText('abcdefg', 6), 'abcde…');
      assert.equal(visibleText('abcd👩‍🚀', 6), 'abcd…', 'the 3-code-point emoji does not fit, and is not split');
      assert.equal(visibleText(`abc${RLO}def`, 8), 'abc…', 'an escape is kept whole or dropped');
      assert.equal(visibleText('abc    defgh', 6), 'abc…', 'no trailing space before the ellipsis');
    });

    it('bounds a 10 KB string, and and ones whose escapes are five to eight times longer', () => {
      assert.equal(visibleText('x'.repeat(10_240), 50), `${'x'.repeat(49)}${ELLIPSIS}`);
      assert.equal(visibleText('\u0000'.repeat(10_240), 20), `${'\\u{0}'.repeat(3)}${ELLIPSIS}`);
      const rlo = plainText('\u202E'.repeat(10_240));
      assert.equal(rlo, `${'\\u{202E}'.repeat(14)}${ELLIPSIS}`, 'as many whole escapes as fit in VENDOR_TEXT_MAX');
      assert.equal(VENDOR_TEXT_MAX, 120);
    });

    it('property: never longer than the bound; a cut output is a prefix of the whole one plus an ellipsis', () => {
      fc.assert(
        fc.property(anyString, fc.integer({ min: 1, max: 60 }), (s, max) => {
          const whole = visibleText(s);
          const cut = visibleText(s, max);
          assert.ok(codePoints(cut) <= max, `${JSON.stringify(cut)} is longer than ${max}`);
          if (cut === whole) return;
          assert.ok(cut.endsWith(ELLIPSIS));
          assert.ok(whole.startsWith(cut.slice(0, -1)), `${JSON.stringify(cut)} is not a prefix of ${JSON.stringify(whole)}`);
        }),
      );
    });

    it('property: no control character and no bidi control survives; each hidden one shows as its escape', () => {
      fc.assert(
        fc.property(anyString, (s) => {
          const shown = visibleText(s);
          assert.doesNotMatch(shown, CONTROLS);
          assert.doesNotMatch(shown, BIDI_CONTROLS);
          for (const ch of s) {
            if (CONTROLS.test(ch) || BIDI_CONTROLS.test(ch)) assert.ok(shown.includes(`\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`));
          }
        }),
      );
    });

    it('property: printable text within the bound is shown unchanged', () => {
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ019 -_.:/<>[]()$*&@#مرحبا直播🎥é') }), (s) => {
          assert.equal(visibleText(s, 10_000), s);
        }),
      );
    });
  });

  describe('panelText', () => {
    it('keeps the whole text with its line feeds and tabs (the panel wraps it), escaping the rest', () => {
      const long = 'x'.repeat(10_240);
      assert.equal(panelText(long), long);
      assert.equal(panelText('{\n\t"a": 1\r\n}\u202E\u0000'), '{\n\t"a": 1\\u{D}\n}\\u{202E}\\u{0}');
    });
  });

  describe('plainText', () => {
    it('isolates right-to-left text so it cannot reorder the words around it', () => {
      assert.equal(plainText('مرحبا'), `${FSI}مرحبا${PDI}`);
      assert.equal(plainText(`مرحبا ${RLO}txt.exe`), `${FSI}مرحبا \\u{202E}txt.exe${PDI}`);
      assert.equal(plainText('class-a'), 'class-a', 'left-to-right text gets no invisible characters');
      assert.equal(isolate(''), '');
    });

    it('property: at most one isolate, around the whole, and nothing else that changes direction', () => {
      fc.assert(
        fc.property(anyString, (s) => {
          const shown = plainText(s);
          assert.doesNotMatch(inner(shown), BIDI_CONTROLS);
          assert.doesNotMatch(shown, CONTROLS);
          assert.ok(codePoints(inner(shown)) <= VENDOR_TEXT_MAX);
        }),
      );
    });
  });

  describe('pickText', () => {
    it('escapes theme-icon syntax, which QuickPick rows render as icons', () => {
      assert.equal(pickText('$(terminal) $(zap) run'), '\\$(terminal) \\$(zap) run');
      assert.equal(pickText('$(sync~spin)'), '\\$(sync~spin)');
      assert.equal(pickText('\\$(zap)'), '\\$(zap)', 'already escaped stays as it is');
      assert.equal(pickText('$ (x) $() $(a b)'), '$ (x) $() $(a b)', 'not icon syntax: unchanged');
    });

    it('property: every $(name) left in the output is escaped', () => {
      fc.assert(
        fc.property(anyString, (s) => {
          for (const m of pickText(s).matchAll(/\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g)) {
            assert.equal(pickText(s)[m.index - 1], '\\', `unescaped icon ${m[0]} in ${JSON.stringify(pickText(s))}`);
          }
        }),
      );
    });
  });

  describe('messageText', () => {
    // The pattern VS Code's notifications turn into links (parseLinkedText).
    const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

    it('breaks link syntax that a notification would make clickable', () => {
      assert.equal(messageText('[Fix it](command:workbench.action.terminal.new)'), '[Fix it] (command:workbench.action.terminal.new)');
      assert.doesNotMatch(messageText('see [docs](https://example.com "t")'), LINK);
    });

    it('property: no link forms, whatever the vendor sent', () => {
      fc.assert(
        fc.property(anyString, (s) => {
          assert.doesNotMatch(messageText(s), LINK);
        }),
      );
    });
  });

  describe('markdownText', () => {
    /** What a hover shows: Marked (VS Code's Markdown renderer) with GFM autolinks on. */
    const render = (md: string): string => marked.parseInline(md, { gfm: true, async: false }) as string;
    const decode = (html: string): string =>
      html
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');

    it('renders a URL, an email, markup and an image as the characters they are', () => {
      for (const s of [
        'http://127.0.0.1:9/x?a=1',
        'https://evil.example/path',
        'www.example.com',
        'mail me: a@b.co',
        '<img src=x onerror=alert(1)>',
        '![x](http://e/x.png)',
        '[a](command:x)',
        '**bold** _i_ `code`',
        '# head',
        '1. list',
      ]) {
        const html = render(markdownText(s));
        assert.doesNotMatch(html, /<(a|img|strong|em|code|h1|ol|li)\b/, `${s} rendered as ${html}`);
        assert.equal(decode(html), s, `${s} did not render as itself`);
      }
      // What main did: the escaped dots stayed inside a live link.
      assert.match(render('http://127\\.0\\.0\\.1'), /<a href/);
    });

    // VS Code's pipeline for a MarkdownString with theme icons on (src/vs/base/browser/markdownRenderer.ts):
    // icon escapes in the source get one more backslash, Marked renders, then `$(name)` in the HTML
    // becomes an icon unless a backslash precedes it (which is then dropped).
    const escapeEscapedIcons = (md: string): string => md.replace(/\\\$\([a-z0-9-]+?(?:~[a-z0-9-]*?)?\)/gi, (m) => `\\${m}`);
    const ICON_IN_HTML = /(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;
    const withIcons = (md: string): { html: string; icons: string[]; text: string } => {
      const html = render(escapeEscapedIcons(md));
      const icons = [...html.matchAll(ICON_IN_HTML)].filter((m) => !m[1]).map((m) => m[2]!);
      return { html, icons, text: decode(html.replace(ICON_IN_HTML, (m, escaped: string | undefined, name: string) => (escaped ? `$(${name})` : m))) };
    };

    it('with theme icons on, shows $(name) as text, and a vendor icon escape as the vendor wrote it', () => {
      for (const s of ['$(terminal) $(zap) run', '$(sync~spin)', 'cost $5 (approx)', '\\$(zap)', '$(zap)$(zap)']) {
        const { icons, text } = withIcons(markdownText(s, VENDOR_TEXT_MAX, true));
        assert.deepEqual(icons, [], `${s} rendered icons`);
        assert.equal(text, s);
      }
      // What main did in the status bar tooltip: backslash-escaped parentheses still end as an icon.
      assert.deepEqual(withIcons('\\$\\(zap\\)').icons, ['zap']);
    });

    it('property: with theme icons on, no icon, no link, no image, whatever the vendor sent', () => {
      fc.assert(
        fc.property(anyString, (s) => {
          const { html, icons, text } = withIcons(markdownText(s, VENDOR_TEXT_MAX, true));
          assert.deepEqual(icons, [], `icons in ${html}`);
          assert.doesNotMatch(html, /<(?!\/?del>)[a-z]/i, `element in ${html}`);
          // Two icon names with a modifier can pair their tildes into a strikethrough: cosmetic only.
          if (!html.includes('<del>')) assert.equal(text, plainText(s));
        }),
        { numRuns: 300 },
      );
    });

    it('property: rendered with GFM, the text is exactly plainText, with no element at all', () => {
      fc.assert(
        fc.property(anyString, (s) => {
          const html = render(markdownText(s));
          assert.doesNotMatch(html, /<[a-z]/i, `element in ${html}`);
          assert.equal(decode(html), plainText(s));
        }),
        { numRuns: 300 },
      );
    });
  });
});
