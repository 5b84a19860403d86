/**
 * Clock-skew healing. Both vendors reject signatures whose timestamp is too far from server time
 * (Tencent ±300 s, ZEGO ±600 s). When they do, the response's `Date` header tells us the server's
 * clock; we keep the difference per host and sign every later call to that host with it.
 * Local time is always an argument, so a client with an injected clock stays consistent.
 */
export class ClockOffsets {
  private readonly offsets = new Map<string, number>();

  /** Server-corrected time for `host`, Unix epoch ms. */
  serverNow(host: string, localNowMs: number): number {
    return localNowMs + this.offset(host);
  }

  offset(host: string): number {
    return this.offsets.get(host) ?? 0;
  }

  /**
   * Learns the offset from an HTTP `Date` header (second resolution, which is ample against a
   * minutes-wide tolerance). Returns false when the header is missing or unparsable.
   */
  learn(host: string, dateHeader: string | undefined, localNowMs: number): boolean {
    const serverMs = dateHeader ? Date.parse(dateHeader) : NaN;
    if (!Number.isFinite(serverMs)) return false;
    this.offsets.set(host, serverMs - localNowMs);
    return true;
  }
}

/** The process-wide offsets, so one healed call fixes every account talking to that host. */
export const sharedClockOffsets = new ClockOffsets();
