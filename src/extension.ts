// Composition root: builds the pieces and registers them; nothing else lives here.
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Wiring arrives with the tree, accounts and panels.
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
