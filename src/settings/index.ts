/** The one place settings are read from VS Code: typed and checked by `values.ts`. */
import * as vscode from 'vscode';
import type { SettingKey } from '../ids/settingKeys';
import { readSettings, type MediaTasksSettings } from './values';

export function currentSettings(): MediaTasksSettings {
  const configuration = vscode.workspace.getConfiguration();
  return readSettings((key) => configuration.get<unknown>(key));
}

export function affectsAny(event: vscode.ConfigurationChangeEvent, keys: readonly SettingKey[]): boolean {
  return keys.some((key) => event.affectsConfiguration(key));
}
