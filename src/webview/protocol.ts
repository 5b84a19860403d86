/**
 * The message protocol between the details panels and their webview script
 * (`media/webview/details.js` type-checks against this file through JSDoc imports).
 *
 * The host builds a display-ready `DetailsDocument` (labels already localized, times already
 * formatted) so the page only lays out text; it never receives anything it would have to interpret.
 */
import type { TaskStatus } from '../model/task';
import type { PanelState } from './identity';

/** Colours a status pill; a closed set so the page never puts data into a class name. */
export type StatusTone = 'active' | 'pending' | 'done' | 'error' | 'unknown';

export interface DetailField {
  readonly label: string;
  /** The value for people: units, local time and relative time, meanings of codes. */
  readonly value: string;
  /** The vendor's value as received, shown beside `value` when it differs. */
  readonly raw?: string;
  /** Present when the field has a copy button; the host holds the text to copy under this id. */
  readonly copyId?: string;
}

export interface TableCell {
  readonly text: string;
  readonly raw?: string;
}

export interface TableRow {
  readonly cells: readonly TableCell[];
  /** A row that opens a storage file's panel. */
  readonly openFile?: string;
}

/**
 * A span of the task strip: a status held from `from` to `to` (fractions 0..1 of the strip's time
 * window). `open` marks a span still going (to now) or only scheduled (CSS's planned end).
 */
export interface StripSpan {
  readonly from: number;
  readonly to: number;
  readonly status: TaskStatus;
  readonly open?: 'ongoing' | 'scheduled';
  /** What a hover says: the status, both ends, the vendor's raw value. */
  readonly title: string;
}

/** What a mark on the strip stands for; a closed set, drawn with a shape each. */
export type StripMarkKind = 'seen' | 'poll' | 'change' | 'file' | 'callback' | 'stop';

export interface StripMark {
  readonly at: number;
  readonly kind: StripMarkKind;
  readonly title: string;
}

/** One row of the strip: what the vendor reported, or what this extension observed. */
export interface StripLane {
  readonly label: string;
  readonly spans: readonly StripSpan[];
  readonly marks: readonly StripMark[];
}

export interface StripSection {
  readonly kind: 'strip';
  readonly heading: string;
  /** The strip in one sentence, for screen readers (the table below it has the detail). */
  readonly summary: string;
  readonly lanes: readonly StripLane[];
  readonly ticks: readonly { readonly at: number; readonly label: string }[];
  /** Where now falls, when inside the window. */
  readonly now?: number;
  /** The statuses and marks drawn, with their names: colour is never the only cue. */
  readonly legend: readonly ({ readonly status: TaskStatus; readonly label: string } | { readonly mark: StripMarkKind; readonly label: string })[];
}

export type DetailSection =
  | StripSection
  | { readonly kind: 'fields'; readonly heading: string; readonly fields: readonly DetailField[] }
  | {
      readonly kind: 'table';
      readonly heading: string;
      readonly columns: readonly string[];
      readonly rows: readonly TableRow[];
      readonly emptyText: string;
    }
  | { readonly kind: 'pre'; readonly heading: string; readonly text: string };

/** `openUrl`: the storage file's URL, opened in the browser only when the user clicks. */
export type DocumentActionId = 'refresh' | 'openTask' | 'openRoom' | 'stopTask' | 'openUrl';

export interface DetailsDocument {
  readonly heading: string;
  readonly status?: { readonly label: string; readonly tone: StatusTone };
  readonly banners: readonly { readonly tone: 'error' | 'info'; readonly text: string }[];
  readonly actions: readonly { readonly id: DocumentActionId; readonly label: string }[];
  readonly sections: readonly DetailSection[];
  /** Static words of the page, localized by the host. */
  readonly labels: { readonly copy: string; readonly raw: string; readonly openFile: string; readonly busy: string };
}

/** Host → page. */
export type HostMessage =
  { readonly type: 'render'; readonly state: PanelState; readonly document: DetailsDocument } | { readonly type: 'busy'; readonly busy: boolean };

/** Page → host. */
export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'openTask' }
  | { readonly type: 'openRoom' }
  | { readonly type: 'stopTask' }
  | { readonly type: 'openUrl' }
  | { readonly type: 'openFile'; readonly fileName: string }
  | { readonly type: 'copy'; readonly copyId: string };

const MAX_STRING = 16 * 1024;

/**
 * Validates a message from the page. The page is ours, but it renders vendor data, so anything it
 * sends is checked like input from the network: unknown shapes are dropped.
 */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'refresh':
    case 'openTask':
    case 'openRoom':
    case 'stopTask':
    case 'openUrl':
      return { type: message.type };
    case 'openFile':
      return isShortString(message.fileName) ? { type: 'openFile', fileName: message.fileName } : undefined;
    case 'copy':
      return isShortString(message.copyId) ? { type: 'copy', copyId: message.copyId } : undefined;
    default:
      return undefined;
  }
}

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_STRING;
}
