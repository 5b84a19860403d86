// `npm ci` when node_modules is missing or no longer matches package-lock.json (another engineer
// added a package, a branch switch). Compares the lockfile with npm's own record of what it installed
// (node_modules/.package-lock.json); packages optional for other platforms are not expected.
// Uses nothing outside Node, so it runs before any install.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Why node_modules needs `npm ci`, or undefined when it matches the lockfile. */
export function nodeModulesStale() {
  const lockPath = path.join(root, 'package-lock.json');
  const installedPath = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installedPath)) return 'node_modules is missing';
  if (!existsSync(lockPath)) return undefined;
  let lock;
  let installed;
  try {
    lock = JSON.parse(readFileSync(lockPath, 'utf8'));
    installed = JSON.parse(readFileSync(installedPath, 'utf8'));
  } catch (err) {
    return `unreadable lockfile (${err.message})`;
  }
  for (const [key, want] of Object.entries(lock.packages ?? {})) {
    if (key === '' || !key.startsWith('node_modules/')) continue;
    const have = installed.packages?.[key];
    if (!have) {
      if (want.optional || want.devOptional) continue; // another platform's optional binary
      return `${key.slice('node_modules/'.length)} is not installed`;
    }
    if (want.version && have.version !== want.version) return `${key.slice('node_modules/'.length)} is ${have.version}, the lockfile wants ${want.version}`;
  }
  return undefined;
}

/** Runs `npm ci` when needed; returns the seconds it took (0 when nothing was done). */
export function ensureNodeModules(log = (m) => console.log(m)) {
  const why = nodeModulesStale();
  if (!why) return 0;
  log(`[deps] ${why}: npm ci`);
  const started = Date.now();
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm ci failed: Node 20 and access to the npm registry are needed');
  return (Date.now() - started) / 1000;
}
