#!/usr/bin/env node
// Bundles the extension with esbuild. `--production` minifies (what the VSIX ships);
// the default keeps source maps for debugging. `--watch` rebuilds on every change (`npm run watch`,
// the F5 launch config's background task): it prints `[watch] build started` / `[watch] build
// finished` around each build and esbuild's errors as `file:line:column: error: message` in between,
// which is what the problem matcher in .vscode/tasks.json reads.
//
// dist/webview/*.js are the webview pages' scripts, bundled for the browser with the pure chart
// modules they import from src/webview/charts (one file per page, loaded under the page's nonce).
//
// Two extension outputs: dist/extension.js; dist/sandbox.js, the embedded sandbox, which only "Try the
// Sandbox" needs and the extension requires lazily, so activation never parses it. (Proxying is VS Code's
// own: src/vendors/shared/agents.ts.)
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const shims = path.join(path.dirname(fileURLToPath(import.meta.url)), 'shims');

/** Lazy loads of `specifier` from `importer` become runtime requires of a file beside dist/extension.js. */
const separateFile = (importer, specifier, file) => ({
  name: `separate-file:${file}`,
  setup(build) {
    const filter = new RegExp(`^${specifier.replace(/[./]/g, '\\$&')}$`);
    build.onResolve({ filter }, (args) => (args.importer.endsWith(path.join(...importer.split('/'))) ? { path: `./${file}`, external: true } : undefined));
  },
});
const lazyFiles = [separateFile('src/sources/embeddedSandbox.ts', '../sandbox', 'sandbox.js')];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  alias: { 'whatwg-url': path.join(shims, 'whatwg-url.cjs') },
  legalComments: 'none',
  charset: 'utf8',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
};

const webview = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  legalComments: 'none',
  charset: 'utf8',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
};

// dist/proxy.js (the proxy agents, before proxying was left to VS Code) is built no more; a copy left by
// an older build would otherwise be packaged, and package.mjs refuses files outside its allowlist.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const stale of ['proxy.js', 'proxy.js.map']) rmSync(path.join(root, 'dist', stale), { force: true });

const bundles = [
  { ...webview, entryPoints: ['media/webview/details.js', 'media/webview/room.js'], outdir: 'dist/webview' },
  // A plain require for the lazy files: dynamic import() of a CommonJS file gives a namespace object.
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: lazyFiles, supported: { 'dynamic-import': false } },
  { ...common, entryPoints: ['src/sandbox/index.ts'], outfile: 'dist/sandbox.js' },
];

/**
 * Reports rebuilds in the lines the tasks.json problem matcher reads: one `started` when the first of
 * the bundles starts, one `finished` when the last of them is done (so F5 waits for all of them).
 */
let building = 0;
let errors = 0;
const watchReporter = {
  name: 'watch-reporter',
  setup(build) {
    build.onStart(() => {
      if (building++ === 0) {
        errors = 0;
        console.log('[watch] build started');
      }
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(location ? `${location.file}:${location.line}:${location.column + 1}: error: ${text}` : `error: ${text}`);
      }
      errors += result.errors.length;
      if (--building === 0) console.log(`[watch] build finished (${errors} errors)`);
    });
  },
};

if (watch) {
  const contexts = await Promise.all(
    bundles.map((options) => esbuild.context({ ...options, logLevel: 'silent', plugins: [...(options.plugins ?? []), watchReporter] })),
  );
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  const stop = () => void Promise.all(contexts.map((ctx) => ctx.dispose())).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
}
