import * as assert from 'node:assert/strict';
import { buildWebviewHtml, contentSecurityPolicy, createNonce } from '../../../src/webview/html';

const input = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'bm9uY2Utb25lLXR3by10aHJlZQ==',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/webview/details.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/webview/details.css',
  lang: 'en',
};

function attributeValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);
}

describe('webview HTML builder', () => {
  it('emits the strict CSP with the nonce in a meta tag', () => {
    const html = buildWebviewHtml(input);
    const expected =
      "default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net; style-src https://file+.vscode-resource.vscode-cdn.net; " +
      "script-src 'nonce-bm9uY2Utb25lLXR3by10aHJlZQ=='; font-src https://file+.vscode-resource.vscode-cdn.net";
    assert.equal(contentSecurityPolicy(input.cspSource, input.nonce), expected);
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
    assert.ok(meta, 'CSP meta tag present');
    assert.equal(meta[1], expected);
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'CSP comes before any script');
  });

  it('gives the only script the nonce and allows neither inline code nor styles', () => {
    const html = buildWebviewHtml(input);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]![1]!, new RegExp(`nonce="${input.nonce}"`));
    assert.equal(scripts[0]![2], '', 'no inline script body');
    assert.doesNotMatch(html, /<style|\sstyle=|\son\w+=/i);
    assert.doesNotMatch(contentSecurityPolicy('x', 'n'), /unsafe-inline|unsafe-eval|\*/);
  });

  it('loads only the asWebviewUri resources it is given, nothing remote', () => {
    const html = buildWebviewHtml(input);
    assert.deepEqual([...attributeValues(html, 'src'), ...attributeValues(html, 'href')].sort(), [input.scriptUri, input.styleUri].sort());
    assert.doesNotMatch(html.replace(/https:\/\/file\+\.vscode-resource\.vscode-cdn\.net/g, ''), /https?:|\/\//);
  });

  it('carries no data: the body is an empty root and the script', () => {
    const body = buildWebviewHtml(input).split('<body>')[1]!;
    assert.equal(body.replace(/<script[^>]*><\/script>/, '').replace(/\s+/g, ''), '<mainid="root"aria-live="polite"></main></body></html>');
  });

  it('escapes its inputs so none can end an attribute', () => {
    const html = buildWebviewHtml({ ...input, lang: '"><script>alert(1)</script>', scriptUri: 'a"b' });
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /lang="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    assert.match(html, /src="a&quot;b"/);
  });

  it('makes a fresh 128-bit base64 nonce every time', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    assert.equal(nonces.size, 200);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    const a = buildWebviewHtml({ ...input, nonce: createNonce() });
    const b = buildWebviewHtml({ ...input, nonce: createNonce() });
    assert.notEqual(a.match(/nonce="([^"]+)"/)![1], b.match(/nonce="([^"]+)"/)![1]);
  });

  it('gets its nonce from crypto, never Math.random', async () => {
    const source = await import('node:fs').then((fs) => fs.readFileSync(require.resolve('../../../src/webview/html.ts'), 'utf8'));
    assert.match(source, /randomBytes\(16\)/);
    assert.doesNotMatch(source, /Math\.random/);
  });
});
