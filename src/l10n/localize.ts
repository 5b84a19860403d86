/**
 * The translation function the pure UI helpers take, so they stay free of `vscode`: the extension
 * passes `vscode.l10n.t`, tests pass `plainLocalize`. Messages use `{0}` placeholders.
 */
export type Localize = (message: string, ...args: Array<string | number>) => string;

/** Fills `{n}` placeholders without translating (tests, and the English source strings). */
export const plainLocalize: Localize = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
