#!/usr/bin/env node
// Installs the code-server harness for each named build (`default`, `min`, `newest`), one after the
// other (each may run apt-get, which takes a lock), and writes `{ "<build>": { code, seconds } }` to
// the file MTE_HARNESS_RESULTS names after each one. `npm test` runs this in the background while the
// suites that need no VS Code run, and starts each VS Code suite once its build is there.
//
//   MTE_HARNESS_RESULTS=out.json node scripts/vscode/install-harnesses.mjs min default
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const installer = path.join(path.dirname(fileURLToPath(import.meta.url)), 'install-code-server.mjs');
const results = {};
for (const build of process.argv.slice(2)) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [installer], { stdio: 'inherit', env: { ...process.env, MTE_CODE_SERVER: build } });
  results[build] = { code: r.status ?? 1, seconds: (Date.now() - started) / 1000 };
  // After each build, so a suite that needs only this one can start while the next installs.
  if (process.env.MTE_HARNESS_RESULTS) writeFileSync(process.env.MTE_HARNESS_RESULTS, `${JSON.stringify(results)}\n`);
}
process.exit(Object.values(results).every((r) => r.code === 0) ? 0 : 1);
