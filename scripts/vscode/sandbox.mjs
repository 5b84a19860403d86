// Starts the project's sandbox (the local emulator of the vendor APIs) as a child process through its
// CLI (`src/sandbox/cli.ts`, run with tsx) and reads the one JSON line it prints: {url, credentials}.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { root } from './paths.mjs';
import { endProcessGroup, ownProcessGroup, signalGroup } from './processGroups.mjs';

export const sandboxCli = path.join(root, 'src', 'sandbox', 'cli.ts');

/**
 * @returns {Promise<{url: string, credentials: unknown, info: any, stop: () => Promise<void>} | undefined>}
 *   undefined when the sandbox CLI does not exist yet (callers warn; tests that need it fail visibly).
 */
export async function startSandbox({ port = 0, timeoutMs = 30_000, echo = false } = {}) {
  if (!existsSync(sandboxCli)) {
    console.warn(`[sandbox] ${path.relative(root, sandboxCli)} does not exist yet: MTE_SANDBOX_URL is not set`);
    return undefined;
  }
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [sandboxCli, '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
    detached: true,
  });
  const stderr = [];
  child.stderr.on('data', (c) => {
    stderr.push(c.toString());
    if (echo) process.stderr.write(c);
  });
  const forget = ownProcessGroup(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => (forget(), resolve({ code, signal }))));
  const lines = readline.createInterface({ input: child.stdout });
  const info = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox printed no JSON line within ${timeoutMs} ms\n${stderr.join('')}`)), timeoutMs);
    lines.on('line', (line) => {
      if (echo) console.log(`[sandbox] ${line}`);
      const t = line.trim();
      if (!t.startsWith('{')) return;
      try {
        const parsed = JSON.parse(t);
        if (typeof parsed.url === 'string') {
          clearTimeout(timer);
          resolve(parsed);
        }
      } catch {
        /* not the JSON line */
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited (${code ?? signal}) before printing its URL\n${stderr.join('')}`));
    });
  }).catch(async (err) => {
    signalGroup(child, 'SIGKILL');
    throw err;
  });
  let stopping;
  const stop = () => {
    stopping ??= endProcessGroup(child, exited, 3000);
    return stopping;
  };
  return { url: info.url, credentials: info.credentials, info, stop };
}
