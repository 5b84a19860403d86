/**
 * `npm run sandbox [-- --port N] [--seed N]`: prints one JSON line `{ url, credentials }` on stdout,
 * logs on stderr, and stops on SIGINT or SIGTERM.
 */
import type { Logger } from '../model/logger';
import { startSandbox } from './index';

function intOption(args: readonly string[], name: string): number | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = Number(args[i + 1]);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} needs a non-negative integer`);
  return value;
}

const stderrLogger: Logger = {
  trace: () => undefined,
  debug: (m) => process.stderr.write(`[debug] ${m}\n`),
  info: (m) => process.stderr.write(`[info] ${m}\n`),
  warn: (m) => process.stderr.write(`[warn] ${m}\n`),
  error: (m) => process.stderr.write(`[error] ${m instanceof Error ? (m.stack ?? m.message) : m}\n`),
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sandbox = await startSandbox({ port: intOption(args, '--port'), seed: intOption(args, '--seed'), logger: stderrLogger });
  process.stdout.write(`${JSON.stringify({ url: sandbox.url, credentials: sandbox.demo() })}\n`);
  const stop = () => {
    stderrLogger.info('sandbox: stopping');
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  stderrLogger.error(err instanceof Error ? err : String(err));
  process.exit(1);
});
