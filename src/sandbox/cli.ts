/**
 * `npm run sandbox [-- --port N] [--seed N] [--tencent-signed-host request|sandbox|vendor] [--callback-url URL]`:
 * prints one JSON line `{ url, credentials }` on stdout, logs on stderr, and stops on SIGINT or SIGTERM.
 * `--callback-url` (a loopback http URL) gets the demo tasks' signed recording callbacks from the start.
 * `--tencent-signed-host` names the host Tencent signatures must be for: `sandbox` its own address (as a
 * private deployment checks), `vendor` Tencent Cloud's (as behind a forwarding gateway), `request`
 * (the default) whatever Host arrives.
 */
import type { Logger } from '../model/logger';
import { startSandbox } from './index';
import type { TencentSignedHost } from './types';

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

function signedHostOption(args: readonly string[]): TencentSignedHost | undefined {
  const i = args.indexOf('--tencent-signed-host');
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value !== 'request' && value !== 'sandbox' && value !== 'vendor') throw new Error('--tencent-signed-host is request, sandbox or vendor');
  return value;
}

function stringOption(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const callbackUrl = stringOption(args, '--callback-url');
  const sandbox = await startSandbox({
    port: intOption(args, '--port'),
    seed: intOption(args, '--seed'),
    tencentSignedHost: signedHostOption(args),
    logger: stderrLogger,
  });
  if (callbackUrl !== undefined) {
    try {
      sandbox.callbacks.register(callbackUrl);
    } catch (err) {
      await sandbox.close();
      throw err;
    }
  }
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
