/**
 * Action parameters: from the JSON body (POST) or the query string (GET, where every value is text).
 * Each parameter names the error codes its action's page documents for it.
 */
import { TencentApiError } from './errors';

export interface ParamSpec {
  readonly name: string;
  /** `u64`: an unsigned 64-bit JSON integer (GME TaskId), kept as a bigint, never rounded through a number. */
  readonly type: 'integer' | 'u64' | 'string' | 'strings';
  /** `strings` (an array of non-empty strings) only: most items allowed. */
  readonly maxItems?: number;
  readonly required: boolean;
  /** Code when a required parameter is absent (`MissingParameter.SdkAppId`, or plain `MissingParameter`). */
  readonly missing: string;
  /** Code when the value has the wrong type or is empty. */
  readonly invalid: string;
}

type ParamValue = string | number | bigint | readonly string[];

export class Params {
  constructor(private readonly values: ReadonlyMap<string, ParamValue>) {}

  u64(name: string): bigint {
    return this.values.get(name) as bigint;
  }

  strings(name: string): readonly string[] {
    return (this.values.get(name) as readonly string[] | undefined) ?? [];
  }

  /** A required integer (presence was checked against the spec). */
  int(name: string): number {
    return this.values.get(name) as number;
  }

  str(name: string): string {
    return this.values.get(name) as string;
  }

  optionalInt(name: string): number | undefined {
    return this.values.get(name) as number | undefined;
  }

  optionalStr(name: string): string | undefined {
    return this.values.get(name) as string | undefined;
  }
}

const U64_MAX = 2n ** 64n - 1n;

function u64(raw: unknown, fromQuery: boolean): bigint | undefined {
  let value: bigint | undefined;
  if (typeof raw === 'bigint') value = raw;
  else if (typeof raw === 'number' && Number.isSafeInteger(raw)) value = BigInt(raw);
  else if (fromQuery && typeof raw === 'string' && /^\d{1,20}$/.test(raw)) value = BigInt(raw);
  return value !== undefined && value >= 0n && value <= U64_MAX ? value : undefined;
}

function coerce(spec: ParamSpec, raw: unknown, fromQuery: boolean): ParamValue | undefined {
  if (spec.type === 'string') return typeof raw === 'string' && raw !== '' ? raw : undefined;
  if (spec.type === 'u64') return u64(raw, fromQuery);
  if (spec.type === 'strings') {
    if (!Array.isArray(raw) || raw.length === 0 || !raw.every((item) => typeof item === 'string' && item !== '')) return undefined;
    return raw as string[];
  }
  if (fromQuery) return typeof raw === 'string' && /^-?\d{1,16}$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : undefined;
  return typeof raw === 'number' && Number.isSafeInteger(raw) ? raw : undefined;
}

/** Checks `source` against the specs: unknown names, then absent required ones, then values. */
export function readParams(specs: readonly ParamSpec[], source: Record<string, unknown>, fromQuery: boolean): Params {
  for (const name of Object.keys(source)) {
    if (!specs.some((s) => s.name === name)) {
      throw new TencentApiError('UnknownParameter', `The parameter \`${name}\` is not recognized.`);
    }
  }
  const values = new Map<string, ParamValue>();
  for (const spec of specs) {
    const raw = source[spec.name];
    // null counts as absent: the SDKs strip nulls, hand-written clients sometimes send them.
    if (raw === undefined || raw === null) {
      if (spec.required) throw new TencentApiError(spec.missing, `The request is missing a required parameter \`${spec.name}\`.`);
      continue;
    }
    const value = coerce(spec, raw, fromQuery);
    if (value === undefined) {
      throw new TencentApiError(spec.invalid, `The value of parameter \`${spec.name}\` is invalid: ${spec.type} expected.`);
    }
    if (Array.isArray(value) && spec.maxItems !== undefined && value.length > spec.maxItems) {
      throw new TencentApiError(spec.invalid, `The parameter \`${spec.name}\` may hold at most ${spec.maxItems} items.`);
    }
    values.set(spec.name, value);
  }
  return new Params(values);
}
