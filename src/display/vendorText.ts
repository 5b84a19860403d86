/**
 * The one home for showing a vendor string (task id, room, user id, stream or file name, error
 * message) outside the details panel. A vendor controls these strings, so each surface gets them
 * as inert text:
 * - characters with no glyph (C0/C1 controls, DEL, bidi embeddings/overrides/isolates/marks,
 *   zero-width and other format characters, line separators) become visible `\u{…}` escapes, so a
 *   U+202E cannot flip the rest of a row, and two ids that differ only invisibly look different;
 * - text with right-to-left letters is wrapped in FSI…PDI (first-strong isolate), so it cannot
 *   reorder the product's own words or numbers around it (https://www.unicode.org/reports/tr9/);
 * - it is cut, with an ellipsis, to a bounded length (a 10 KB name must not fill a tooltip);
 * - per surface, the syntax that surface would interpret is neutralised: `$(icon)` in quick picks,
 *   `[label](command:…)` links in notifications, Markdown, HTML and autolinks in Markdown tooltips.
 * The details panel is the exception: it shows the whole string, wrapped (webview escaping).
 * Pure and vscode-free.
 */

/** How many characters (code points, after escaping) a vendor string may take on one line. */
export const VENDOR_TEXT_MAX = 120;

/** The bound for a vendor's error message, which says more than an id. */
export const VENDOR_MESSAGE_MAX = 300;

export const ELLIPSIS = '…';

const FSI = '\u2068';
const PDI = '\u2069';
const ZWNJ = '\u200C';
const ZWJ = '\u200D';
/** Starts an emoji tag sequence (subdivision flags); its tag characters are legitimate. */
const BLACK_FLAG = 0x1f3f4;

/**
 * Characters that draw nothing or change how text around them is ordered: controls (Cc), format
 * characters (Cf: bidi controls, zero-width, BOM, tags…), line/paragraph separators, and the
 * Hangul fillers, which are letters that render blank.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]/u;

/** Strong right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo… and their presentation forms). */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

const isTag = (cp: number): boolean => cp >= 0xe0020 && cp <= 0xe007f;

const escapeChar = (ch: string): string => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Scripts from Arabic on (Arabic, Indic, Sinhala, Khmer… and emoji) join or break ligatures with ZWJ/ZWNJ. */
const JOINING_SCRIPTS_FROM = 0x0600;

/**
 * One user-perceived character as shown. Joiners stay inside clusters of scripts that use them
 * (emoji sequences, Persian or Indic words) and tags inside a flag sequence; elsewhere they are escaped.
 */
function showGrapheme(cluster: string, multiline: boolean): string {
  if (!HIDDEN.test(cluster)) return cluster;
  const base = cluster.codePointAt(0)!;
  const joinersAllowed = base >= JOINING_SCRIPTS_FROM && !HIDDEN.test(String.fromCodePoint(base));
  let out = '';
  for (const ch of cluster) {
    const cp = ch.codePointAt(0)!;
    const allowed = (joinersAllowed && (ch === ZWJ || ch === ZWNJ)) || (base === BLACK_FLAG && isTag(cp)) || (multiline && (ch === '\n' || ch === '\t'));
    out += !allowed && HIDDEN.test(ch) ? escapeChar(ch) : ch;
  }
  return out;
}

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/**
 * `value` with every hidden character as a visible `\u{…}` escape, at most `max` code points long
 * (an ellipsis marks a cut; a cut never splits a character, an emoji or an escape). Work is bounded
 * by `max`, not by the length of `value`.
 */
export function visibleText(value: string, max = Number.POSITIVE_INFINITY): string {
  return shown(value, max, false);
}

/** The whole of `value` for the details panel, which wraps it: line feeds and tabs stay, every other hidden character is escaped. */
export function panelText(value: string): string {
  return shown(value, Number.POSITIVE_INFINITY, true);
}

function shown(value: string, max: number, multiline: boolean): string {
  let out = '';
  let length = 0;
  /** The longest prefix of whole pieces that leaves room for the ellipsis. */
  let cut = 0;
  for (const { segment } of graphemes.segment(value)) {
    const piece = showGrapheme(segment, multiline);
    const n = codePoints(piece);
    if (length + n > max) return `${out.slice(0, cut).trimEnd()}${ELLIPSIS}`;
    out += piece;
    length += n;
    if (length <= max - 1) cut = out.length;
  }
  return out;
}

/** Wraps text holding right-to-left letters in a first-strong isolate, so it cannot reorder what surrounds it. */
export function isolate(text: string): string {
  return RTL.test(text) ? `${FSI}${text}${PDI}` : text;
}

/** For surfaces that render text as it is: tree labels and descriptions, panel titles, accessibility labels. */
export function plainText(value: string, max = VENDOR_TEXT_MAX): string {
  return isolate(visibleText(value, max));
}

// VS Code's theme-icon syntax (`$(name)` or `$(name~modifier)`), and its escaped form `\$(name)`.
const ICON = /(\\)?\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

/** For QuickPick labels, descriptions and details, which render `$(name)` as an icon unless escaped. */
export function pickText(value: string, max = VENDOR_TEXT_MAX): string {
  return plainText(value, max).replace(ICON, (match: string, escaped: string | undefined) => (escaped ? match : `\\${match}`));
}

/**
 * For notification and error messages. VS Code turns `[label](https:…|command:…)` in a message into
 * a link (a command link would run a command); a space between `]` and `(` leaves it as text.
 */
export function messageText(value: string, max = VENDOR_TEXT_MAX): string {
  return plainText(value, max).replace(/\]\(/g, '] (');
}

// Every ASCII punctuation character may be backslash-escaped in CommonMark (https://spec.commonmark.org/0.31.2/#backslash-escapes).
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * For a vendor part of a Markdown tooltip. Escaping every ASCII punctuation character keeps emphasis,
 * headings, lists, HTML, links and autolinks (`http://`, `www.`, `a@b.c`: the `:`, `.` and `@` are
 * escaped) from forming; HTML stays off and the string untrusted.
 * With theme icons on (`themeIcons`), VS Code turns `$(name)` in the rendered HTML into an icon, after
 * the backslash escapes are gone, unless the Markdown source had the icon escape `\$(name)` (parentheses
 * unescaped), which it renders as the text `$(name)`: icon syntax is written that way there.
 */
export function markdownText(value: string, max = VENDOR_TEXT_MAX, themeIcons = false): string {
  const text = plainText(value, max);
  const escape = (part: string): string => part.replace(ASCII_PUNCTUATION, (c) => `\\${c}`);
  if (!themeIcons) return escape(text);
  let out = '';
  let from = 0;
  for (const match of text.matchAll(ICON)) {
    // A vendor `\$(name)` is an icon escape already: its backslash is escaped as text, then the icon escaped.
    const start = match.index + (match[1] ? 1 : 0);
    out += `${escape(text.slice(from, start))}\\${text.slice(start, match.index + match[0].length)}`;
    from = match.index + match[0].length;
  }
  return out + escape(text.slice(from));
}

/** Where a tooltip's Markdown goes (`vscode.MarkdownString`); `supportThemeIcons` says whether it renders `$(name)`. */
export interface MarkdownOut {
  appendMarkdown(value: string): unknown;
  readonly supportThemeIcons?: boolean;
}

/**
 * Appends a vendor string to a Markdown tooltip as inert text. Not `appendText`: VS Code's escaper
 * leaves `:` `.` `@` alone, so a URL or an email in vendor text would still become a live link.
 */
export function appendVendorText(md: MarkdownOut, value: string, max = VENDOR_TEXT_MAX): void {
  md.appendMarkdown(markdownText(value, max, md.supportThemeIcons !== false));
}
