// What VS Code injects into a webview page, typed for details.js (checked by media/webview/tsconfig.json).
import type { PanelState } from '../../src/webview/identity';
import type { WebviewMessage } from '../../src/webview/protocol';

declare global {
  interface WebviewApi {
    postMessage(message: WebviewMessage): void;
    setState(state: PanelState): void;
    getState(): PanelState | undefined;
  }
  function acquireVsCodeApi(): WebviewApi;
}
