/**
 * What a user feels while the ledger works: the longest the event loop was blocked (the extension
 * host cannot answer VS Code meanwhile), the bytes this process wrote, and CPU against wall time.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** Runs `work` while a setImmediate ticker records the longest gap between its turns (ms). */
export async function withStalls<T>(work: () => Promise<T> | T): Promise<{ result: T; longestStallMs: number; elapsedMs: number }> {
  let longest = 0;
  let running = true;
  let last = performance.now();
  const ticker = (async () => {
    while (running) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }
  })();
  const started = performance.now();
  // Synchronous work counts as a stall too: it runs before the ticker's next turn.
  last = started;
  const result = await work();
  const elapsedMs = performance.now() - started;
  longest = Math.max(longest, performance.now() - last);
  running = false;
  await ticker;
  return { result, longestStallMs: longest, elapsedMs };
}

/** Bytes this process has handed to write(2) so far (Linux `/proc/self/io`, `wchar`). */
export function bytesWritten(): number {
  const match = /^wchar:\s*(\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
  if (!match) throw new Error('/proc/self/io has no wchar line');
  return Number(match[1]);
}

/** Event-loop delay percentiles and CPU share while `work` runs. */
export async function withLoopDelay<T>(work: () => Promise<T>): Promise<{ result: T; p99Ms: number; cpuShare: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  histogram.disable();
  return { result, p99Ms: histogram.percentile(99) / 1e6, cpuShare: (used.user + used.system) / 1000 / wallMs };
}
