/**
 * What an error toast calls a command: its title as the Command Palette shows it ("Go to
 * Task"), taken from the manifest VS Code loaded (already localized), not its id.
 */
export function commandTitles(packageJSON: unknown): ReadonlyMap<string, string> {
  const titles = new Map<string, string>();
  const commands = (packageJSON as { contributes?: { commands?: unknown } } | undefined)?.contributes?.commands;
  if (!Array.isArray(commands)) return titles;
  for (const c of commands as Array<{ command?: unknown; title?: unknown }>) {
    // An untranslated "%key%" placeholder is no better than the id.
    if (typeof c.command === 'string' && typeof c.title === 'string' && c.title && !/^%.*%$/.test(c.title)) {
      titles.set(c.command, c.title.replace(/…$/, ''));
    }
  }
  return titles;
}
