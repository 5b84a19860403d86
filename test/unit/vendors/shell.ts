/** Running a copied command the way a user pastes it into bash, and skipping (never installing) when the tools are not there. */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

/** What the curl forms need: bash runs them, curl sends them, openssl signs the self-signing ones. */
const SHELL_TOOLS = ['bash', 'curl', 'openssl'] as const;

/** Runs a script with only PATH and `env` set; asynchronous, so an in-process sandbox can answer. */
export async function runBash(script: string, env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)('bash', ['--norc', '--noprofile', '-c', script], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return stdout;
}

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** In a `before` hook: skips the suite, saying which tool is missing, when bash, curl or openssl is not on PATH. */
export function skipWithoutShellTools(context: Mocha.Context): void {
  const missing = SHELL_TOOLS.filter((tool) => !onPath(tool));
  if (missing.length === 0) return;
  console.warn(`  SKIPPED "${context.test?.parent?.fullTitle() ?? ''}": ${missing.join(', ')} not on PATH (the test installs nothing)`);
  context.skip();
}
