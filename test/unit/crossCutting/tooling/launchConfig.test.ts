// The checked-in F5 setup (.vscode/launch.json, .vscode/tasks.json) agrees with the scripts it runs:
// every preLaunchTask exists, the watch task's problem matcher recognises what `npm run watch` really
// prints, and the test config points at the entry the integration bundler writes.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..', '..');

interface LaunchConfig {
  name: string;
  type: string;
  args: string[];
  env?: Record<string, string>;
  preLaunchTask?: string;
}
interface Task {
  label: string;
  type: string;
  script?: string;
  command?: string;
  isBackground?: boolean;
  problemMatcher?: { pattern: { regexp: string }; background: { beginsPattern: string; endsPattern: string } };
}

/** JSON with comments, as VS Code reads these files. */
function readJsonc<T>(file: string): T {
  const { config, error } = ts.parseConfigFileTextToJson(file, fs.readFileSync(path.join(root, file), 'utf8'));
  assert.equal(error, undefined, `${file}: ${ts.flattenDiagnosticMessageText(error?.messageText ?? '', '\n')}`);
  return config as T;
}

const launch = readJsonc<{ configurations: LaunchConfig[] }>('.vscode/launch.json');
const tasks = readJsonc<{ tasks: Task[] }>('.vscode/tasks.json').tasks;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const config = (name: string): LaunchConfig => {
  const c = launch.configurations.find((x) => x.name === name);
  assert.ok(c, `no launch config "${name}"`);
  return c;
};
const resolve = (arg: string): string => arg.replace('${workspaceFolder}', root);

/** The first lines `npm run watch` prints, up to its first "finished" line. */
function watchOutput(): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--watch'], { cwd: root });
    const lines: string[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`no "finished" line within 60 s: ${lines.join(' | ')}`));
    }, 60_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      lines.push(...chunk.split('\n').filter(Boolean));
      if (lines.some((l) => /finished/.test(l))) {
        clearTimeout(timer);
        child.kill('SIGINT');
        done(lines);
      }
    });
  });
}

describe('F5: launch.json and tasks.json', () => {
  it('has the two configs, each with a preLaunchTask that tasks.json defines', () => {
    for (const name of ['Run Extension (sandbox)', 'Integration Tests']) {
      const c = config(name);
      assert.equal(c.type, 'extensionHost');
      assert.ok(c.args.includes('--extensionDevelopmentPath=${workspaceFolder}'), `${name}: not the development extension`);
      assert.ok(
        tasks.some((t) => t.label === c.preLaunchTask),
        `${name}: preLaunchTask "${c.preLaunchTask}" is not in tasks.json`,
      );
    }
  });

  it('runs the extension against the embedded sandbox', () => {
    assert.equal(config('Run Extension (sandbox)').env?.MTE_DEMO, 'embedded');
    const extension = fs.readFileSync(path.join(root, 'src', 'extension.ts'), 'utf8');
    assert.match(extension, /MTE_DEMO === 'embedded'[^\n]*CommandIds\.trySandbox/, 'extension.ts no longer starts the sandbox for MTE_DEMO=embedded');
  });

  it('runs the integration tests from the entry the bundler writes, in a folder of its own', async () => {
    const c = config('Integration Tests');
    const { integrationEntry, f5Workspace } = (await import(path.join(root, 'scripts', 'vscode', 'integration.mjs'))) as {
      integrationEntry: string;
      f5Workspace: string;
    };
    const testsPath = c.args.find((a) => a.startsWith('--extensionTestsPath='));
    assert.equal(resolve(testsPath?.slice('--extensionTestsPath='.length) ?? ''), integrationEntry);
    assert.ok(c.args.map(resolve).includes(f5Workspace), 'opens the folder the preLaunchTask creates (exports are written there)');
    const task = tasks.find((t) => t.label === c.preLaunchTask)!;
    assert.equal(task.command, 'node scripts/vscode/integration.mjs');
  });

  it('has a watch task whose problem matcher sees the start, the end and an error of a real `npm run watch` build', async function () {
    this.timeout(90_000);
    const watch = tasks.find((t) => t.type === 'npm' && t.script === 'watch');
    assert.ok(watch?.isBackground && watch.problemMatcher, 'a background npm: watch task with a problem matcher');
    assert.equal(pkg.scripts.watch, 'node scripts/build.mjs --watch');
    const { beginsPattern, endsPattern } = watch.problemMatcher.background;
    const lines = await watchOutput();
    assert.ok(new RegExp(beginsPattern).test(lines[0]), `first line ${JSON.stringify(lines[0])} does not match ${beginsPattern}`);
    assert.ok(
      lines.some((l) => new RegExp(endsPattern).test(l)),
      `no line matches ${endsPattern}: ${lines.join(' | ')}`,
    );
    const error = new RegExp(watch.problemMatcher.pattern.regexp).exec('src/extension.ts:12:5: error: Expected ";" but found "x"');
    assert.deepEqual(error?.slice(1), ['src/extension.ts', '12', '5', 'Expected ";" but found "x"']);
  });
});
