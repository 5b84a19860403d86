/**
 * The shorthand every surface uses for vendor ids in its own words (titles, pick rows). The
 * sanitising rules live in vendorText.ts.
 */
import { panelText } from './vendorText';

/** `s` with invisible and direction-changing characters written as `\u{…}` escapes, whole. */
export function visibleString(s: string): string {
  return panelText(s);
}

/**
 * The first `max` characters of an id, with `…` when cut. Counts code points so an emoji or a
 * surrogate pair is never split in half.
 */
export function shortId(id: string, max = 8): string {
  const chars = Array.from(id);
  return chars.length <= max + 1 ? id : `${chars.slice(0, max).join('')}…`;
}
