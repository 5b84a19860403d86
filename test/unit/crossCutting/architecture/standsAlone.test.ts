// The repository stands alone: comments cite public vendor documentation (URLs), never the notes
// folder that lives beside the repository on the build machines; a reader of a fresh clone cannot open it.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');

/** Tracked text files (git ls-files), or a walk of the usual folders where git is not available. */
function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  } catch {
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = path.join(dir, e.name);
        if (e.isDirectory()) walk(rel);
        else out.push(rel);
      }
    };
    for (const dir of ['src', 'test', 'scripts', 'bench', 'media']) if (fs.existsSync(path.join(root, dir))) walk(dir);
    return out;
  }
}

describe('the repository stands alone', () => {
  it('cites no notes file from outside it in code, tests, scripts or docs', () => {
    const files = trackedFiles().filter((f) => /\.(ts|js|mjs|cjs|json|md)$/.test(f) && !f.endsWith('package-lock.json'));
    assert.ok(files.length > 50, `found only ${files.length} files`);
    // Spelled in two pieces so this file does not match itself.
    const outside = ['shared', 'notes/'].join('/');
    const hits = files.flatMap((f) =>
      fs
        .readFileSync(path.join(root, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.includes(outside) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    assert.deepEqual(hits, []);
  });
});
