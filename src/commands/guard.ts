import type { Command } from './command';

/**
 * Runs a command as VS Code calls it, from a menu, the palette or another extension: its result is
 * never handed back (a caller learns nothing through a return value), and a failure goes to
 * `onFailure` (a toast with the log one click away). In test mode the failure also rejects, so a
 * test's `executeCommand` sees it instead of a toast nobody reads.
 */
export async function runGuarded(
  command: Pick<Command, 'run'>,
  args: readonly unknown[],
  options: { readonly onFailure: (err: unknown) => Promise<void>; readonly rethrow: boolean },
): Promise<void> {
  try {
    await command.run(...args);
  } catch (err) {
    const failure = options.onFailure(err);
    if (!options.rethrow) return failure;
    void failure;
    throw err;
  }
}
