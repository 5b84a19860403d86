/**
 * The shape of `vscode.l10n` that pure UI modules need. Passing it in keeps those modules free of
 * `vscode` (they run under plain mocha) while every string still goes through `l10n.t`, so the
 * `@vscode/l10n-dev` extractor finds the calls.
 */
export interface Localizer {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

/** How times are shown: the UI language (`vscode.env.language`), optionally a time zone (tests pin UTC). */
export interface TimeContext {
  readonly now: number;
  readonly locale: string;
  readonly timeZone?: string;
}
