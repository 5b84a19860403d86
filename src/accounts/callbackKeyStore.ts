/**
 * Callback keys, per account, in SecretStorage only (`mediaTasks.callbackKeys.<accountId>`): the key
 * set in the TRTC, GME and CSS consoles, or ZEGO's callback secret. Each is registered with the log
 * redactor when read. Pure of UI: the command asks, this stores.
 */
import type * as vscode from 'vscode';
import type { CallbackKeys, KeyringEntry } from '../model/callback';
import type { Redactor } from '../log/redact';
import type { AccountStore } from './accountStore';

export const CALLBACK_KEY_PREFIX = 'mediaTasks.callbackKeys.';

const FIELDS = ['trtc', 'gme', 'css', 'zego'] as const;

function decode(text: string | undefined): CallbackKeys {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    const keys: Record<string, string> = {};
    for (const field of FIELDS) if (typeof v[field] === 'string' && v[field] !== '') keys[field] = v[field];
    return keys;
  } catch {
    return {};
  }
}

export class CallbackKeyStore {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly accounts: Pick<AccountStore, 'list'>,
    private readonly redactor: Pick<Redactor, 'register'>,
  ) {}

  async get(accountId: string): Promise<CallbackKeys> {
    const keys = decode(await this.secrets.get(`${CALLBACK_KEY_PREFIX}${accountId}`));
    for (const value of Object.values(keys)) if (value) this.redactor.register(value);
    return keys;
  }

  /** Stores the account's keys; an empty set deletes them. */
  async set(accountId: string, keys: CallbackKeys): Promise<void> {
    const kept = Object.fromEntries(FIELDS.filter((f) => keys[f]).map((f) => [f, keys[f]!]));
    for (const value of Object.values(kept)) this.redactor.register(value);
    if (Object.keys(kept).length === 0) await this.secrets.delete(`${CALLBACK_KEY_PREFIX}${accountId}`);
    else await this.secrets.store(`${CALLBACK_KEY_PREFIX}${accountId}`, JSON.stringify(kept));
  }

  /** Every account's keys, for verifying a callback. */
  async keyring(): Promise<KeyringEntry[]> {
    const out: KeyringEntry[] = [];
    for (const account of this.accounts.list()) {
      const keys = await this.get(account.id);
      if (Object.keys(keys).length > 0) out.push({ accountId: account.id, vendor: account.vendor, keys });
    }
    return out;
  }
}
