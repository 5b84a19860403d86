/**
 * Which task (or which of its storage files) a panel or a command is about. Everything that arrives
 * from outside (webview state after a reload, command arguments from menus, URIs, other extensions)
 * is `unknown` and goes through these parsers.
 */
import { PRODUCTS, taskKeyString, type Product, type TaskKey } from '../model/task';
import type { RoomPanelState } from './roomProtocol';

/** Ids longer than this are not real vendor ids; refusing them bounds what a crafted state can do. */
const MAX_ID_LENGTH = 16 * 1024;

/** What a panel saves with `vscode.setState`: the identity only, never data or secrets. */
export type PanelState =
  | { readonly kind: 'task'; readonly accountId: string; readonly product: Product; readonly taskId: string }
  | {
      readonly kind: 'file';
      readonly accountId: string;
      readonly product: Product;
      readonly taskId: string;
      readonly fileName: string;
    };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function boundedString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

function isProduct(value: unknown): value is Product {
  return typeof value === 'string' && (PRODUCTS as readonly string[]).includes(value);
}

export function parseTaskKey(value: unknown): TaskKey | undefined {
  if (!isRecord(value)) return undefined;
  const { accountId, product, taskId } = value;
  if (!boundedString(accountId) || !isProduct(product) || !boundedString(taskId)) return undefined;
  return { accountId, product, taskId };
}

export function parsePanelState(value: unknown): PanelState | undefined {
  const key = parseTaskKey(value);
  if (!key || !isRecord(value)) return undefined;
  if (value.kind === 'task') return { kind: 'task', ...key };
  if (value.kind === 'file' && boundedString(value.fileName)) return { kind: 'file', ...key, fileName: value.fileName };
  return undefined;
}

export function taskPanelState(key: TaskKey): PanelState {
  return { kind: 'task', accountId: key.accountId, product: key.product, taskId: key.taskId };
}

export function filePanelState(key: TaskKey, fileName: string): PanelState {
  return { kind: 'file', accountId: key.accountId, product: key.product, taskId: key.taskId, fileName };
}

/** The Map key of a panel: one panel per task, and one per storage file of a task. */
export function panelStateKey(state: PanelState): string {
  const task = taskKeyString(state);
  // JSON keeps the file name unambiguous whatever characters it holds.
  return state.kind === 'task' ? `task:${task}` : `file:${task}:${JSON.stringify(state.fileName)}`;
}

/**
 * The task a command was invoked on: a `TaskKey`-like object (palette, links, other commands),
 * or a tree node carrying it as `.key`, `.entry` or `.task`.
 */
export function taskKeyFromCommandArg(arg: unknown): TaskKey | undefined {
  const direct = parseTaskKey(arg);
  if (direct || !isRecord(arg)) return direct;
  return parseTaskKey(arg.key) ?? parseTaskKey(arg.entry) ?? parseTaskKey(arg.task);
}

/**
 * The storage file a command was invoked on: `(node)` where the node has `fileName` or `file.fileName`
 * next to its task, or `(taskKeyLike, fileName)`.
 */
export function fileFromCommandArgs(args: readonly unknown[]): { key: TaskKey; fileName: string } | undefined {
  const [first, second] = args;
  const key = taskKeyFromCommandArg(first);
  if (!key) return undefined;
  if (boundedString(second)) return { key, fileName: second };
  if (!isRecord(first)) return undefined;
  if (boundedString(first.fileName)) return { key, fileName: first.fileName };
  if (isRecord(first.file) && boundedString(first.file.fileName)) return { key, fileName: first.file.fileName };
  return undefined;
}

/** Products whose tasks share rooms: a TRTC room's recordings and relays are one room's story. */
export function roomProducts(product: Product): readonly Product[] {
  return product === 'trtc-recording' || product === 'trtc-relay' ? ['trtc-recording', 'trtc-relay'] : [product];
}

/** A room panel's identity (and its saved zoom) from a page's saved state or a command argument. */
export function parseRoomState(value: unknown): RoomPanelState | undefined {
  if (!isRecord(value)) return undefined;
  const { accountId, product, room } = value;
  // An empty room id is a real (if odd) room: TRTC tasks without a room label are grouped under it.
  if (!boundedString(accountId) || !isProduct(product) || typeof room !== 'string' || room.length > MAX_ID_LENGTH) return undefined;
  const view = isRecord(value.view) ? value.view : undefined;
  const { startMs, endMs } = view ?? {};
  const validView = typeof startMs === 'number' && typeof endMs === 'number' && Number.isFinite(startMs) && Number.isFinite(endMs) && endMs > startMs;
  return { kind: 'room', accountId, product, room, ...(validView ? { view: { startMs, endMs } } : {}) };
}

/** One room panel per account and room (whichever product of the room it was opened from). */
export function roomStateKey(state: RoomPanelState): string {
  return JSON.stringify([state.accountId, roomProducts(state.product)[0], state.room]);
}

/** Does this task belong to the room? */
export function inRoom(state: RoomPanelState, key: TaskKey, room: string): boolean {
  return key.accountId === state.accountId && room === state.room && roomProducts(state.product).includes(key.product);
}
