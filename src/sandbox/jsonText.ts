import { isInteger, isSafeNumber, parse } from 'lossless-json';

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

/**
 * Parses a request body as the vendor does: an integer beyond 2^53 becomes a bigint with every digit
 * (GME StopRecord's TaskId), so a client that rounded it is caught. Undefined when not a JSON object.
 */
export function parseJsonObjectLossless(raw: Buffer): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    const text = raw.length === 0 ? '{}' : raw.toString('utf8');
    parsed = parse(text, null, (n: string) => (isInteger(n) && !isSafeNumber(n) ? BigInt(n) : Number(n)));
  } catch {
    return undefined;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
}
