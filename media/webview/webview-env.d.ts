// What VS Code injects into a webview page, typed for the page scripts (checked by media/webview/tsconfig.json).
import type { PanelState } from '../../src/webview/identity';
import type { WebviewMessage } from '../../src/webview/protocol';
import type { RoomPanelState, RoomWebviewMessage } from '../../src/webview/roomProtocol';

declare global {
  interface WebviewApi {
    postMessage(message: WebviewMessage | RoomWebviewMessage): void;
    setState(state: PanelState | RoomPanelState): void;
    /** What the page saved before a reload; checked before use, as anything restored is. */
    getState(): unknown;
  }
  function acquireVsCodeApi(): WebviewApi;
}
