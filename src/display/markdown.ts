/**
 * Markdown for tooltips is written through VS Code's own `MarkdownString.appendText` (vendor and
 * translated text: escaped by VS Code) and `appendMarkdown` (our fixed syntax only), never through a
 * hand-written escaper. Builders take this interface so they stay free of `vscode`;
 * `vscode.MarkdownString` satisfies it.
 */
export interface MarkdownSink {
  appendText(value: string): unknown;
  appendMarkdown(value: string): unknown;
}

/** A sink whose text can be read back: `vscode.MarkdownString`. */
export interface MarkdownText extends MarkdownSink {
  readonly value: string;
}

/** Ends a line with a hard break (two trailing spaces). */
export const LINE_BREAK = '  \n';
/** Starts a new paragraph. */
export const PARAGRAPH = '\n\n';

/** `**text**` with the text escaped. */
export function appendBold(md: MarkdownSink, text: string): void {
  md.appendMarkdown('**');
  md.appendText(text);
  md.appendMarkdown('**');
}

/**
 * A link that runs one of our commands, its label escaped and its arguments JSON-encoded; parentheses
 * too, which `encodeURIComponent` keeps and which would end the link early (a task id may hold one).
 */
export function appendCommandLink(md: MarkdownSink, label: string, command: string, args?: unknown): void {
  const query =
    args === undefined
      ? ''
      : `?${encodeURIComponent(JSON.stringify([args]))
          .replace(/\(/g, '%28')
          .replace(/\)/g, '%29')}`;
  md.appendMarkdown('[');
  md.appendText(label);
  md.appendMarkdown(`](command:${command}${query})`);
}
