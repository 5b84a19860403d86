#!/usr/bin/env node
// `npm run package`: a production (minified) build and a VSIX made by @vscode/vsce with
// `--no-dependencies` (the bundle carries its dependencies). The `.vscodeignore` allowlist decides
// what goes in; this script checks the file list against it before packaging. It builds first:
// `vsce ls` lists what is on disk and never runs `vscode:prepublish`, so in a fresh clone (no dist/)
// the check would otherwise fail before anything was built.
//   node scripts/package.mjs [--out file.vsix]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './vscode/paths.mjs';

const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
const allowed = [
  /^dist\/(extension|sandbox)\.js$/,
  /^dist\/webview\/(details|room)\.js$/,
  /^media\/icons\//,
  /^media\/webview\/.*\.css$/,
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE(\.txt|\.md)?$/,
  /^package\.nls(\.[\w-]+)?\.json$/,
  /^l10n\//,
];

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

export function vsixPath() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return path.join(root, `${pkg.name}-${pkg.version}.vsix`);
}

/** The production bundle `vsce package` would ship (it runs the same build again as `vscode:prepublish`). */
function buildProduction() {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the production build (scripts/build.mjs --production) failed:\n${r.stdout ?? ''}${r.stderr ?? ''}`);
}

function vsceRun(args) {
  const r = spawnSync(vsce, args, { cwd: root, encoding: 'utf8', env: { ...process.env } });
  return { code: r.status ?? 1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** Builds the VSIX (vsce runs `vscode:prepublish`, the production build) and returns its path. */
export function packageVsix({ out = vsixPath(), quiet = false } = {}) {
  const say = (m) => {
    if (!quiet) console.log(`[package] ${m}`);
  };
  buildProduction();
  const ls = vsceRun(['ls', '--no-dependencies']);
  if (ls.code !== 0) throw new Error(`vsce ls failed:\n${ls.out}`);
  const files = ls.out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(npm warn|>|Executing prepublish|$)/i.test(l) && !l.startsWith('node '));
  const stray = files.filter((f) => !allowed.some((re) => re.test(f)));
  if (stray.length > 0) throw new Error(`files outside the .vscodeignore allowlist would be packaged:\n  ${stray.join('\n  ')}`);
  for (const must of [
    'dist/extension.js',
    'dist/sandbox.js',
    'dist/webview/details.js',
    'dist/webview/room.js',
    'package.json',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
  ]) {
    if (!files.includes(must)) throw new Error(`${must} would be missing from the VSIX (files: ${files.join(', ')})`);
  }
  // A new media file that the allowlist leaves out is most likely a mistake: say so before shipping.
  const leftOut = listFiles(path.join(root, 'media'))
    .map((f) => path.relative(root, f).split(path.sep).join('/'))
    // (the page scripts' sources are bundled into dist/webview and stay out)
    .filter((f) => !files.includes(f) && !/^media\/screenshots\/|^media\/webview\/.*\.js$|\.d\.ts$|tsconfig\.json$/.test(f));
  if (leftOut.length > 0) throw new Error(`media files the .vscodeignore allowlist leaves out of the VSIX:\n  ${leftOut.join('\n  ')}`);
  say(`${files.length} files: ${files.join(', ')}`);
  // README images (media/screenshots, kept out of the VSIX) are linked from the repository, as the
  // Marketplace shows them; vsce detects only GitHub/GitLab by itself.
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const repo = String(pkg.repository?.url ?? pkg.repository ?? '')
    .replace(/^git\+/, '')
    .replace(/\.git$/, '');
  const base = /^https:\/\//.test(repo) ? ['--baseContentUrl', `${repo}/blob/HEAD`, '--baseImagesUrl', `${repo}/raw/HEAD`] : [];
  const r = vsceRun(['package', '--no-dependencies', ...base, '--out', out]);
  if (r.code !== 0 || !existsSync(out)) throw new Error(`vsce package failed:\n${r.out}`);
  const warnings = r.out.split('\n').filter((l) => /WARNING|warn/i.test(l) && !/nodedir/.test(l));
  for (const w of warnings) say(w.trim());
  say(`${path.relative(root, out)} (${(statSync(out).size / 1024).toFixed(0)} KB)`);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--out');
  try {
    packageVsix(i > 0 ? { out: path.resolve(process.argv[i + 1]) } : {});
  } catch (err) {
    console.error(`[package] FAILED: ${err.message}`);
    process.exit(1);
  }
}
