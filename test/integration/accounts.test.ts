// Accounts in a real VS Code: metadata in globalState, the secret only in SecretStorage.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { SECRET_KEY_PREFIX } from '../../src/accounts/accountStore';
import { mediaTasks } from './support/mediaTasks';

describe('accounts (real VS Code)', () => {
  const secretKey = `IntegrationSecretKey-${Date.now()}-${Math.random().toString(36).slice(2)}`;

  it('keeps the secret in SecretStorage and out of globalState and settings, and deletes it on removal', async () => {
    const api = await mediaTasks();
    const account = await api.accounts.add(
      { vendor: 'tencent', label: 'Secret check', site: 'intl', region: 'ap-singapore', gmeBizId: 1234, endpoint: 'http://127.0.0.1:9' },
      { vendor: 'tencent', secretId: 'AKIDintegration0001', secretKey },
    );
    try {
      assert.equal(await api.accounts.hasSecret(account.id), true, 'the secret is in SecretStorage');
      const stored = JSON.stringify(api.storedState());
      assert.ok(stored.includes(account.id), 'the account metadata is in globalState');
      assert.ok(!stored.includes(secretKey), 'the SecretKey must not be in globalState');
      assert.ok(!stored.includes('AKIDintegration0001'), 'the SecretId must not be in globalState');
      assert.ok(!Object.keys(api.storedState()).some((k) => k.startsWith(SECRET_KEY_PREFIX)));
      const settings = JSON.stringify(vscode.workspace.getConfiguration('mediaTasks'));
      assert.ok(!settings.includes(secretKey), 'the SecretKey must not be in settings');
      assert.equal(api.accounts.get(account.id)?.label, 'Secret check');
    } finally {
      await api.accounts.remove(account.id);
    }
    assert.equal(await api.accounts.hasSecret(account.id), false, 'the secret was deleted with the account');
    assert.equal(api.accounts.get(account.id), undefined);
  });

  it('hands tests no way to read a secret back: nothing reachable from the test API leads to a secret', async () => {
    const api = await mediaTasks();
    const account = await api.accounts.add(
      { vendor: 'tencent', label: 'Reachability check', site: 'intl', region: 'ap-singapore', endpoint: 'http://127.0.0.1:9' },
      { vendor: 'tencent', secretId: 'AKIDintegration0002', secretKey },
    );
    try {
      // Walk every object reachable from the handle (own and inherited properties, getters read),
      // as another extension holding it could.
      const seen = new Set<unknown>();
      const queue: Array<{ value: unknown; path: string }> = [{ value: api, path: 'exports' }];
      const problems: string[] = [];
      while (queue.length > 0 && seen.size < 20_000) {
        const { value, path } = queue.shift()!;
        if (typeof value === 'string') {
          if (value.includes(secretKey)) problems.push(`${path} holds the SecretKey`);
          continue;
        }
        if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) continue;
        seen.add(value);
        const names = new Set<string>();
        for (let o: object | null = value as object; o && o !== Object.prototype && o !== Function.prototype; o = Object.getPrototypeOf(o)) {
          for (const name of Object.getOwnPropertyNames(o)) names.add(name);
        }
        if (typeof (value as { secret?: unknown }).secret === 'function') problems.push(`${path}.secret() reads a secret`);
        if (['get', 'store', 'delete', 'onDidChange'].every((m) => names.has(m)) && names.has('store')) problems.push(`${path} looks like SecretStorage`);
        for (const name of names) {
          if (['caller', 'callee', 'arguments'].includes(name)) continue;
          let child: unknown;
          try {
            child = (value as Record<string, unknown>)[name];
          } catch {
            continue;
          }
          queue.push({ value: child, path: `${path}.${name}` });
        }
      }
      assert.ok(seen.size > 20, `the walk reached only ${seen.size} objects`);
      assert.ok(typeof api.accounts.hasSecret === 'function' && (await api.accounts.hasSecret(account.id)));
      assert.deepEqual(problems, []);
    } finally {
      await api.accounts.remove(account.id);
    }
  });

  it('activates quickly: nothing slow runs inside activate()', async () => {
    const api = await mediaTasks();
    // The target is 15 ms; the bound leaves room for a loaded CI machine running code-server and chromium.
    assert.ok(api.activationMs < 100, `activate() took ${api.activationMs} ms`);
  });
});
