// "Try the Sandbox" runs the sandbox in the extension host: while the local callback receiver is on, that
// sandbox sends its demo tasks' signed callbacks to it, over HTTP, as a vendor would; off, to nowhere.
import { strict as assert } from 'node:assert';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as vscode from 'vscode';
import { silentLogger } from '../../../src/model/logger';
import { startSandbox } from '../../../src/sandbox';
import { EmbeddedSandbox } from '../../../src/sources/embeddedSandbox';

function memento(): vscode.Memento {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: (key: string, value: unknown) => {
      values.set(key, value);
      return Promise.resolve();
    },
  } as vscode.Memento;
}

type Running = { callbacks: { targets(): { url: string }[]; deliverDue(nowMs?: number): Promise<void> } };

describe('the embedded sandbox sends its demo callbacks to the receiver', () => {
  it('registers the receiver set before or after it starts, sends it signed callbacks, and stops when it is off', async () => {
    const received: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      received.push(req.headers);
      req.resume();
      req.on('end', () => res.end('{"code":0}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    // What the extension's lazy import starts, started directly (mocha's loader here is CommonJS only).
    const embedded = new EmbeddedSandbox(memento(), silentLogger, (logger) => startSandbox({ port: 0, logger }));
    try {
      embedded.setCallbackTarget(url);
      const sandbox = (await embedded.start()) as unknown as Running;
      assert.deepEqual(
        sandbox.callbacks.targets().map((t) => t.url),
        [url],
        'a receiver set before the start is registered when the sandbox starts',
      );
      // The next 20 minutes of the demo, at once: tasks start and end in it.
      await sandbox.callbacks.deliverDue(Date.now() + 20 * 60_000);
      assert.ok(
        received.some((h) => typeof h.sign === 'string' && h.sign !== ''),
        `no signed TRTC callback reached the receiver (${received.length} requests)`,
      );
      embedded.setCallbackTarget(undefined);
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(sandbox.callbacks.targets(), [], 'the receiver turned off is no longer a target');
      embedded.setCallbackTarget(url);
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(
        sandbox.callbacks.targets().map((t) => t.url),
        [url],
        'a receiver turned on later is registered with the running sandbox',
      );
    } finally {
      embedded.dispose();
      server.close();
      server.closeAllConnections();
    }
  });
});
