/**
 * The query the extension makes for a task, as its vendor sees it, turned into text to paste: the
 * UI gets strings only (`CopyForm`), never a vendor type. Keys are environment-variable references
 * in every form (see vendors/shared/copyAs.ts).
 */
import type { Account } from '../model/account';
import { isTerminal, type Task } from '../model/task';
import {
  DESCRIBE_CLOUD_RECORDING,
  DESCRIBE_RECORD_TASK,
  DESCRIBE_STREAM_INGEST,
  DESCRIBE_TASK_INFO,
  regionFor,
  tencentHost,
  type TencentAction,
} from '../vendors/tencent/actions';
import { ZEGO_CLOUD_RECORD_BASE } from '../vendors/zego/client';
import { copyQueryAs, type CopyableQuery, type CopyFormat } from '../vendors/shared/copyAs';

export interface CopyForm {
  readonly format: CopyFormat;
  readonly text: string;
}

function tencentQuery(account: Extract<Account, { vendor: 'tencent' }>, action: TencentAction, params: Record<string, unknown>): CopyableQuery {
  return {
    vendor: 'tencent',
    service: action.service,
    action: action.name,
    version: action.version,
    region: action.regions || action.siteRegions ? regionFor(account, action.product) : undefined,
    baseUrl: account.endpoint ?? `https://${tencentHost(action.service, account.site)}`,
    params,
  };
}

/** The describe query that refreshes `task`, or undefined when the account does not match. */
export function taskQuery(account: Account, task: Task): CopyableQuery | undefined {
  if (account.vendor === 'zego') {
    const start = task.startedAt ?? task.observedAt;
    return {
      vendor: 'zego',
      action: 'DescribeTasks',
      appId: account.appId,
      baseUrl: account.endpoint ?? ZEGO_CLOUD_RECORD_BASE,
      params: { Status: isTerminal(task.status) ? 3 : 2, RoomId: task.room, StartTime: start - 60_000, EndTime: start + 60_000, PageOffset: 1, PageSize: 50 },
    };
  }
  switch (task.product) {
    case 'trtc-recording':
      return tencentQuery(account, DESCRIBE_CLOUD_RECORDING, { SdkAppId: account.trtcSdkAppId ?? 0, TaskId: task.taskId });
    case 'trtc-relay':
      return tencentQuery(account, DESCRIBE_STREAM_INGEST, { SdkAppId: account.trtcSdkAppId ?? 0, TaskId: task.taskId });
    case 'gme':
      return tencentQuery(account, DESCRIBE_TASK_INFO, { BizId: account.gmeBizId ?? 0, RoomId: task.room });
    case 'css': {
      const start = Math.floor((task.startedAt ?? task.observedAt) / 1000);
      const end = Math.ceil((task.endedAt ?? task.observedAt) / 1000);
      return tencentQuery(account, DESCRIBE_RECORD_TASK, {
        StartTime: start,
        EndTime: Math.max(end, start + 1),
        StreamName: task.room,
        DomainName: account.cssDomain,
        AppName: account.cssApp,
      });
    }
    default:
      return undefined;
  }
}

/** Every form the task's query can be copied as (ZEGO has no tccli). */
export function taskCopyForms(account: Account, task: Task): CopyForm[] {
  const query = taskQuery(account, task);
  if (!query) return [];
  return (['curl', 'tccli', 'node'] as const).flatMap((format) => {
    const text = copyQueryAs(query, format);
    return text === undefined ? [] : [{ format, text }];
  });
}
