/**
 * GME DescribeRecordInfo (2018-07-11, https://www.tencentcloud.com/document/product/607/53739): a
 * recording task's files. `TaskId` is a JSON integer above 2^53, sent as a bigint so every digit
 * survives; `RecordBeginTime` is Unix seconds; `RecordStatus` 2 recording, 10 waiting to transcode,
 * 11 transcoding, 12 uploading, 13 uploaded, 14 user notified. RecordMode here is 1 single,
 * 2 mixed, 3 both (the callbacks use 0/1).
 */
import type { FileState, StorageFile, Task } from '../../model/task';
import { idString, object, optionalArray, optionalEpoch, optionalNumber, string, type RawObject } from '../shared/fields';

export interface GmeRecordFile {
  /** "0" in mixed mode. */
  readonly UserId: string;
  readonly FileName: string;
  readonly RecordBeginTime?: number;
  readonly RecordStatus?: number;
}

export interface GmeRecordInfo {
  readonly RecordInfo: readonly GmeRecordFile[];
  readonly RecordMode?: number;
  readonly RoomId?: string;
}

export function readGmeRecordInfo(response: RawObject): GmeRecordInfo {
  return {
    RecordInfo: optionalArray(response.RecordInfo, 'RecordInfo').map((raw, i) => {
      const path = `RecordInfo[${i}]`;
      const f = object(raw, path);
      return {
        UserId: f.UserId === undefined || f.UserId === null ? '' : idString(f.UserId, `${path}.UserId`),
        FileName: string(f.FileName, `${path}.FileName`),
        RecordBeginTime: optionalEpoch(f.RecordBeginTime, `${path}.RecordBeginTime`, 1000),
        RecordStatus: optionalNumber(f.RecordStatus, `${path}.RecordStatus`),
      };
    }),
    RecordMode: optionalNumber(response.RecordMode, 'RecordMode'),
    RoomId: response.RoomId === undefined || response.RoomId === null ? undefined : idString(response.RoomId, 'RoomId'),
  };
}

const STATES: Readonly<Record<number, FileState>> = { 2: 'recording', 10: 'processing', 11: 'processing', 12: 'uploading', 13: 'uploaded', 14: 'uploaded' };

export function gmeFileState(status: number): FileState | undefined {
  return STATES[status];
}

function normalizeFile(f: GmeRecordFile): StorageFile {
  return {
    // Mixed-mode files carry UserId "0": the model's "mixed" is an empty user id.
    userId: f.UserId === '0' ? '' : f.UserId,
    fileName: f.FileName,
    trackType: 'audio',
    beginTimeMs: f.RecordBeginTime === undefined ? undefined : f.RecordBeginTime * 1000,
    state: f.RecordStatus === undefined ? undefined : gmeFileState(f.RecordStatus),
    rawState: f.RecordStatus === undefined ? undefined : String(f.RecordStatus),
    reportedBy: 'DescribeRecordInfo',
  };
}

/** `task` with the files DescribeRecordInfo reported (its status is DescribeTaskInfo's to say). */
export function withGmeRecordInfo(task: Task, info: GmeRecordInfo, observedAt: number, requestId: string | undefined): Task {
  const extras = info.RecordMode === undefined ? task.extras : { ...task.extras, RecordMode: info.RecordMode };
  return {
    ...task,
    room: task.room || info.RoomId || '',
    files: info.RecordInfo.map(normalizeFile),
    extras,
    observedAt,
    requestId: requestId ?? task.requestId,
  };
}
