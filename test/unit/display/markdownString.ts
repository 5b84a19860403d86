/**
 * What `vscode.MarkdownString` does for `appendText` and `appendMarkdown` (VS Code's
 * src/vs/base/common/htmlContent.ts: escapeMarkdownSyntaxTokens, escapeIcons, spaces as &nbsp;,
 * `>` escaped, a newline as a paragraph), so pure tooltip builders can be checked under mocha. The
 * integration suite checks the real one.
 */
import type { MarkdownText } from '../../../src/display/markdown';

export class FakeMarkdownString implements MarkdownText {
  value = '';
  readonly texts: string[] = [];
  readonly markdown: string[] = [];
  constructor(readonly supportThemeIcons = true) {}

  appendText(value: string): this {
    this.texts.push(value);
    const icons = this.supportThemeIcons ? value.replace(/(\\)?\$\([A-Za-z0-9-]+(?:~[A-Za-z0-9-]*)?\)/g, (m, escaped) => (escaped ? m : `\\${m}`)) : value;
    this.value += icons
      .replace(/[\\`*_{}[\]()#+\-!~]/g, '\\$&')
      .replace(/([ \t]+)/g, (_m, g: string) => '&nbsp;'.repeat(g.length))
      .replace(/>/gm, '\\>')
      .replace(/\n/g, '\n\n');
    return this;
  }

  appendMarkdown(value: string): this {
    this.markdown.push(value);
    this.value += value;
    return this;
  }
}

/** The text a Markdown source shows once rendered, roughly: escapes removed, &nbsp; as spaces. */
export function shownText(markdown: string): string {
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}
