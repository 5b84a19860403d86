/** Sizes of what users download: the minified bundle and the packaged VSIX. */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { atMost, type Figure } from './figure';

const root = path.resolve(__dirname, '..');

function npm(args: string[]): void {
  execFileSync('npm', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

export function bundleSize(): Figure {
  npm(['run', '--silent', 'build', '--', '--production']);
  const bytes = statSync(path.join(root, 'dist', 'extension.js')).size;
  return atMost('dist/extension.js minified', bytes / 1024, 'KB', 150, `${bytes} bytes`);
}

export function vsixSize(): Figure {
  npm(['run', '--silent', 'package']);
  const vsix = readdirSync(root)
    .filter((name) => name.endsWith('.vsix'))
    .map((name) => ({ name, mtime: statSync(path.join(root, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)[0];
  if (!vsix) throw new Error('npm run package produced no .vsix');
  const bytes = statSync(path.join(root, vsix.name)).size;
  return atMost('VSIX', bytes / 1024, 'KB', 300, `${vsix.name}, ${bytes} bytes`);
}
