// Where the proof harness keeps its caches and run folders (all git-ignored).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';
export const vscodeTestDir = path.join(root, '.vscode-test');
export const codeServerDir = path.join(vscodeTestDir, 'code-server');
export const codeServerPkg = path.join(codeServerDir, 'node_modules', 'code-server');
export const codeServerBin = path.join(codeServerDir, 'node_modules', '.bin', 'code-server');
export const codeServerMarker = path.join(codeServerDir, '.installed');
export const testResultsDir = path.join(root, 'test-results');

// Debian's chromium, the browser playwright-core drives (its own browser downloads fail offline): where
// it is and the flags it needs with no outside network, in a JSON file the e2e harness (TS) reads too.
const chromiumSettings = JSON.parse(readFileSync(new URL('./chromium.json', import.meta.url), 'utf8'));
export const chromiumCandidates = chromiumSettings.candidates;
export const chromiumArgs = chromiumSettings.args;
