// Starts and stops code-server (VS Code served to a browser; MTE_CODE_SERVER picks which, paths.mjs) for
// the harness and the demo.
// Each start gets fresh user-data and extensions folders under .vscode-test/, a settings.json written
// beforehand, a free port on 127.0.0.1, and the given environment (which reaches the extension host).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CODE_SERVER_VERSION, VSCODE_VERSION, codeServerBin, codeServerEnv, codeServerPkg, vscodeTestDir } from './paths.mjs';
import { endProcessGroup, ownProcessGroup, signalGroup } from './processGroups.mjs';

/** Settings that keep a test VS Code quiet and offline-friendly. */
export const quietSettings = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'window.restoreWindows': 'none',
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * An extension gallery on a closed loopback port, for test runs. code-server's default gallery is
 * open-vsx.org, which the workbench queries on its own (a POST to …/extensionquery, seen when the e2e
 * xss spec ran alone on 1.139.1): that request left the machine, and the spec asserts nothing does.
 * Nothing listens on port 9 (discard), so the query fails at once.
 */
export const offlineGalleryEnv = {
  EXTENSIONS_GALLERY: JSON.stringify({
    serviceUrl: 'http://127.0.0.1:9/vscode/gallery',
    itemUrl: 'http://127.0.0.1:9/vscode/item',
    resourceUrlTemplate: 'http://127.0.0.1:9/vscode/unpkg/{publisher}/{name}/{version}/{path}',
  }),
};

/**
 * Server arguments a workbench needs to honour the `payload` query's extensionDevelopmentPath and
 * extensionTestsPath (how the integration suite hands its tests over), read from the installed build.
 *
 * Up to VS Code 1.100 the web workbench always honoured them. Newer ones (1.139.1 here) honour them in a
 * built workbench only with the smoke-test driver enabled: BrowserWorkbenchEnvironmentService's
 * resolveExtensionHostDebugEnvironment() reads the payload `if (this.payload && (!this.isBuilt ||
 * this.enableSmokeTestDriver))`, and enableSmokeTestDriver comes from the server's
 * `--enable-smoke-test-driver` (webClientServer's developmentOptions). Without it the workbench opens with
 * no development extension and no tests, and the run waits for a results file that never comes.
 * code-server's own CLI rejects that flag ("Unknown option"); the builds that need it pass VS Code
 * options through with `--vscode-option NAME`, which older builds do not know (and do not need).
 */
export function developmentPayloadServerArgs() {
  const read = (rel) => {
    const file = path.join(codeServerPkg, rel);
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  };
  const passThrough = /["']vscode-option["']\s*:/.test(read('out/node/cli.js'));
  const gated = /\(!this\.isBuilt\|\|this\.enableSmokeTestDriver\)/.test(read('lib/vscode/out/vs/code/browser/workbench/workbench.js'));
  if (passThrough) return ['--vscode-option', 'enable-smoke-test-driver'];
  if (gated)
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) runs extension tests from the payload only with ` +
        '--enable-smoke-test-driver, and its CLI has no --vscode-option to pass that flag to VS Code',
    );
  return [];
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Fresh run folders under .vscode-test/runs/<name>/: user-data (with User/settings.json), extensions,
 * a workspace folder, and the code-server config file (so nothing is written to ~/.config).
 */
export function prepareRunDirs(name, { settings = {}, fresh = true, extensionsDir } = {}) {
  const base = path.join(vscodeTestDir, 'runs', name);
  if (fresh) rmSync(base, { recursive: true, force: true });
  const dirs = {
    base,
    userDataDir: path.join(base, 'user-data'),
    extensionsDir: extensionsDir ?? path.join(base, 'extensions'),
    workspace: path.join(base, 'workspace'),
    configFile: path.join(base, 'config.yaml'),
    logFile: path.join(base, 'code-server.log'),
  };
  for (const d of [dirs.userDataDir, dirs.extensionsDir, dirs.workspace]) mkdirSync(d, { recursive: true });
  mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, 2) + '\n');
  writeFileSync(dirs.configFile, 'auth: none\ncert: false\n');
  writeFileSync(path.join(dirs.workspace, 'README.md'), '# Media Task Explorer test workspace\n');
  return dirs;
}

/** Installs a VSIX into an extensions folder, offline. */
export function installVsix(vsix, dirs) {
  const r = spawnSync(
    codeServerBin,
    ['--config', dirs.configFile, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, '--install-extension', vsix, '--force'],
    { encoding: 'utf8', env: codeServerEnv({ ...process.env, XDG_CONFIG_HOME: path.join(dirs.base, 'xdg-config') }) },
  );
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsix} into code-server failed (exit ${r.status}):\n${out}`);
  }
  return out.trim();
}

async function waitReady(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
      lastErr = new Error(`healthz ${res.status}`);
    } catch (err) {
      lastErr = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not become ready at ${url} within ${timeoutMs} ms: ${lastErr?.message}`);
}

/**
 * Starts code-server and resolves once /healthz answers.
 * @param {object} o
 * @param {ReturnType<typeof prepareRunDirs>} o.dirs
 * @param {Record<string,string>} [o.env] extra environment for the server and so the extension host
 * @param {number} [o.port] default: a free port
 * @param {boolean} [o.echo] also copy code-server's output to this process's stdout
 * @param {string[]} [o.extraArgs]
 * @param {boolean} [o.developmentPayload] the workbench will be opened with a `payload` naming a development
 *   extension (extensionDevelopmentPath) and maybe tests (extensionTestsPath): adds what this build needs for it
 */
export async function startCodeServer({ dirs, env = {}, port, echo = false, extraArgs = [], developmentPayload = false, readyTimeoutMs = 60_000 }) {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    '--config',
    dirs.configFile,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    dirs.userDataDir,
    '--extensions-dir',
    dirs.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(developmentPayload ? developmentPayloadServerArgs() : []),
    ...extraArgs,
    dirs.workspace,
  ];
  const log = createWriteStream(dirs.logFile, { flags: 'a' });
  // code-server listens on $PORT when it is set, whatever --bind-addr says (`PORT=0 npm run demo`).
  const { PORT: _port, ...inherited } = process.env;
  const child = spawn(codeServerBin, args, {
    env: codeServerEnv({ ...inherited, XDG_CONFIG_HOME: path.join(dirs.base, 'xdg-config'), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() ends the extension host and watchers with it
  });
  const output = [];
  const onData = (chunk) => {
    log.write(chunk);
    output.push(chunk.toString());
    if (output.length > 400) output.splice(0, output.length - 400);
    if (echo) process.stdout.write(chunk);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const forget = ownProcessGroup(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => (forget(), resolve({ code, signal }))));
  try {
    await waitReady(url, child, readyTimeoutMs);
  } catch (err) {
    signalGroup(child, 'SIGKILL');
    throw new Error(`${err.message}\n--- code-server output ---\n${output.join('')}`);
  }

  /** The workbench URL for the folder, with an optional `payload` (extension development / tests). */
  const workbenchUrl = ({ folder = dirs.workspace, payload } = {}) => {
    const q = new URLSearchParams({ folder });
    if (payload) q.set('payload', JSON.stringify(payload));
    return `${url}/?${q.toString()}`;
  };
  /** vscode-remote URI of a path on this machine, as the payload wants it. */
  const remoteUri = (absPath) => `vscode-remote://127.0.0.1:${port}${absPath}`;

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      await endProcessGroup(child, exited, 5000);
      await new Promise((r) => log.end(r));
    })();
    return stopping;
  };
  return { url, port, child, dirs, vscodeVersion: VSCODE_VERSION, workbenchUrl, remoteUri, stop, exited, output: () => output.join('') };
}
