/**
 * Fault injection: settings for all actions, plus per-action overrides. Random faults draw from a
 * stream seeded like the demo data, so a seeded run fails the same requests every time.
 */
import { seededRandom } from './demo/hash';
import type { FaultScope, FaultSettings, SandboxFaults } from './types';

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  rateLimitStorm: false,
  malformedJson: false,
  htmlErrorPage: false,
  resetConnection: false,
  stallBody: false,
  http5xx: 0,
  clockSkewMs: 0,
};

type FaultKey = keyof FaultSettings;
const KINDS: Readonly<Record<FaultKey, 'number' | 'rate' | 'boolean'>> = {
  latencyMs: 'number',
  errorRate: 'rate',
  rateLimitStorm: 'boolean',
  malformedJson: 'boolean',
  htmlErrorPage: 'boolean',
  resetConnection: 'boolean',
  stallBody: 'boolean',
  http5xx: 'rate',
  clockSkewMs: 'number',
};

/** Checks an untrusted settings object (from the admin endpoint or a caller); throws on the first bad field. */
export function validateFaults(input: Record<string, unknown>): Partial<FaultSettings> {
  const out: Record<string, number | boolean> = {};
  for (const [key, value] of Object.entries(input)) {
    const kind = KINDS[key as FaultKey];
    if (!kind) throw new RangeError(`unknown fault "${key}"`);
    const ok =
      kind === 'boolean'
        ? typeof value === 'boolean'
        : typeof value === 'number' && Number.isFinite(value) && (kind === 'number' || (value >= 0 && value <= 1));
    if (!ok) throw new RangeError(`fault "${key}" must be ${kind === 'rate' ? 'a number from 0 to 1' : `a ${kind}`}`);
    if (key === 'latencyMs' && (value as number) < 0) throw new RangeError('fault "latencyMs" must not be negative');
    out[key] = value as number | boolean;
  }
  return out as Partial<FaultSettings>;
}

export class FaultController implements SandboxFaults {
  private global: Partial<FaultSettings> = {};
  private readonly byAction = new Map<string, Partial<FaultSettings>>();
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed ^ 0x5eed);
  }

  set(faults: Partial<FaultSettings>, scope?: FaultScope): void {
    const checked = validateFaults(faults as Record<string, unknown>);
    if (scope?.action) this.byAction.set(scope.action, { ...this.byAction.get(scope.action), ...checked });
    else this.global = { ...this.global, ...checked };
  }

  clear(): void {
    this.global = {};
    this.byAction.clear();
  }

  /** The settings that apply to one request: action overrides win over the global ones. */
  effective(action: string | undefined): FaultSettings {
    return { ...NO_FAULTS, ...this.global, ...(action === undefined ? {} : this.byAction.get(action)) };
  }

  /** True with probability `rate`; draws nothing when the rate is 0 so unrelated requests keep the sequence. */
  chance(rate: number): boolean {
    return rate > 0 && this.random() < rate;
  }
}
