/**
 * Vendor-neutral description of a cloud recording or relay task.
 * Every time is Unix epoch **milliseconds**; normalizers convert vendor seconds to ms.
 */

/** The two clouds whose APIs we speak. */
export type Vendor = 'tencent' | 'zego';

/**
 * One product a task belongs to. A product fixes which API answers for the task:
 * - `gme`: GME DescribeTaskInfo (per room; TaskId is a u64, kept as a decimal string)
 * - `trtc-recording`: TRTC DescribeCloudRecording (per task id; errors once ended)
 * - `trtc-relay`: TRTC DescribeStreamIngest (per task id; `NotExist` once ended)
 * - `css`: CSS DescribeRecordTask (listing by time window, ScrollToken paging)
 * - `zego-recording`: ZEGO DescribeTasks (listing of the last 3 days, PageOffset paging)
 */
export type Product = 'gme' | 'trtc-recording' | 'trtc-relay' | 'css' | 'zego-recording';

export const PRODUCTS: readonly Product[] = ['trtc-recording', 'trtc-relay', 'gme', 'css', 'zego-recording'];

export const PRODUCT_VENDOR: Readonly<Record<Product, Vendor>> = {
  gme: 'tencent',
  'trtc-recording': 'tencent',
  'trtc-relay': 'tencent',
  css: 'tencent',
  'zego-recording': 'zego',
};

/**
 * The small status set every vendor status maps onto (see `status.ts` for the mappings).
 * `ended` and `failed` are terminal: polling stops there.
 */
export type TaskStatus = 'starting' | 'running' | 'paused' | 'stopping' | 'ended' | 'failed' | 'unknown';

export const TERMINAL_STATUSES: ReadonlySet<TaskStatus> = new Set<TaskStatus>(['ended', 'failed']);

export function isTerminal(status: TaskStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

/**
 * Where a recorded file is in its life, on every vendor's scale: being written, being uploaded
 * (GME also transcodes first), in the user's storage or VOD, on the vendor's backup storage
 * (ZEGO keeps it 3 days, TRTC 305 "left on backup"), or lost.
 */
export type FileState = 'recording' | 'processing' | 'uploading' | 'uploaded' | 'backup' | 'failed';

/** A recorded file: TRTC's `StorageFile`, ZEGO's `RecordFiles[]`, GME's `RecordInfo`, or a callback's file. */
export interface StorageFile {
  /** The user whose stream this file holds (TRTC `UserId`); empty for mixed output. */
  readonly userId: string;
  /** File name as the vendor reports it (TRTC `FileName`, ZEGO `FileId`, GME `FileName`); the file's identity within its task. */
  readonly fileName: string;
  /** TRTC `TrackType`: `audio`, `video` or `audio_video`. Kept verbatim. */
  readonly trackType: string;
  /** When the file's recording began, Unix epoch ms (TRTC `BeginTimeStamp` is already ms). */
  readonly beginTimeMs?: number;
  /** When the file's recording ended, Unix epoch ms (callbacks' EndTimeStamp, begin + duration). */
  readonly endTimeMs?: number;
  /** The file's state, when the vendor reports one. */
  readonly state?: FileState;
  /** The vendor's own file status, verbatim (ZEGO `Status` 1–5, GME `RecordStatus` 2/10–14, TRTC 305 `Status`). */
  readonly rawState?: string;
  /**
   * Where the file can be fetched (ZEGO `FileUrl`, VOD `MediaUrl`). May be signed or temporary: it is
   * shown only in the storage-file panel, opened only on an explicit click, and never logged or exported.
   */
  readonly url?: string;
  /** Tencent VOD FileId (TRTC callback 311, CSS callback `file_id`, ZEGO `VideoId`). */
  readonly vodFileId?: string;
  readonly sizeBytes?: number;
  readonly durationMs?: number;
  /** Output format (`mp4`, `hls`, `aac` …), verbatim. */
  readonly format?: string;
  /** When a backup copy expires, Unix epoch ms (ZEGO status 4: kept 3 days). */
  readonly expiresAtMs?: number;
  /** Which API or callback last reported the file (`DescribeRecordStatus`, `TRTC callback 311` …). */
  readonly reportedBy?: string;
}

/** A JSON-safe value shown in the details panel as a vendor extra. */
export type ExtraValue = string | number | boolean | null | readonly string[];

/** Identity of a task across the whole extension: stable, and free of secrets. */
export interface TaskKey {
  readonly accountId: string;
  readonly product: Product;
  /** Vendor task id, always a string (GME's u64 keeps every digit). */
  readonly taskId: string;
}

export interface Task extends TaskKey {
  readonly vendor: Vendor;
  /** TRTC SdkAppId, GME BizId, ZEGO AppId (decimal string); for CSS the push domain. */
  readonly appId: string;
  /** Room id (TRTC, GME, ZEGO) or stream name (CSS). */
  readonly room: string;
  readonly status: TaskStatus;
  /** The vendor's own status value, verbatim (`InProgress`, `2`, `Stopped:1595783500` ...). */
  readonly rawStatus: string;
  /** When the task started, Unix epoch ms, when the vendor says. */
  readonly startedAt?: number;
  /** When the task ended or is scheduled to end, Unix epoch ms, when the vendor says. */
  readonly endedAt?: number;
  /** When this snapshot was taken from the vendor, Unix epoch ms. */
  readonly observedAt: number;
  /** Recorded files known for the task, from its query API, its file API or its callbacks. */
  readonly files: readonly StorageFile[];
  /**
   * Vendor-specific fields, keyed by the vendor's own field names:
   * GME `RecordMode` (1 single, 2 mixed, 3 both), `SubscribeUserIds`, `UnSubscribeUserIds`;
   * CSS `DomainName`, `AppName`, `TemplateId`, `Stopped` (s, 0 = not stopped); ZEGO `Status` (1..5).
   */
  readonly extras: Readonly<Record<string, ExtraValue>>;
  /** The vendor's RequestId of the response that produced this snapshot. */
  readonly requestId?: string;
}

/** `accountId/product/taskId`: the stable string form of a `TaskKey`. */
export function taskKeyString(key: TaskKey): string {
  return `${key.accountId}/${key.product}/${key.taskId}`;
}

export function sameTask(a: TaskKey, b: TaskKey): boolean {
  return a.accountId === b.accountId && a.product === b.product && a.taskId === b.taskId;
}
