/** Where the panels' pages come from: the stylesheet in media/, the bundled scripts in dist/webview/. */
import * as vscode from 'vscode';
import { buildWebviewHtml, createNonce } from './html';

/** The only folders a page may load from. */
export function webviewRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')];
}

/** A page's HTML: its script (a bundle built from media/webview), the shared stylesheet, a fresh nonce. */
export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, script: 'details.js' | 'room.js'): string {
  const [media, scripts] = webviewRoots(extensionUri);
  return buildWebviewHtml({
    cspSource: webview.cspSource,
    nonce: createNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(scripts!, script)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media!, 'webview', 'details.css')).toString(),
    lang: vscode.env.language,
  });
}
