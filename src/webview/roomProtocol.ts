/**
 * The message protocol between the room panel and its page (`media/webview/room.js` type-checks
 * against this file). The host sends the room's tasks as times and closed-set statuses, plus the
 * localized words; the page lays them out at its own zoom, so zoom and pan never wait on the host.
 */
import type { Product, TaskStatus } from '../model/task';

/** The order `RoomTaskColumns.status` indexes. */
export const ROOM_STATUSES: readonly TaskStatus[] = ['starting', 'running', 'paused', 'stopping', 'ended', 'failed', 'unknown'];

/** What the room page saves with `setState`: the identity plus where the user was looking. */
export interface RoomPanelState {
  readonly kind: 'room';
  readonly accountId: string;
  /** The product of the row it was opened from; the panel shows every product that shares its rooms. */
  readonly product: Product;
  readonly room: string;
  /** The page's zoom; absent while it shows the whole room. */
  readonly view?: { readonly startMs: number; readonly endMs: number };
}

/**
 * One kind of mark on the tasks' bars, column by column like the tasks: `<kind>Task` the task's index,
 * `<kind>At` the time, `<kind><What>` what the mark says.
 */
type MarkColumns<Kind extends string, What extends string, Value> = { readonly [K in `${Kind}Task` | `${Kind}At`]: readonly number[] } & {
  readonly [K in `${Kind}${What}`]: readonly Value[];
};

/**
 * A room's tasks, column by column: one array per field, the i-th entry of each describing task i,
 * by start time. Flat arrays of strings and numbers cross `postMessage` (JSON, then structured
 * clone) many times faster than ten thousand small objects, which is most of a big room's first frame.
 * Statuses and products are indexes into `STATUSES` and `PRODUCTS`; a missing time is `null`.
 */
export interface RoomTaskColumns
  extends
    /** Storage files where they began: the name as shown. */
    MarkColumns<'file', 'Name', string>,
    /** Status changes this extension observed after the first sighting: the new status's index. */
    MarkColumns<'change', 'Status', number>,
    /** Callbacks the vendor sent for the task: what each said. */
    MarkColumns<'callback', 'Label', string> {
  /** `product/taskId`: unique in a room, the key of live updates. */
  readonly ref: readonly string[];
  /** The task id as shown: hidden and direction-changing characters made visible. */
  readonly taskId: readonly string[];
  readonly product: readonly number[];
  readonly status: readonly number[];
  /** The vendor's status value, verbatim (hidden characters made visible). */
  readonly rawStatus: readonly string[];
  /** When it started: the vendor's start, else when this extension first saw it. */
  readonly start: readonly number[];
  /** When it ended; null while it runs (drawn up to now). */
  readonly end: readonly (number | null)[];
  /** A running task's scheduled end (CSS), else null. */
  readonly scheduledEnd: readonly (number | null)[];
}

/** Words of the page, localized by the host; `{0}` placeholders are filled by the page. */
export interface RoomLabels {
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly fit: string;
  readonly chart: string;
  readonly keys: string;
  readonly empty: string;
  readonly utc: string;
  readonly local: string;
  readonly started: string;
  readonly ended: string;
  readonly running: string;
  readonly scheduledEnd: string;
  readonly duration: string;
  readonly files: string;
  readonly file: string;
  readonly change: string;
  readonly callback: string;
  readonly legendFile: string;
  readonly legendChange: string;
  readonly legendCallback: string;
  readonly taskOf: string;
  readonly cluster: string;
  readonly clusterHint: string;
  readonly openHint: string;
  readonly tableSummary: string;
  readonly tableMore: string;
  readonly columns: readonly string[];
  readonly rowsPerLane: string;
}

export interface RoomDocument {
  readonly heading: string;
  readonly locale: string;
  /** Zone for the "local" times: unset means the page's own. */
  readonly timeZone?: string;
  readonly now: number;
  readonly tasks: RoomTaskColumns;
  /** The room in a sentence: how many tasks, from when to when, how many of each status. */
  readonly summary: string;
  readonly labels: RoomLabels;
  readonly statusLabels: Readonly<Record<TaskStatus, string>>;
  readonly productLabels: Readonly<Record<Product, string>>;
}

/** Host → page. */
export type RoomHostMessage =
  | { readonly type: 'render'; readonly state: RoomPanelState; readonly document: RoomDocument }
  /** Live change: tasks added or changed, and refs no longer in the room. */
  | { readonly type: 'update'; readonly now: number; readonly upsert: RoomTaskColumns; readonly remove: readonly string[]; readonly summary: string };

/** Page → host. */
export type RoomWebviewMessage = { readonly type: 'ready' } | { readonly type: 'openTask'; readonly ref: string };

const MAX_REF = 32 * 1024;

/** Validates a message from the room page; anything else is dropped. */
export function parseRoomMessage(value: unknown): RoomWebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  if (message.type === 'ready') return { type: 'ready' };
  if (message.type === 'openTask' && typeof message.ref === 'string' && message.ref.length > 0 && message.ref.length <= MAX_REF) {
    return { type: 'openTask', ref: message.ref };
  }
  return undefined;
}
