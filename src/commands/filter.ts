import * as vscode from 'vscode';
import type { TaskStatus } from '../model/task';
import type { FilterState } from '../tree/filterState';
import { statusLabel } from '../display/labels';
import type { Command } from './command';
import { CommandIds } from '../ids/commands';

const t = vscode.l10n.t;
const STATUSES: readonly TaskStatus[] = ['running', 'starting', 'paused', 'stopping', 'ended', 'failed', 'unknown'];
const RANGES: readonly (number | undefined)[] = [undefined, 1, 6, 24, 72, 168, 720];

/** Filter…: text, statuses and time range, each step pre-filled with the current filter. */
export function filterCommand(deps: { readonly filter: FilterState }): Command {
  return {
    id: CommandIds.filter,
    run: async () => {
      const current = deps.filter.get();
      const text = await vscode.window.showInputBox({
        title: t('Filter Tasks (1/3)'),
        prompt: t('Text in the task ID, room or stream, vendor status or a file name (empty for any)'),
        value: current.text ?? '',
      });
      if (text === undefined) return;
      const statusItems = STATUSES.map((status) => ({ label: statusLabel(status, vscode.l10n), status, picked: current.statuses?.includes(status) ?? false }));
      const statuses = await vscode.window.showQuickPick(statusItems, {
        title: t('Filter Tasks (2/3)'),
        placeHolder: t('Statuses to show (none picked shows all)'),
        canPickMany: true,
      });
      if (statuses === undefined) return;
      const rangeItems = RANGES.map((hours) => ({
        label: hours === undefined ? t('Any time (CSS: the default range)') : hours < 48 ? t('Last {0} hours', hours) : t('Last {0} days', hours / 24),
        hours,
      }));
      const range = await vscode.window.showQuickPick(rangeItems, { title: t('Filter Tasks (3/3)'), placeHolder: t('Time range') });
      if (range === undefined) return;
      await deps.filter.set({ text: text.trim() || undefined, statuses: statuses.map((s) => s.status), hours: range.hours });
    },
  };
}
