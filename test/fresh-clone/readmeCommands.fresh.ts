/**
 * The README's first command, as a newcomer runs it: a copy of the committed tree (no dist/, no
 * node_modules/, no .vscode-test/ except the code-server download, which CI may cache), `npm ci`,
 * `npm run package`, then `npm run demo`: its URL opened in chromium must show demo tasks in the tree and
 * a running count in the status bar; Ctrl-C (SIGINT to its process group, as a terminal sends it) must end
 * every process it started and free its ports. The seconds to each step are printed at the end.
 */
import { strict as assert } from 'node:assert';
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { closeSession, expandTree, openViewContainer, openWorkbench, recordingCount, rowInfos, screenshot, taskRows, waitFor } from '../e2e/harness';

const root = path.resolve(__dirname, '..', '..');
const seconds: Record<string, number> = {};
const since = (t0: number): number => Math.round((Date.now() - t0) / 100) / 10;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Processes whose command line or working directory is inside `dir` (what the demo started there). */
function processesIn(dir: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    if (Number(pid) === process.pid) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      if (cmd.includes(dir) || cwd.startsWith(dir)) found.push(`${pid} ${cmd.slice(0, 160)}`);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

describe('fresh clone: the README commands work with nothing built', function () {
  this.timeout(300_000);
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mte-fresh-clone-')));
  let demo: ChildProcess | undefined;
  let output = '';
  const ports: number[] = [];

  before(() => {
    // The committed tree, as `git clone` gives it.
    execFileSync('sh', ['-c', `git -C "${root}" archive --format=tar HEAD | tar -x -C "${dir}"`]);
    for (const built of ['dist', 'node_modules', '.vscode-test']) assert.ok(!fs.existsSync(path.join(dir, built)), `${built}/ is committed`);
    // Only the code-server download is reused (it is a cache, like npm's).
    const cached = path.join(root, '.vscode-test', 'code-server');
    if (fs.existsSync(cached)) {
      fs.mkdirSync(path.join(dir, '.vscode-test'));
      fs.symlinkSync(cached, path.join(dir, '.vscode-test', 'code-server'));
    }
  });

  after(async () => {
    await closeSession();
    if (demo?.pid && demo.exitCode === null) {
      try {
        process.kill(-demo.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    console.log(
      `    [fresh clone] seconds: ${Object.entries(seconds)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('npm ci, then npm run package gives a VSIX', () => {
    let t0 = Date.now();
    const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8' });
    assert.equal(ci.status, 0, `npm ci failed:\n${ci.stdout}\n${ci.stderr}`);
    seconds['npm ci'] = since(t0);
    t0 = Date.now();
    const pkg = spawnSync('npm', ['run', 'package'], { cwd: dir, encoding: 'utf8' });
    assert.equal(pkg.status, 0, `npm run package failed:\n${pkg.stdout}\n${pkg.stderr}`);
    seconds['npm run package'] = since(t0);
    const vsix = fs.readdirSync(dir).filter((f) => f.endsWith('.vsix'));
    assert.equal(vsix.length, 1, `one VSIX in the clone, found ${vsix.join(', ') || 'none'}`);
    assert.ok(fs.statSync(path.join(dir, vsix[0]!)).size > 10_000, 'the VSIX is not empty');
  });

  it('npm run demo prints a URL', async () => {
    const t0 = Date.now();
    // Its own process group, like a terminal's foreground job, so Ctrl-C can be sent to all of it.
    demo = spawn('npm', ['run', 'demo'], {
      cwd: dir,
      env: { ...process.env, PORT: '0', MTE_CODE_SERVER: 'default', MTE_SANDBOX_URL: '', MTE_DEMO: '' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const child = demo;
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    let url: string | undefined;
    for (const end = Date.now() + 240_000; !url; await new Promise((r) => setTimeout(r, 200))) {
      url = /^Open (http\S+)/m.exec(output)?.[1];
      if (!url && child.exitCode !== null) assert.fail(`npm run demo exited (${child.exitCode}) before printing a URL:\n${output}`);
      if (!url && Date.now() > end) assert.fail(`no URL from npm run demo in 240 s:\n${output}`);
    }
    seconds['demo to URL'] = since(t0);
    for (const m of output.matchAll(/http:\/\/127\.0\.0\.1:(\d+)/g)) ports.push(Number(m[1]));
    assert.ok(ports.length >= 2, `the demo names its sandbox and code-server ports: ${output}`);
    process.env.MTE_E2E_URL = url;
  });

  it('the printed URL shows demo tasks in the tree and a running count in the status bar', async () => {
    assert.ok(process.env.MTE_E2E_URL, 'no URL (see the test before)');
    const t0 = Date.now();
    const { page } = await openWorkbench();
    await openViewContainer(page, 'Media Tasks');
    const accounts = await waitFor(async () => ((await rowInfos(page)).length > 0 ? rowInfos(page) : undefined), 'the demo tree stayed empty', 60_000);
    seconds['first tree rows'] = since(t0);
    const labels = accounts.map((r) => r.label);
    assert.ok(
      labels.some((l) => /demo/i.test(l)),
      `demo accounts in the tree: ${labels.join(' | ')}`,
    );
    assert.ok(!labels.some((l) => /hostile/i.test(l)), `no test data in the demo: ${labels.join(' | ')}`);
    await expandTree(page, { maxExpansions: 20, skip: (r) => /load more|retry/i.test(r.label), done: (rows) => rows.some((r) => /^Task /.test(r.ariaLabel)) });
    await waitFor(async () => (await taskRows(page).count()) > 0, 'no task rows after expanding the demo accounts', 30_000);
    seconds['first task row'] = since(t0);
    const running = await waitFor(async () => recordingCount(page), 'no running count in the status bar', 30_000);
    assert.ok(running > 0, `the status bar counts running tasks: ${running}`);
    await screenshot(page, '00-fresh-clone-demo');
    await closeSession();
  });

  it('Ctrl-C stops every process the demo started and frees its ports', async () => {
    const child = demo;
    assert.ok(child?.pid, 'the demo is not running (see the tests before)');
    const before = processesIn(dir);
    assert.ok(
      before.some((p) => /code-server/.test(p)) && before.some((p) => /sandbox/.test(p)),
      `the check sees the demo's code-server and sandbox: ${before.join('\n')}`,
    );
    const t0 = Date.now();
    process.kill(-child.pid, 'SIGINT');
    await waitFor(
      async () => child.exitCode !== null || child.signalCode !== null,
      `npm run demo did not exit after SIGINT:\n${output.slice(-2000)}`,
      30_000,
      100,
    );
    await waitFor(async () => processesIn(dir).length === 0, 'processes left behind', 15_000).catch(() => undefined);
    assert.deepEqual(processesIn(dir), [], 'every process the demo started is gone');
    for (const port of ports) assert.ok(await portIsFree(port), `port ${port} is free again`);
    seconds['SIGINT to all gone'] = since(t0);
  });
});
