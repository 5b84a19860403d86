/**
 * Vendor status → `TaskStatus`, one pure function per API. The raw value is always kept beside the
 * mapped one (`Task.rawStatus`), so nothing the vendor said is lost.
 */
import type { TaskStatus } from './task';

/**
 * TRTC DescribeCloudRecording `Status`:
 * - `Idle` → `starting` (the recorder has not started pulling streams yet)
 * - `InProgress` → `running`
 * - `Exited` → `stopping` (being ended; the next query usually errors, which means ended)
 */
export function trtcRecordingStatus(raw: string): TaskStatus {
  switch (raw) {
    case 'Idle':
      return 'starting';
    case 'InProgress':
      return 'running';
    case 'Exited':
      return 'stopping';
    default:
      return 'unknown';
  }
}

/**
 * TRTC DescribeStreamIngest `Status`: `InProgress` → `running`; `NotExist` → `ended`
 * (the vendor forgets a relay once it stops, so "does not exist" is how the end shows).
 */
export function trtcRelayStatus(raw: string): TaskStatus {
  switch (raw) {
    case 'InProgress':
      return 'running';
    case 'NotExist':
      return 'ended';
    default:
      return 'unknown';
  }
}

/** The `rawStatus` kept for GME, which has no status field: whether DescribeTaskInfo returned a TaskId. */
export type GmeRawStatus = 'TaskPresent' | 'TaskAbsent';

/**
 * GME DescribeTaskInfo only returns the room's *ongoing* task: present → `running`; the task is no
 * longer returned (absent, or another TaskId) → `ended`.
 */
export function gmeStatus(raw: GmeRawStatus): TaskStatus {
  return raw === 'TaskPresent' ? 'running' : 'ended';
}

/**
 * CSS DescribeRecordTask has no status field; it follows from the schedule and `Stopped`
 * (all in Unix **seconds** as CSS sends them; `nowMs` in ms):
 * - `Stopped > 0` (StopRecordTask was called) or `EndTime <= now` → `ended`
 * - `now < StartTime` → `starting` (scheduled, not begun)
 * - otherwise → `running`
 */
export function cssStatus(task: { StartTime: number; EndTime: number; Stopped: number }, nowMs: number): TaskStatus {
  const nowSec = nowMs / 1000;
  if (task.Stopped > 0 || task.EndTime <= nowSec) return 'ended';
  if (nowSec < task.StartTime) return 'starting';
  return 'running';
}

/**
 * ZEGO cloud-recording `Status` (DescribeTasks, DescribeRecordStatus):
 * 1 initializing → `starting`, 2 in progress → `running`, 3 ended → `ended`,
 * 4 ended abnormally → `failed`, 5 paused → `paused`.
 */
export function zegoStatus(raw: number): TaskStatus {
  switch (raw) {
    case 1:
      return 'starting';
    case 2:
      return 'running';
    case 3:
      return 'ended';
    case 4:
      return 'failed';
    case 5:
      return 'paused';
    default:
      return 'unknown';
  }
}
