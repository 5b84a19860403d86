/**
 * Readers for raw vendor records. Vendor JSON is checked at the edge, field by field, so a wrong
 * type becomes one `ShapeError` (reported as a `malformed` answer) instead of `undefined` leaking
 * into the model.
 */

/** A record did not have the documented shape; `path` names the offending field. */
export class ShapeError extends Error {
  constructor(
    readonly path: string,
    expected: string,
  ) {
    super(`${path}: expected ${expected}`);
    this.name = 'ShapeError';
  }
}

export type RawObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function object(value: unknown, path: string): RawObject {
  if (!isObject(value)) throw new ShapeError(path, 'an object');
  return value;
}

export function array(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'an array');
  return value;
}

/** An array that the vendor documents as "may be null": null or absent read as empty. */
export function optionalArray(value: unknown, path: string): readonly unknown[] {
  return value === undefined || value === null ? [] : array(value, path);
}

export function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ShapeError(path, 'a string');
  return value;
}

export function optionalString(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : string(value, path);
}

/** A number within 2^53 (the lossless parser leaves larger integers as strings). */
export function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(path, 'a number');
  return value;
}

export function optionalNumber(value: unknown, path: string): number | undefined {
  return value === undefined || value === null ? undefined : number(value, path);
}

/** The largest |Unix ms| a `Date` holds; beyond it `toISOString()` throws (export, details). */
export const MAX_EPOCH_MS = 8.64e15;

/** A Unix time in the vendor's unit (`unitMs`: 1000 for seconds, 1 for ms) that a `Date` can hold. */
export function epoch(value: unknown, path: string, unitMs: 1 | 1000): number {
  const n = number(value, path);
  if (Math.abs(n * unitMs) > MAX_EPOCH_MS) throw new ShapeError(path, 'a Unix time');
  return n;
}

export function optionalEpoch(value: unknown, path: string, unitMs: 1 | 1000): number | undefined {
  return value === undefined || value === null ? undefined : epoch(value, path, unitMs);
}

/**
 * An identifier the vendor sends as a JSON integer or string (GME TaskId u64, user ids shown as
 * numbers in GME's own example), always returned as its exact decimal / verbatim string.
 */
export function idString(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new ShapeError(path, 'an integer or string id');
}
