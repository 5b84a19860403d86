/**
 * The one piece of demo state that is stored rather than computed: which tasks a stop action ended,
 * and when (sandbox clock). A task's state functions consult it, so a stopped task moves on through
 * its vendor's real states and stopping it again gets the vendor's "already over" answer.
 */
export class StopLedger {
  private readonly stoppedAt = new Map<string, number>();

  /** Records the stop of `taskId` at `nowMs`; the first stop wins. */
  record(taskId: string, nowMs: number): void {
    if (!this.stoppedAt.has(taskId)) this.stoppedAt.set(taskId, nowMs);
  }

  /** When `taskId` was stopped, if it was by `nowMs` (an injected clock may be moved back). */
  stopTime(taskId: string, nowMs: number): number | undefined {
    const at = this.stoppedAt.get(taskId);
    return at !== undefined && at <= nowMs ? at : undefined;
  }
}
