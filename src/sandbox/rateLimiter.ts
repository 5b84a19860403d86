/**
 * The vendors' limit: at most N requests per wall-clock second (`floor(arrivalMs / 1000)`) for each
 * (credential, action). Rejected requests do not use up the budget.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { second: number; count: number }>();

  constructor(private readonly perSecond: number) {}

  /** Takes one request's place; false when the second is already full. */
  tryTake(key: string, arrivalMs: number): boolean {
    const second = Math.floor(arrivalMs / 1000);
    const window = this.windows.get(key);
    if (!window || window.second !== second) {
      this.windows.set(key, { second, count: 1 });
      return true;
    }
    if (window.count >= this.perSecond) return false;
    window.count++;
    return true;
  }
}
