#!/usr/bin/env node
// `npm run demo`: installs what is missing, builds, starts the sandbox (the local emulator of the
// vendor APIs) and a real VS Code with the extension loaded and pointed at the sandbox, prints where to
// open it, and keeps running until Ctrl-C.
//
//   default / MTE_VSCODE=code-server: code-server (VS Code 1.100.3; MTE_CODE_SERVER=min|newest for others) on 127.0.0.1, the packaged VSIX
//                                     installed; open the printed URL in a browser.
//   MTE_VSCODE=electron:              desktop VS Code downloaded by @vscode/test-electron, with
//                                     --extensionDevelopmentPath (needs internet and a display).
//   MTE_DEMO_DEV=1:                   code-server with the source tree as the development extension
//                                     (no packaging; the URL carries a `payload`).
//   PORT=8080:                        the code-server port (default: 8080 when free, else any free port).
//   --hostile-strings / MTE_DEMO_HOSTILE_STRINGS=1: also the sandbox's "Hostile strings" apps (test data
//                                     for escaping); the default demo shows realistic accounts only.
//
// The VS Code process gets MTE_DEMO=1 and MTE_SANDBOX_URL: with them the extension adds the sandbox's
// demo accounts (and their callback keys) by itself. The user settings also point both vendors' endpoints at
// the sandbox and turn the extension's callback receiver on, at a free port the sandbox sends its signed
// recording callbacks to (until VS Code is up they fail, and the vendors' retry rules apply).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureNodeModules } from './ensure-deps.mjs';
import { root, vscodeTestDir } from './vscode/paths.mjs';

const log = (m) => console.log(`[demo] ${m}`);

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Asks the sandbox to send its demo tasks' signed callbacks to the extension's receiver. */
async function registerCallbackTarget(sandboxUrl, url, hostileStrings) {
  const res = await fetch(`${sandboxUrl}/_sandbox/callbacks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url, hostileStrings }),
  });
  if (!res.ok) throw new Error(`the sandbox refused the callback target ${url}: ${await res.text()}`);
  log(`sandbox callbacks go to the extension's receiver at ${url}`);
}

// Everything started so far, stopped in reverse order on Ctrl-C, SIGTERM or a failure: the sandbox and
// code-server run in their own process groups, so nothing else would end them.
const stops = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  log('stopping');
  for (const s of stops.reverse()) await s().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

/** Registers what was just started; when a stop was asked for meanwhile, it ends at once. */
async function started(stop) {
  stops.push(stop);
  if (stopping) {
    await stop().catch(() => undefined);
    await new Promise(() => undefined); // stopAll exits the process
  }
}

async function main() {
  ensureNodeModules((m) => log(m));
  // Loaded after npm ci: these import esbuild / @vscode packages.
  const { ensureHarness } = await import('./vscode/install-code-server.mjs');
  const { freePort, installVsix, prepareRunDirs, startCodeServer } = await import('./vscode/codeServer.mjs');
  const { buildExtension } = await import('./vscode/integration.mjs');
  const { startSandbox } = await import('./vscode/sandbox.mjs');

  const mode = (process.env.MTE_VSCODE ?? 'code-server').toLowerCase();
  const dev = process.env.MTE_DEMO_DEV === '1' || mode === 'electron';
  if (mode !== 'electron') ensureHarness({ browser: false });

  let vsix;
  if (dev) {
    buildExtension();
  } else {
    const { packageVsix } = await import('./package.mjs');
    vsix = packageVsix({ quiet: true });
  }

  const sandbox = await startSandbox();
  if (!sandbox) throw new Error('the sandbox CLI (src/sandbox/cli.ts) is missing');
  await started(() => sandbox.stop());
  log(`sandbox on ${sandbox.url}`);
  const env = { MTE_DEMO: '1', MTE_SANDBOX_URL: sandbox.url };
  const hostileStrings = process.argv.includes('--hostile-strings') || process.env.MTE_DEMO_HOSTILE_STRINGS === '1';
  const receiverPort = await freePort();
  await registerCallbackTarget(sandbox.url, `http://127.0.0.1:${receiverPort}/`, hostileStrings);
  const settings = {
    'mediaTasks.endpoints.tencent': sandbox.url,
    'mediaTasks.endpoints.zego': sandbox.url,
    'mediaTasks.sandbox.hostileStrings': hostileStrings,
    'mediaTasks.callbacks.receiver.enabled': true,
    'mediaTasks.callbacks.receiver.port': receiverPort,
    'workbench.startupEditor': 'none',
  };

  if (mode === 'electron') {
    const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
    const exe = await downloadAndUnzipVSCode(process.env.MTE_ELECTRON_VERSION ?? 'stable');
    const base = path.join(vscodeTestDir, 'runs', 'demo-electron');
    const workspace = path.join(base, 'workspace');
    mkdirSync(path.join(base, 'user-data', 'User'), { recursive: true });
    mkdirSync(workspace, { recursive: true });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(base, 'user-data', 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    const child = spawn(
      exe,
      [
        workspace,
        `--extensionDevelopmentPath=${root}`,
        `--user-data-dir=${path.join(base, 'user-data')}`,
        `--extensions-dir=${path.join(base, 'extensions')}`,
        '--disable-workspace-trust',
        '--new-window',
      ],
      { stdio: 'inherit', env: { ...process.env, ...env } },
    );
    stops.push(async () => child.kill('SIGTERM'));
    log('desktop VS Code started with the extension; close it or press Ctrl-C to stop');
    child.on('exit', () => void stopAll(0));
    return;
  }

  const dirs = prepareRunDirs('demo', { settings });
  if (vsix) installVsix(vsix, dirs);
  // PORT=0 (or a port in use): any free port.
  const wanted = Number(process.env.PORT ?? 8080);
  const port = wanted > 0 && (await portIsFree(wanted)) ? wanted : await freePort();
  const cs = await startCodeServer({ dirs, env, port });
  await started(() => cs.stop());
  const url = dev ? cs.workbenchUrl({ payload: [['extensionDevelopmentPath', cs.remoteUri(root)]] }) : cs.workbenchUrl();
  console.log('');
  console.log(`Open ${url}`);
  console.log('');
  log(`code-server (VS Code ${cs.vscodeVersion}) on ${cs.url}, extension ${vsix ? path.relative(root, vsix) : 'from source'}; Ctrl-C stops`);
  log(`click "Media Tasks" in the activity bar; logs: ${path.relative(root, dirs.logFile)}`);
  // `exited` only resolves.
  void cs.exited.then(({ code }) => {
    if (!stopping) {
      console.error(`[demo] code-server exited (${code}); see ${dirs.logFile}`);
      void stopAll(1);
    }
  });
}

main().catch((err) => {
  console.error(`[demo] FAILED: ${err.message}`);
  void stopAll(1);
});
