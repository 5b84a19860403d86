#!/usr/bin/env node
// Bundles the extension with esbuild. `--production` minifies (what the VSIX ships);
// the default keeps source maps for debugging.
//
// dist/webview/*.js are the webview pages' scripts, bundled for the browser with the pure chart
// modules they import from src/webview/charts (one file per page, loaded under the page's nonce).
//
// Three extension outputs: dist/extension.js; dist/sandbox.js, the embedded sandbox, which only "Try the
// Sandbox" needs; dist/proxy.js, the proxy agents, which only an http.proxy setting needs. The
// extension requires both lazily, so activation never parses them.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const shims = path.join(path.dirname(fileURLToPath(import.meta.url)), 'shims');

/** Lazy loads of `specifier` from `importer` become runtime requires of a file beside dist/extension.js. */
const separateFile = (importer, specifier, file) => ({
  name: `separate-file:${file}`,
  setup(build) {
    const filter = new RegExp(`^${specifier.replace(/[./]/g, '\\$&')}$`);
    build.onResolve({ filter }, (args) => (args.importer.endsWith(path.join(...importer.split('/'))) ? { path: `./${file}`, external: true } : undefined));
  },
});
const lazyFiles = [
  separateFile('src/sources/embeddedSandbox.ts', '../sandbox', 'sandbox.js'),
  separateFile('src/vendors/shared/agents.ts', './proxyAgents', 'proxy.js'),
];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  alias: { 'whatwg-url': path.join(shims, 'whatwg-url.cjs'), debug: path.join(shims, 'debug.cjs') },
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

await Promise.all([
  esbuild.build({ ...webview, entryPoints: ['media/webview/details.js', 'media/webview/room.js'], outdir: 'dist/webview' }),
  // A plain require for the lazy files: dynamic import() of a CommonJS file gives a namespace object.
  esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: lazyFiles, supported: { 'dynamic-import': false } }),
  esbuild.build({ ...common, entryPoints: ['src/sandbox/index.ts'], outfile: 'dist/sandbox.js' }),
  esbuild.build({ ...common, entryPoints: ['src/vendors/shared/proxyAgents.ts'], outfile: 'dist/proxy.js' }),
]);
