/**
 * What the display module needs from VS Code, passed in so it stays free of `vscode` and runs under
 * plain mocha: the extension passes `vscode.l10n` and `vscode.env.language`, tests pass
 * `plainLocalizer` and a pinned time zone. Messages use `{0}` placeholders; every string goes
 * through `l10n.t`, so the bundle extractor finds the calls.
 */
export interface Localizer {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

/** How times are shown: the clock, the UI language (`vscode.env.language`), optionally a time zone (tests pin UTC). */
export interface TimeContext {
  readonly now: number;
  readonly locale: string;
  readonly timeZone?: string;
}

/** Fills `{n}` placeholders without translating: what `vscode.l10n.t` does without a bundle (tests, English). */
export const plainLocalizer: Localizer = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole)),
};
