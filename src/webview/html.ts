/**
 * The one place webview HTML is made. Pure (no `vscode` import): the panel passes the CSP source,
 * a fresh nonce and the `asWebviewUri` URLs, so tests can check the policy without a window.
 * The page carries no data at all; data arrives by `postMessage` after the script says `ready`.
 */
import { randomBytes } from 'node:crypto';

export interface WebviewHtmlInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** From `createNonce()`, new for every page. */
  readonly nonce: string;
  /** `webview.asWebviewUri(...)` of the script and the stylesheet under `media/`. */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** `vscode.env.language`, for the document language. */
  readonly lang: string;
}

/** 128 random bits from the OS CSPRNG, base64: a nonce an injected string cannot guess. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return ["default-src 'none'", `img-src ${cspSource}`, `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`, `font-src ${cspSource}`].join('; ');
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };

/**
 * The inputs are ours (URIs, a nonce, a language tag), escaped anyway so no input can end a
 * double-quoted attribute. Single quotes stay, so the CSP reads as written (`'none'`, `'nonce-…'`).
 */
function attr(value: string): string {
  return value.replace(/[&"<>]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

export function buildWebviewHtml(input: WebviewHtmlInput): string {
  const csp = contentSecurityPolicy(input.cspSource, input.nonce);
  return `<!DOCTYPE html>
<html lang="${attr(input.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(input.styleUri)}">
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${attr(input.nonce)}" src="${attr(input.scriptUri)}"></script>
</body>
</html>`;
}
