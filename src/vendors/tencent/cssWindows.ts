/**
 * CSS listing windows, walked newest first (see `CssListingSource.list`). Pure: the listing says
 * how many new tasks each window held, and the walk sizes the next window from the density seen.
 */

/** DescribeRecordTask accepts a window of at most 7 days. */
export const CSS_MAX_WINDOW_SEC = 7 * 86_400;
/**
 * CSS lists the tasks whose start AND end lie within the window, and a record task lasts at most
 * 24 hours (CreateRecordTask): a window that reaches a day past a boundary holds every task that
 * straddles it.
 */
export const CSS_MAX_TASK_SEC = 86_400;
/** The newest window looks this far back (plus the day ahead): where running tasks and the latest are. */
export const FIRST_STEP_SEC = 3_600;
const MIN_STEP_SEC = 60;
/** A window spans its step plus the day past its boundary, within the 7 days. */
const MAX_STEP_SEC = CSS_MAX_WINDOW_SEC - CSS_MAX_TASK_SEC;

/** One window, whole seconds; tasks starting at or after `listedFrom` were listed by a newer window. */
export interface CssWindow {
  readonly start: number;
  readonly end: number;
  readonly listedFrom: number;
}

export class NewestFirstWalk {
  /** Tasks starting at or after it have been covered. */
  private boundary: number;
  /** Where coverage began: the density is counted from here down to `boundary`. */
  private readonly top: number;
  private step = FIRST_STEP_SEC;
  private yielded = 0;

  /**
   * @param start oldest start to cover (s)
   * @param end newest end to cover (s)
   * @param batch tasks a load takes; each window aims to complete the current load
   */
  constructor(
    private readonly start: number,
    private readonly end: number,
    private readonly batch: number,
  ) {
    this.top = Math.max(start, end - CSS_MAX_TASK_SEC);
    this.boundary = this.top;
  }

  /** The newest window: the last hour (or the whole range when shorter) up to the end. */
  first(): CssWindow {
    return this.advance(this.end, Number.POSITIVE_INFINITY);
  }

  /** The listing found this many tasks new to it in the current window. */
  counted(n: number): void {
    this.yielded += n;
  }

  /** The next older window, or `undefined` once the range is covered. */
  next(): CssWindow | undefined {
    if (this.boundary <= this.start) return undefined;
    const span = this.top - this.boundary;
    const density = span > 0 ? this.yielded / span : 0;
    const want = this.batch - (this.yielded % this.batch);
    // Nothing seen yet: widen fast; otherwise aim at the rest of the current load.
    this.step = density > 0 ? Math.round(want / density) : this.step * 4;
    return this.advance(Math.min(this.end, this.boundary + CSS_MAX_TASK_SEC), this.boundary);
  }

  private advance(end: number, listedFrom: number): CssWindow {
    const step = Math.min(MAX_STEP_SEC, Math.max(MIN_STEP_SEC, this.step));
    const start = Math.max(this.start, this.boundary - step);
    this.boundary = start;
    return { start, end, listedFrom };
  }
}
