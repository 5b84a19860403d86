/**
 * The queries the extension makes, as their vendor sees them, turned into text to paste: a task's
 * refresh; a room's (ZEGO and CSS: the listing narrowed to the room or stream; GME: DescribeTaskInfo);
 * a product's listing (ZEGO, CSS: the first page the tree asks for). TRTC recording and relay are asked
 * by TaskId only, so their rooms and products have no query. The parameters come from the builders the
 * vendor sources use. The UI gets strings only (`CopyForm`), never a vendor type. Keys are
 * environment-variable references in every form (vendors/shared/copyAs.ts); the signed form carries a
 * signature, never the key (vendors/shared/presignedCurl.ts).
 */
import type { Account, AccountSecret, TencentAccount, ZegoAccount } from '../model/account';
import { traitsOf } from '../model/productTraits';
import { isTerminal, type Product, type Task } from '../model/task';
import type { ListQuery } from '../model/taskSource';
import { listingRange, RELIST_MARGIN_MS } from '../tasks/listingWindow';
import { sharedClockOffsets } from '../vendors/shared/clockOffsets';
import { copyQueryAs, type CopyableQuery, type CopyFormat } from '../vendors/shared/copyAs';
import { presignedCurl } from '../vendors/shared/presignedCurl';
import {
  DESCRIBE_CLOUD_RECORDING,
  DESCRIBE_RECORD_TASK,
  DESCRIBE_STREAM_INGEST,
  DESCRIBE_TASK_INFO,
  regionFor,
  tencentHost,
  type TencentAction,
} from '../vendors/tencent/actions';
import { cssEarliestStartMs, describeRecordTaskParams, firstRecordTaskParams } from '../vendors/tencent/css';
import { describeTaskInfoParams } from '../vendors/tencent/gme';
import { ZEGO_CLOUD_RECORD_BASE } from '../vendors/zego/client';
import { DESCRIBE_TASKS, describeTasksParams, firstDescribeTasksParams, zegoEarliestStartMs } from '../vendors/zego/cloudRecord';

/** What a query is about: one task, one room (CSS: stream) of a product, or a product's listing. */
export type QueryTarget =
  | { readonly kind: 'task'; readonly task: Task }
  | { readonly kind: 'room'; readonly product: Product; readonly room: string }
  | { readonly kind: 'listing'; readonly product: Product };

/** What a listing's query depends on besides the account: the clock, and the filter's hours (CSS). */
export interface QueryMoment {
  readonly nowMs: number;
  readonly listingHours: number;
}

export interface CopyForm {
  /** `signedCurl`: curl with a signature made at copy time (see `signedCopyForm`). */
  readonly format: CopyFormat | 'signedCurl';
  readonly text: string;
}

/** The signed form, or why there is none. */
export type SignedCopy = { readonly form: CopyForm } | { readonly refused: 'temporaryKey' | 'noSecret' | 'noQuery' };

const ZEGO_NOTE = 'The extension asks Status 2 (running), then Status 3 (ended), each page by page (PageOffset).';
const CSS_NOTE = 'The extension goes on with the ScrollToken of each answer, then with older windows.';

const tencentBaseUrl = (account: TencentAccount, action: TencentAction): string => account.endpoint ?? `https://${tencentHost(action.service, account.site)}`;
const zegoBaseUrl = (account: ZegoAccount): string => account.endpoint ?? ZEGO_CLOUD_RECORD_BASE;

function tencentQuery(account: TencentAccount, action: TencentAction, params: Record<string, unknown>, note?: string): CopyableQuery {
  return {
    vendor: 'tencent',
    service: action.service,
    action: action.name,
    version: action.version,
    region: action.regions || action.siteRegions ? regionFor(account, action.product) : undefined,
    baseUrl: tencentBaseUrl(account, action),
    params,
    note,
  };
}

function zegoQuery(account: ZegoAccount, params: Record<string, unknown>, note?: string): CopyableQuery {
  return { vendor: 'zego', action: DESCRIBE_TASKS, appId: account.appId, baseUrl: zegoBaseUrl(account), params, note };
}

/**
 * The range the tree's listing asks for now (TaskLoader's `listingRange`), with the vendor's clock
 * offset as its client learned it.
 */
function listingQuery(product: 'css' | 'zego-recording', baseUrl: string, moment: QueryMoment, room?: string): ListQuery {
  const host = new URL(baseUrl).host;
  const source = {
    product,
    earliestStartMs: product === 'css' ? cssEarliestStartMs : zegoEarliestStartMs,
    clockOffsetMs: () => sharedClockOffsets.offset(host),
  };
  return { ...listingRange(source, moment.nowMs, moment.listingHours), statuses: 'all', room, batch: traitsOf(product).batch };
}

/** The describe query that refreshes `task`, or undefined when the account does not match. */
export function taskQuery(account: Account, task: Task): CopyableQuery | undefined {
  if (account.vendor === 'zego') {
    const start = task.startedAt ?? task.observedAt;
    const window = { start: start - RELIST_MARGIN_MS, end: start + RELIST_MARGIN_MS };
    return zegoQuery(account, describeTasksParams(isTerminal(task.status) ? 3 : 2, window, task.room, 1));
  }
  switch (task.product) {
    case 'trtc-recording':
      return tencentQuery(account, DESCRIBE_CLOUD_RECORDING, { SdkAppId: account.trtcSdkAppId ?? 0, TaskId: task.taskId });
    case 'trtc-relay':
      return tencentQuery(account, DESCRIBE_STREAM_INGEST, { SdkAppId: account.trtcSdkAppId ?? 0, TaskId: task.taskId });
    case 'gme':
      return tencentQuery(account, DESCRIBE_TASK_INFO, describeTaskInfoParams(account.gmeBizId ?? 0, task.room));
    case 'css': {
      const start = Math.floor((task.startedAt ?? task.observedAt) / 1000);
      const end = Math.ceil((task.endedAt ?? task.observedAt) / 1000);
      return tencentQuery(account, DESCRIBE_RECORD_TASK, describeRecordTaskParams(account, { start, end: Math.max(end, start + 1) }, task.room));
    }
    default:
      return undefined;
  }
}

/**
 * The first request the tree makes for a product's listing (`room` unset) or for one room or stream
 * of it; GME answers per room (DescribeTaskInfo). Undefined for TRTC: it is asked by TaskId only.
 */
function placeQuery(account: Account, product: Product, moment: QueryMoment, room?: string): CopyableQuery | undefined {
  if (account.vendor === 'zego') {
    if (product !== 'zego-recording') return undefined;
    const listing = listingQuery(product, zegoBaseUrl(account), moment, room);
    return zegoQuery(account, firstDescribeTasksParams(listing), ZEGO_NOTE);
  }
  switch (product) {
    case 'css': {
      const listing = listingQuery(product, tencentBaseUrl(account, DESCRIBE_RECORD_TASK), moment, room);
      return tencentQuery(account, DESCRIBE_RECORD_TASK, firstRecordTaskParams(account, listing), CSS_NOTE);
    }
    case 'gme':
      return room === undefined ? undefined : tencentQuery(account, DESCRIBE_TASK_INFO, describeTaskInfoParams(account.gmeBizId ?? 0, room));
    default:
      return undefined;
  }
}

/** The query the extension makes for `target`, or undefined when it makes none (TRTC rooms and listings). */
export function targetQuery(account: Account, target: QueryTarget, moment: QueryMoment): CopyableQuery | undefined {
  switch (target.kind) {
    case 'task':
      return taskQuery(account, target.task);
    case 'room':
      return placeQuery(account, target.product, moment, target.room);
    case 'listing':
      return placeQuery(account, target.product, moment);
  }
}

/** Every form the target's query can be copied as without a secret (ZEGO has no tccli); none when it has no query. */
export function queryCopyForms(account: Account, target: QueryTarget, moment: QueryMoment): CopyForm[] {
  const query = targetQuery(account, target, moment);
  if (!query) return [];
  return (['curl', 'tccli', 'node'] as const).flatMap((format) => {
    const text = copyQueryAs(query, format);
    return text === undefined ? [] : [{ format, text }];
  });
}

/**
 * The curl form carrying a signature made now, accepted for 5 minutes: for the caller to use only
 * after the user agreed, since anyone holding the text can send the query until then. Refused for an
 * STS key (its token is a credential of its own; the self-signing form reads it from
 * `$TENCENTCLOUD_SESSION_TOKEN`). Signed by the vendor's clock as the clients learned it.
 */
export function signedCopyForm(account: Account, secret: AccountSecret, target: QueryTarget, moment: QueryMoment): SignedCopy {
  if (secret.vendor === 'tencent' && secret.token) return { refused: 'temporaryKey' };
  const query = targetQuery(account, target, moment);
  if (!query) return { refused: 'noQuery' };
  const serverNowMs = sharedClockOffsets.serverNow(new URL(query.baseUrl).host, moment.nowMs);
  return { form: { format: 'signedCurl', text: presignedCurl(query, secret, serverNowMs) } };
}
