/**
 * Lossless JSON for vendor responses. GME's TaskId is a u64 (e.g. 446192236330927912) that
 * `JSON.parse` silently rounds to 446192236330927940; here integers beyond 2^53 stay exact as
 * decimal strings and every other number becomes a plain `number`.
 */
import { isInteger, isSafeNumber, parse, stringify } from 'lossless-json';

function parseNumber(text: string): number | string {
  return isInteger(text) && !isSafeNumber(text) ? text : Number(text);
}

/** Parses JSON text; throws `SyntaxError` on anything that is not one complete JSON value. */
export function parseJsonLossless(text: string): unknown {
  return parse(text, null, parseNumber);
}

/**
 * JSON text in which a `bigint` is written as a bare integer, every digit kept (GME StopRecord takes
 * TaskId as a JSON integer above 2^53). Everything else is written as `JSON.stringify` writes it.
 */
export function stringifyJsonLossless(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError('the value has no JSON form');
  return text;
}
