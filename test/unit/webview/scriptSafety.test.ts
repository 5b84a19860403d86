import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const mediaDir = path.resolve(__dirname, '../../../media/webview');
const scripts = readdirSync(mediaDir).filter((name) => name.endsWith('.js'));

/** Ways a page script could turn a string into markup, code or a navigation. */
const FORBIDDEN: ReadonlyArray<[string, RegExp]> = [
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(ln)?\b/],
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  ['string timers', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['srcdoc', /\bsrcdoc\b/],
  // (`this.action = …` in a class of the modules the pages import is a field, not an element's attribute)
  ['URL attributes', /(?<!\bthis)\.(src|href|action|formAction|data)\s*=|setAttribute\(\s*['"](src|href|action|style|on\w+)['"]/],
  ['inline event attributes', /setAttribute\(\s*['"]on/i],
  ['location changes', /\blocation\s*(\.\s*(href|assign|replace)|=)/],
  ['window.open', /\bwindow\s*\.\s*open\s*\(/],
];

/** The files under src/ that the page scripts import (relative imports, followed transitively). */
function bundledSources(): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^import\s[^'"]*['"](\.[^'"]+)['"]/gm)) {
      const base = path.resolve(path.dirname(file), match[1]!);
      const resolved = [base, `${base}.ts`, `${base}.js`].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
      if (!resolved || seen.has(resolved)) continue;
      seen.add(resolved);
      visit(resolved);
    }
  };
  for (const name of scripts) visit(path.join(mediaDir, name));
  return [...seen].filter((file) => !file.startsWith(mediaDir));
}

describe('webview page scripts', () => {
  it('exist and declare // @ts-check', () => {
    assert.ok(scripts.length > 0, `no scripts in ${mediaDir}`);
    for (const name of scripts) assert.match(readFileSync(path.join(mediaDir, name), 'utf8'), /^\/\/ @ts-check/, name);
  });

  it('use no HTML, code or URL sinks: the DOM is built with createElement and textContent', () => {
    for (const name of scripts) {
      const source = readFileSync(path.join(mediaDir, name), 'utf8');
      for (const [what, pattern] of FORBIDDEN) assert.doesNotMatch(source, pattern, `${name} uses ${what}`);
    }
    // The modules they import from src/ (the chart layout, the time scale, the formatters) too.
    for (const file of bundledSources()) {
      const source = readFileSync(file, 'utf8');
      for (const [what, pattern] of FORBIDDEN) assert.doesNotMatch(source, pattern, `${path.relative(mediaDir, file)} uses ${what}`);
    }
    for (const page of ['details.js', 'room.js']) {
      assert.match(readFileSync(path.join(mediaDir, page), 'utf8'), /textContent/, `${page} sets text with textContent`);
    }
  });

  it('type-check against the message protocol with the DOM library', function () {
    this.timeout(60_000);
    const configPath = path.join(mediaDir, 'tsconfig.json');
    const config = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, mediaDir);
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    assert.deepEqual(diagnostics, []);
    assert.ok(parsed.fileNames.some((file) => file.endsWith('details.js')));
    assert.ok(parsed.fileNames.some((file) => file.endsWith('room.js')));
  });
});
