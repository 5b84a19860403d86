/**
 * Raw Tencent Cloud response shapes, as documented (units noted), each with a reader that checks
 * the `Response` object field by field. Readers keep vendor names; `normalize.ts` maps to the model.
 */
import { epoch, idString, isObject, object, optionalArray, optionalEpoch, optionalNumber, optionalString, string, type RawObject } from '../shared/fields';

/** GME DescribeTaskInfo (2018-07-11). */
export interface GmeTaskInfo {
  /** The room's ongoing task; a u64 kept as its exact decimal string. Absent when the room has none. */
  readonly TaskId?: string;
  /** 1 single stream, 2 mixed, 3 both. */
  readonly RecordMode?: number;
  /** Allow list; GME's own example sends user ids as numbers, kept here as strings. */
  readonly SubscribeUserIds: readonly string[];
  /** Block list. */
  readonly UnSubscribeUserIds: readonly string[];
}

/** TRTC `StorageFile`. */
export interface TrtcStorageFile {
  /** Empty for mixed-stream output. */
  readonly UserId: string;
  readonly FileName: string;
  /** `video`, `audio` or `audio_video`. */
  readonly TrackType: string;
  /** Unix epoch **milliseconds** (both official examples are ms). */
  readonly BeginTimeStamp?: number;
}

/** TRTC DescribeCloudRecording (2019-07-22). */
export interface TrtcCloudRecording {
  readonly TaskId: string;
  /** `Idle`, `InProgress` or `Exited`. */
  readonly Status: string;
  readonly StorageFileList: readonly TrtcStorageFile[];
}

/** TRTC DescribeStreamIngest (2019-07-22). */
export interface TrtcStreamIngest {
  /** `InProgress` or `NotExist`. */
  readonly Status: string;
}

/** CSS `RecordTask`; times are Unix **seconds**. */
export interface CssRecordTask {
  readonly TaskId: string;
  readonly DomainName: string;
  readonly AppName: string;
  readonly StreamName: string;
  readonly StartTime: number;
  readonly EndTime: number;
  /** 0 = no template. */
  readonly TemplateId: number;
  /** When StopRecordTask was called, Unix seconds; 0 = never stopped. */
  readonly Stopped: number;
}

/** CSS DescribeRecordTask (2018-08-01) page. */
export interface CssRecordTaskPage {
  readonly TaskList: readonly CssRecordTask[];
  /** Empty means no more pages. */
  readonly ScrollToken: string;
}

function stringList(value: unknown, path: string): string[] {
  return optionalArray(value, path).map((item, i) => idString(item, `${path}[${i}]`));
}

export function readGmeTaskInfo(response: RawObject): GmeTaskInfo {
  const lists = isObject(response.SubscribeRecordUserIds) ? response.SubscribeRecordUserIds : {};
  const taskId = response.TaskId === undefined || response.TaskId === null ? undefined : idString(response.TaskId, 'TaskId');
  return {
    TaskId: taskId,
    RecordMode: optionalNumber(response.RecordMode, 'RecordMode'),
    SubscribeUserIds: stringList(lists.SubscribeUserIds, 'SubscribeRecordUserIds.SubscribeUserIds'),
    UnSubscribeUserIds: stringList(lists.UnSubscribeUserIds, 'SubscribeRecordUserIds.UnSubscribeUserIds'),
  };
}

export function readTrtcCloudRecording(response: RawObject): TrtcCloudRecording {
  return {
    TaskId: string(response.TaskId, 'TaskId'),
    Status: string(response.Status, 'Status'),
    StorageFileList: optionalArray(response.StorageFileList, 'StorageFileList').map((raw, i) => {
      const path = `StorageFileList[${i}]`;
      const file = object(raw, path);
      return {
        UserId: optionalString(file.UserId, `${path}.UserId`) ?? '',
        FileName: string(file.FileName, `${path}.FileName`),
        TrackType: optionalString(file.TrackType, `${path}.TrackType`) ?? '',
        BeginTimeStamp: optionalEpoch(file.BeginTimeStamp, `${path}.BeginTimeStamp`, 1),
      };
    }),
  };
}

export function readTrtcStreamIngest(response: RawObject): TrtcStreamIngest {
  return { Status: string(response.Status, 'Status') };
}

export function readCssRecordTaskPage(response: RawObject): CssRecordTaskPage {
  return {
    ScrollToken: optionalString(response.ScrollToken, 'ScrollToken') ?? '',
    TaskList: optionalArray(response.TaskList, 'TaskList').map((raw, i) => {
      const path = `TaskList[${i}]`;
      const task = object(raw, path);
      return {
        TaskId: string(task.TaskId, `${path}.TaskId`),
        DomainName: string(task.DomainName, `${path}.DomainName`),
        AppName: string(task.AppName, `${path}.AppName`),
        StreamName: string(task.StreamName, `${path}.StreamName`),
        StartTime: epoch(task.StartTime, `${path}.StartTime`, 1000),
        EndTime: epoch(task.EndTime, `${path}.EndTime`, 1000),
        TemplateId: optionalNumber(task.TemplateId, `${path}.TemplateId`) ?? 0,
        Stopped: optionalEpoch(task.Stopped, `${path}.Stopped`, 1000) ?? 0,
      };
    }),
  };
}
