/** Raw ZEGO cloud-recording shapes, as documented (times in ms), with checked readers. */
import { array, idString, number, object, optionalEpoch, optionalNumber, string, type RawObject } from '../shared/fields';

export interface ZegoTaskRecord {
  /** 16-character task id. */
  readonly TaskId: string;
  readonly RoomId: string;
  /** 1 initializing, 2 in progress, 3 ended, 4 ended abnormally, 5 paused. */
  readonly Status: number;
  /** Recording start, Unix epoch **ms**. */
  readonly RecordBeginTimestamp?: number;
}

/** DescribeTasks `Data`. */
export interface ZegoTaskPage {
  readonly PageOffset?: number;
  readonly PageSize?: number;
  readonly TotalCount?: number;
  readonly TaskList: readonly ZegoTaskRecord[];
}

/** Reads DescribeTasks `Data`; the array is `TaskList`, or `TaskidList` as the doc's sample spells it. */
export function readZegoTaskPage(data: RawObject): ZegoTaskPage {
  const key = data.TaskList !== undefined ? 'TaskList' : 'TaskidList';
  const list = data[key] === undefined || data[key] === null ? [] : array(data[key], key);
  return {
    PageOffset: optionalNumber(data.PageOffset, 'PageOffset'),
    PageSize: optionalNumber(data.PageSize, 'PageSize'),
    TotalCount: optionalNumber(data.TotalCount, 'TotalCount'),
    TaskList: list.map((raw, i) => {
      const path = `${key}[${i}]`;
      const task = object(raw, path);
      return {
        TaskId: string(task.TaskId, `${path}.TaskId`),
        RoomId: idString(task.RoomId, `${path}.RoomId`),
        Status: number(task.Status, `${path}.Status`),
        RecordBeginTimestamp: optionalEpoch(task.RecordBeginTimestamp, `${path}.RecordBeginTimestamp`, 1),
      };
    }),
  };
}
