/**
 * JSON text where a bigint becomes a raw integer literal. GME TaskIds exceed 2^53, and a JS number
 * would round them (446192236330927912 → …940), so they never pass through one.
 */

/** NUL cannot appear unescaped in JSON.stringify output, so the marker cannot collide with data. */
const MARK = '\u0000bigint:';
const MARKED = /"\\u0000bigint:(\d+)"/g;

export function stringifyJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${MARK}${v.toString()}` : v));
  return text.replace(MARKED, '$1');
}
