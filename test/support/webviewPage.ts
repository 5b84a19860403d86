/**
 * A panel's real page in the real browser, without VS Code: Debian's chromium (playwright-core)
 * loads the HTML `buildWebviewHtml` makes, with its CSP and nonce, and the real script and
 * stylesheet from disk, served from a pretend webview resource host. `acquireVsCodeApi` is the one
 * thing stood in for (VS Code injects it the same way, before the page's scripts): it records what
 * the page posts and keeps its state, so tests and the bench can drive the page as the host does.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import chromiumSettings from '../../scripts/vscode/chromium.json';
import { buildWebviewHtml, createNonce } from '../../src/webview/html';

const root = path.resolve(__dirname, '..', '..');
const ORIGIN = 'https://webview.test';

export function findChromium(): string | undefined {
  if (process.env.MTE_CHROMIUM && existsSync(process.env.MTE_CHROMIUM)) return process.env.MTE_CHROMIUM;
  return chromiumSettings.candidates.find((p) => existsSync(p));
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('chromium not found: apt-get install chromium (or set MTE_CHROMIUM)');
  return chromium.launch({ executablePath, headless: true, args: chromiumSettings.args });
}

/** The page's globals this harness reads (the test tsconfig has no DOM library). */
interface PageGlobals {
  __posted: unknown[];
  __state: unknown;
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface WebviewPage {
  readonly page: Page;
  /** What the page sent with `postMessage`, in order. */
  posted(): Promise<unknown[]>;
  /** What the page saved with `setState`. */
  state(): Promise<unknown>;
  /** Delivers a message the way VS Code does (a `message` event on the page's window). */
  send(message: unknown): Promise<void>;
  /**
   * Waits until `expression` is truthy in the page, asking from here. Playwright's own
   * `waitForFunction` re-evaluates a string with `eval` inside the page, which the page's CSP
   * refuses (no 'unsafe-eval') whenever the first try is not already true.
   */
  until(expression: string, timeoutMs?: number): Promise<void>;
  /** Console errors and CSP violations seen so far. */
  readonly problems: string[];
  close(): Promise<void>;
}

export interface PageFiles {
  /**
   * Paths under the repository root. A page script's source (`media/webview/room.js`) is bundled
   * here, fresh, as scripts/build.mjs bundles it; a built bundle (`dist/webview/room.js`) is served as is.
   */
  readonly script: string;
  readonly style: string;
  /** The state VS Code would hand back after a reload (`getState()`). */
  readonly savedState?: unknown;
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly colorScheme?: 'dark' | 'light';
  readonly forcedColors?: 'active' | 'none';
}

/** Theme variables VS Code sets on the page's <html>; a dark theme's values, so screenshots read. */
const THEME = `
  --vscode-foreground: #cccccc; --vscode-editor-background: #1f1f1f; --vscode-descriptionForeground: #9d9d9d;
  --vscode-font-family: system-ui, sans-serif; --vscode-font-size: 13px; --vscode-editor-font-family: monospace;
  --vscode-charts-foreground: #cccccc; --vscode-charts-lines: rgba(204,204,204,.5); --vscode-charts-red: #f14c4c;
  --vscode-charts-blue: #3794ff; --vscode-charts-yellow: #cca700; --vscode-charts-orange: #d18616;
  --vscode-charts-green: #89d185; --vscode-charts-purple: #b180d7; --vscode-panel-border: #2b2b2b;
  --vscode-button-background: #0078d4; --vscode-button-foreground: #ffffff; --vscode-focusBorder: #0078d4;
  --vscode-button-secondaryBackground: #313131; --vscode-button-secondaryForeground: #cccccc;
  --vscode-textLink-foreground: #4daafc; --vscode-editorWidget-background: #202020; --vscode-editorWidget-border: #454545;
  --vscode-list-hoverBackground: #2a2d2e; --vscode-textCodeBlock-background: #2b2b2b;`;

const bundles = new Map<string, Promise<string>>();

/** The page script bundled for the browser, in memory (the same esbuild settings as the build). */
function bundlePage(script: string): Promise<string> {
  let built = bundles.get(script);
  if (!built) {
    built = esbuild
      .build({ entryPoints: [path.join(root, script)], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, logLevel: 'silent' })
      .then((result) => result.outputFiles[0]!.text);
    bundles.set(script, built);
  }
  return built;
}

function themeVariables(): Array<[string, string]> {
  return THEME.split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()]);
}

export async function openWebviewPage(browser: Browser, files: PageFiles): Promise<WebviewPage> {
  const context = await browser.newContext({
    viewport: files.viewport ?? { width: 1100, height: 700 },
    colorScheme: files.colorScheme ?? 'dark',
    forcedColors: files.forcedColors ?? 'none',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (process.env.MTE_PAGE_LOG) console.log('[page]', m.text());
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // A string, not a function: the test runner's transpiler would wrap nested functions in helpers the page lacks.
  await page.addInitScript(`(() => {
    const saved = ${JSON.stringify(files.savedState ?? null)};
    window.__posted = [];
    window.__state = saved === null ? undefined : saved;
    let acquired = false;
    window.acquireVsCodeApi = () => {
      if (acquired) throw new Error('acquireVsCodeApi called twice');
      acquired = true;
      return {
        postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
        setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
        getState: () => window.__state,
      };
    };
    document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));
    // Through the CSSOM, as the CSP allows (a style attribute would be refused).
    document.addEventListener('DOMContentLoaded', () => {
      for (const [name, value] of ${JSON.stringify(themeVariables())}) document.documentElement.style.setProperty(name, value);
    });
  })();`);
  const html = buildWebviewHtml({
    cspSource: ORIGIN,
    nonce: createNonce(),
    scriptUri: `${ORIGIN}/${files.script}`,
    styleUri: `${ORIGIN}/${files.style}`,
    lang: 'en',
  });
  const bundle = files.script.startsWith('media/webview/') ? await bundlePage(files.script) : undefined;
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname === '/index.html') return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    if (bundle !== undefined && url.pathname === `/${files.script}`) return route.fulfill({ status: 200, contentType: 'text/javascript', body: bundle });
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root + path.sep) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    return route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
  });
  await page.goto(`${ORIGIN}/index.html`);
  return {
    page,
    problems,
    posted: () => page.evaluate(() => (globalThis as unknown as PageGlobals).__posted),
    state: () => page.evaluate(() => (globalThis as unknown as PageGlobals).__state),
    send: (message) => page.evaluate((m) => (globalThis as unknown as PageGlobals).postMessage(m, '*'), message),
    until: async (expression, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await page.evaluate(expression))) {
        if (Date.now() > deadline) throw new Error(`the page never had ${expression} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => context.close(),
  };
}
