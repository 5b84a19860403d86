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
      const back = await api.accounts.secret(account.id);
      assert.deepEqual(back, { vendor: 'tencent', secretId: 'AKIDintegration0001', secretKey, token: undefined });
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
    assert.equal(await api.accounts.secret(account.id), undefined);
    assert.equal(api.accounts.get(account.id), undefined);
  });

  it('shows the welcome view state through mediaTasks.hasAccounts', async () => {
    const api = await mediaTasks();
    // The context key is write-only from an extension; the tree root is what the welcome view follows.
    const roots = await api.tree.getChildren();
    assert.equal(roots.length, api.accounts.list().length);
  });

  it('activates quickly: nothing slow runs inside activate()', async () => {
    const api = await mediaTasks();
    // The target is 15 ms; the bound leaves room for a loaded CI machine running code-server and chromium.
    assert.ok(api.activationMs < 100, `activate() took ${api.activationMs} ms`);
  });
});

