/**
 * Keeps every tree level short: more than `limit` rows become groups by month, day or hour (local
 * time), and a single busy hour becomes numbered slices. Pure, so 10,000-row cases run under mocha.
 */
export type GroupLevel = 'month' | 'day' | 'hour' | 'slice';

export const MAX_ROWS = 200;

export interface TimeBucket {
  readonly level: GroupLevel;
  /** Inclusive start and exclusive end, epoch ms; for a slice, the range of the level it slices. */
  readonly startMs: number;
  readonly endMs: number;
  /** For a slice: its index range [from, to) in the newest-first items of that range. */
  readonly from?: number;
  readonly to?: number;
  readonly count: number;
}

export type Grouped<T> = { readonly kind: 'rows'; readonly rows: readonly T[] } | { readonly kind: 'groups'; readonly groups: readonly TimeBucket[] };

const FINER: Readonly<Record<GroupLevel, GroupLevel>> = { month: 'day', day: 'hour', hour: 'slice', slice: 'slice' };

function bucketStart(ms: number, level: Exclude<GroupLevel, 'slice'>): [number, number] {
  const d = new Date(ms);
  switch (level) {
    case 'month':
      return [new Date(d.getFullYear(), d.getMonth(), 1).getTime(), new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime()];
    case 'day':
      return [new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(), new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime()];
    case 'hour':
      return [
        new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()).getTime(),
        new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours() + 1).getTime(),
      ];
  }
}

function bucketize<T>(items: readonly T[], timeOf: (item: T) => number, level: Exclude<GroupLevel, 'slice'>): TimeBucket[] {
  const buckets = new Map<number, { startMs: number; endMs: number; count: number }>();
  for (const item of items) {
    const [startMs, endMs] = bucketStart(timeOf(item), level);
    const bucket = buckets.get(startMs);
    if (bucket) bucket.count++;
    else buckets.set(startMs, { startMs, endMs, count: 1 });
  }
  return [...buckets.values()].sort((a, b) => b.startMs - a.startMs).map((b) => ({ level, ...b }));
}

function slices(count: number, startMs: number, endMs: number, limit: number): TimeBucket[] {
  // Wider slices once even slices of `limit` would be more than `limit` rows.
  const size = Math.max(limit, Math.ceil(count / limit));
  const out: TimeBucket[] = [];
  for (let from = 0; from < count; from += size) {
    const to = Math.min(count, from + size);
    out.push({ level: 'slice', startMs, endMs, from, to, count: to - from });
  }
  return out;
}

/**
 * Rows as they are when there are few, else groups. `items` must be newest first; `level` is where
 * grouping starts (a group's children start one level finer than the group).
 */
export function groupRows<T>(items: readonly T[], timeOf: (item: T) => number, level: GroupLevel = 'day', limit = MAX_ROWS): Grouped<T> {
  if (items.length <= limit) return { kind: 'rows', rows: items };
  if (level === 'slice') {
    const times = items.map(timeOf);
    return { kind: 'groups', groups: slices(items.length, Math.min(...times), Math.max(...times) + 1, limit) };
  }
  let groups = bucketize(items, timeOf, level);
  if (groups.length === 1) return groupRows(items, timeOf, FINER[level], limit);
  if (groups.length > limit && level === 'day') groups = bucketize(items, timeOf, 'month');
  if (groups.length > limit) return groupRows(items, timeOf, 'slice', limit);
  return { kind: 'groups', groups };
}

/** The items a group stands for, newest first (`items` newest first, as given to `groupRows`). */
export function itemsOfBucket<T>(items: readonly T[], timeOf: (item: T) => number, bucket: TimeBucket): readonly T[] {
  const inRange = items.filter((item) => {
    const t = timeOf(item);
    return t >= bucket.startMs && t < bucket.endMs;
  });
  return bucket.level === 'slice' ? inRange.slice(bucket.from, bucket.to) : inRange;
}

/** What a group's children are: its items, grouped again one level finer when still too many. */
export function groupChildren<T>(items: readonly T[], timeOf: (item: T) => number, bucket: TimeBucket, limit = MAX_ROWS): Grouped<T> {
  const inside = itemsOfBucket(items, timeOf, bucket);
  return bucket.level === 'slice' ? { kind: 'rows', rows: inside } : groupRows(inside, timeOf, FINER[bucket.level], limit);
}

/** A stable id part for a bucket, unique among its siblings. */
export function bucketIdPart(bucket: TimeBucket): string {
  return bucket.level === 'slice' ? `@slice:${bucket.startMs}:${bucket.from}` : `@${bucket.level}:${bucket.startMs}`;
}
