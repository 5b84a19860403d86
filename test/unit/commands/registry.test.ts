// How a command runs when VS Code (or another extension) calls it, and what its failure toast calls it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandTitles } from '../../../src/commands/commandTitles';
import { runGuarded } from '../../../src/commands/guard';
import { CommandIds } from '../../../src/ids/commands';

const root = path.resolve(__dirname, '..', '..', '..');

/** package.json as VS Code hands it to the extension: `%key%` placeholders replaced from package.nls.json. */
function localizedManifest(): unknown {
  const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const raw = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
  return JSON.parse(raw.replace(/"%([^"%]+)%"/g, (whole, key: string) => (key in nls ? JSON.stringify(nls[key]) : whole)));
}

describe('command registry', () => {
  it('hands no result back to the caller', async () => {
    const result: unknown = await runGuarded({ run: () => ({ secret: 'kept' }) }, [], { rethrow: false, onFailure: async () => undefined });
    assert.equal(result, undefined);
  });

  it('passes the arguments through', async () => {
    const seen: unknown[] = [];
    await runGuarded({ run: (...args: unknown[]) => void seen.push(...args) }, ['a', 2], { rethrow: true, onFailure: async () => undefined });
    assert.deepEqual(seen, ['a', 2]);
  });

  it('in test mode rejects with the failure (and still reports it)', async () => {
    const reported: unknown[] = [];
    const boom = new Error('boom');
    await assert.rejects(
      runGuarded({ run: async () => Promise.reject(boom) }, [], { rethrow: true, onFailure: async (err) => void reported.push(err) }),
      (err) => err === boom,
    );
    assert.deepEqual(reported, [boom]);
  });

  it('otherwise reports the failure and resolves', async () => {
    const reported: unknown[] = [];
    await runGuarded(
      {
        run: () => {
          throw new Error('boom');
        },
      },
      [],
      { rethrow: false, onFailure: async (err) => void reported.push(err) },
    );
    assert.equal(reported.length, 1);
  });

  it('names a failed command by its title, not its id', () => {
    const titles = commandTitles(localizedManifest());
    assert.equal(titles.get(CommandIds.lookUpTask), 'Go to Task');
    assert.equal(titles.get(CommandIds.refresh), 'Refresh');
    for (const id of Object.values(CommandIds)) {
      const title = titles.get(id);
      assert.ok(title && !title.includes('mediaTasks.'), `${id} has no title (${title})`);
    }
  });

  it('falls back to the id when the manifest is not localized', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as unknown;
    assert.equal(commandTitles(raw).get(CommandIds.lookUpTask), undefined);
    assert.equal(commandTitles(undefined).size, 0);
  });
});
