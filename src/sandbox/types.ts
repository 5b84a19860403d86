/**
 * The sandbox's public contract: what the extension, the integration tests and the benchmark code against.
 */
import type { Logger } from '../model/logger';

export type TencentSignedHost = 'request' | 'sandbox' | 'vendor';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Loopback only; defaults to 127.0.0.1. */
  readonly host?: string;
  /** Demo data, credentials and fault randomness are a function of this seed (default 1). */
  readonly seed?: number;
  /** Clock in Unix ms; tests inject one to move demo data through time. Defaults to `Date.now`. */
  readonly now?: () => number;
  readonly logger?: Logger;
  /**
   * The host a Tencent signature must be for. `request` (the default): whatever Host the request
   * arrived with. `sandbox`: only the sandbox's own address (with or without its port), as a server
   * reached directly checks the host it is reached at (a private deployment). `vendor`: only Tencent
   * Cloud's own host of the action's service (`trtc.tencentcloudapi.com`, or the `intl.` one), as
   * Tencent Cloud checks a request a forwarding gateway passed on.
   */
  readonly tencentSignedHost?: TencentSignedHost;
  /**
   * Made-up host names (no port) that stand for the sandbox's own address, as a loopback address does:
   * a test's proxy maps such a name to the sandbox, so requests reach it only through that proxy.
   */
  readonly aliasHosts?: readonly string[];
}

export interface TencentDemoApp {
  readonly label: string;
  /** Test data: its vendor strings are the hostile ones (markup, script breakouts, bidi overrides), not a realistic demo. */
  readonly hostileStrings: boolean;
  readonly secretId: string;
  readonly secretKey: string;
  /** Set when the key is an STS temporary one: requests must send it as `X-TC-Token`. */
  readonly token?: string;
  readonly region: string;
  readonly trtcSdkAppId: number;
  readonly gmeBizId: number;
  /** The push domain of this app's CSS streams. */
  readonly cssDomain: string;
  readonly gmeRoomIds: string[];
  /** Recording tasks of the current cycle of every recording room, taken when `demo()` was called. */
  readonly trtcRecordingTaskIds: string[];
  /** Relay (stream ingest) tasks of the current cycle, taken when `demo()` was called. */
  readonly trtcRelayTaskIds: string[];
  /** The room each of those recording and relay tasks runs in, by task id. */
  readonly trtcTaskRooms: Record<string, string>;
  /** The app's VOD: its SubAppId, and whether DescribeMediaInfos finds its media only with it. */
  readonly vod: { readonly subAppId?: number; readonly required: boolean };
  /** A key of the same account that CAM allows to describe tasks but not to stop them. */
  readonly readOnlyKey: { readonly secretId: string; readonly secretKey: string };
  /** The callback keys set in the TRTC, GME and CSS consoles: the sandbox signs this app's callbacks with them. */
  readonly callbackKeys: { readonly trtc: string; readonly gme: string; readonly css: string };
}

export interface ZegoDemoApp {
  readonly label: string;
  /** Test data: its vendor strings are the hostile ones (markup, script breakouts, bidi overrides), not a realistic demo. */
  readonly hostileStrings: boolean;
  readonly appId: number;
  readonly serverSecret: string;
  /** The callback secret set in the ZEGO console: the sandbox signs this app's recording callbacks with it. */
  readonly callbackSecret: string;
}

export interface DemoCredentials {
  readonly tencent: TencentDemoApp[];
  readonly zego: ZegoDemoApp[];
}

export interface FaultSettings {
  /** Delay before the request is handled. */
  readonly latencyMs: number;
  /** Share (0..1) of requests answered with the vendor's internal error (Tencent InternalError, ZEGO 300010000). */
  readonly errorRate: number;
  /** Every request gets the vendor's rate-limit error. */
  readonly rateLimitStorm: boolean;
  /** The body is cut off mid-JSON. */
  readonly malformedJson: boolean;
  /** HTTP 502 with a text/html page, as a proxy in front of the vendor would send. */
  readonly htmlErrorPage: boolean;
  /** The socket is destroyed without an answer. */
  readonly resetConnection: boolean;
  /** Headers and part of the body are sent, then nothing more. */
  readonly stallBody: boolean;
  /** Share (0..1) of requests answered with HTTP 503. */
  readonly http5xx: number;
  /** Offset added to the sandbox's clock (signature checks, `Date` header, demo data). */
  readonly clockSkewMs: number;
}

export interface FaultScope {
  /** Limit the faults to one action (`DescribeTaskInfo`, `DescribeTasks`, ...). */
  readonly action?: string;
}

export interface SandboxFaults {
  /** Merges `faults` into the settings of `scope` (all actions when absent). */
  set(faults: Partial<FaultSettings>, scope?: FaultScope): void;
  /** Removes every fault of every scope. */
  clear(): void;
}

export interface ActionStats {
  /** Requests that named this action, rejected ones included. */
  readonly requests: number;
  /** Requests answered with the rate-limit error. */
  readonly rateLimited: number;
  /** Highest count in any one wall-clock second. */
  readonly maxPerSecond: number;
  /** Requests per Unix second (`floor(arrivalMs / 1000)`), the last hour only. */
  readonly perSecond: Record<string, number>;
}

export interface SandboxStats {
  snapshot(): Record<string, ActionStats>;
  reset(): void;
}

export interface BulkTaskRequest {
  /** `trtc-recording`: live recordings that are all running now (for polling benchmarks). */
  readonly product: 'css' | 'zego' | 'trtc-recording';
  /** 1..100,000 tasks, spread evenly over the window (1..1,000 live recordings). */
  readonly count: number;
  /** Window start, Unix ms. Defaults: CSS now − 6 days, ZEGO now − 2 days. */
  readonly startMs?: number;
  /** Window end, Unix ms. Defaults to one minute before now. */
  readonly endMs?: number;
  /** CSS: how many of the batch's newest tasks are still running (scheduled to end an hour from now). */
  readonly running?: number;
}

interface BulkTaskSetBase {
  readonly count: number;
  readonly startMs: number;
  readonly endMs: number;
}

/** Ended CSS tasks on their own stream of the dedicated "Bulk" Tencent app, so demo listings stay small. */
export interface CssBulkTaskSet extends BulkTaskSetBase {
  readonly product: 'css';
  readonly secretId: string;
  readonly secretKey: string;
  readonly region: string;
  readonly domainName: string;
  readonly appName: string;
  readonly streamName: string;
}

/** Ended (Status 3) ZEGO tasks in their own room of the dedicated "Bulk" ZEGO app. */
export interface ZegoBulkTaskSet extends BulkTaskSetBase {
  readonly product: 'zego';
  readonly appId: number;
  readonly serverSecret: string;
  readonly roomId: string;
}

/**
 * Live TRTC recordings in rooms of their own of the "Bulk" Tencent app: each has been running for
 * 30 s when added (`startMs` is when they started), and keeps running until `endMs`.
 */
export interface TrtcBulkTaskSet extends BulkTaskSetBase {
  readonly product: 'trtc-recording';
  readonly secretId: string;
  readonly secretKey: string;
  readonly region: string;
  readonly trtcSdkAppId: number;
  readonly taskIds: readonly string[];
}

export type BulkTaskSet = CssBulkTaskSet | ZegoBulkTaskSet | TrtcBulkTaskSet;

export interface CallbackTargetOptions {
  /** Also send the callbacks that fell due after this time (Unix ms, within the last 24 hours). Default: from now on. */
  readonly replayFromMs?: number;
  /** Also the "Hostile strings" apps' callbacks (test data that a demo leaves out). Default false. */
  readonly hostileStrings?: boolean;
}

/** A callback target and what was sent to it. */
export interface CallbackTargetStats {
  readonly url: string;
  readonly hostileStrings: boolean;
  /** POST requests made: first tries and retries. */
  readonly sent: number;
  /** Callbacks answered with HTTP 200. */
  readonly delivered: number;
  /** Callbacks given up after the vendor's last retry. */
  readonly failed: number;
  /** How many of the requests sent were retries. */
  readonly retried: number;
  /** Callbacks waiting for their next try. */
  readonly pending: number;
}

/**
 * Real, signed recording callbacks of the demo tasks, sent to loopback URLs with each vendor's retry
 * rule. Sent every second while a target is registered, or when `deliverDue` is called.
 */
export interface SandboxCallbacks {
  /** Registers a target (a URL registered again starts afresh); throws for a URL that is not http on loopback. */
  register(url: string, options?: CallbackTargetOptions): CallbackTargetStats;
  targets(): CallbackTargetStats[];
  /** Removes every target. */
  clear(): void;
  /** Sends what is due at `nowMs` (default: the sandbox's clock); resolves once every try it made has been answered or timed out. */
  deliverDue(nowMs?: number): Promise<void>;
}

export interface RunningSandbox {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** A fresh snapshot: the task ids are those current at the time of the call. */
  demo(): DemoCredentials;
  readonly faults: SandboxFaults;
  readonly stats: SandboxStats;
  /** Adds a batch of tasks deterministically; each call adds a new stream (CSS) or room (ZEGO). */
  addBulkTasks(request: BulkTaskRequest): BulkTaskSet;
  readonly callbacks: SandboxCallbacks;
  /** Stops listening and destroys every open socket, keep-alive and stalled ones included. */
  close(): Promise<void>;
}
