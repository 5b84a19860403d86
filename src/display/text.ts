/**
 * How a vendor string (task id, room, file name, error text) is made safe to show as plain text.
 * Every surface calls these rather than showing the raw value. The sanitising rules themselves
 * (bidi isolation, control characters, truncation) belong in `vendorText.ts`; `visibleString` is
 * the single call site to route through it.
 */

// Characters that are invisible or reorder text (bidi overrides, zero-width joiners, C0/C1 controls):
// shown escaped wherever a raw value is displayed, so "Trojan Source" style ids cannot disguise themselves.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/gu;

/** `s` with invisible and direction-changing characters written as `\u{…}` escapes. */
export function visibleString(s: string): string {
  return s.replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/**
 * The first `max` characters of an id, with `…` when cut. Counts code points so an emoji or a
 * surrogate pair is never split in half.
 */
export function shortId(id: string, max = 8): string {
  const chars = Array.from(id);
  return chars.length <= max + 1 ? id : `${chars.slice(0, max).join('')}…`;
}
