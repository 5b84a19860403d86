/** One line of the benchmark table, in the shape `bench/results.json` promises to other tools. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target: string;
  readonly met: boolean;
  /** What the number is made of (runs, baseline), for the note and the README. */
  readonly detail?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function atMost(name: string, value: number, unit: string, limit: number, detail?: string): Figure {
  return { name, value: round(value), unit, target: `<= ${limit}`, met: value <= limit, detail };
}

export function atLeast(name: string, value: number, unit: string, limit: number, detail?: string): Figure {
  return { name, value: round(value), unit, target: `>= ${limit}`, met: value >= limit, detail };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
