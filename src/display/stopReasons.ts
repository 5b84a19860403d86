/**
 * Why a task stopped and how far its files are, as a sentence and a next step. Each vendor says it
 * somewhere else, so the decoder reads every place in order of precision:
 * - TRTC names the cause only in callback 302's `LeaveCode` (https://trtc.io/document/54914).
 * - ZEGO names it only in callback event 2's `quit_reason`, and event 5 is a normal exit
 *   (https://www.zegocloud.com/docs/cloud-recording-server/recording-status-callback); its queries and
 *   `300001001` say only "stopped", which is either StopRecord or a MaxIdleTime/MaxRecordTime limit.
 * - CSS's `Stopped` (seconds; 0 = never) is set by StopRecordTask; otherwise the task ran to its EndTime.
 * - GME's callback EventType 2 is "recording finished"; its queries say nothing of why.
 * Pure: the details panel and the tree tooltip show the same words.
 */
import type { CallbackRecord } from '../model/callback';
import type { LedgerEntry } from '../model/ledgerEntry';
import { STOP_REQUESTED } from '../model/taskStop';
import { isTerminal, type FileState, type Task } from '../model/task';
import { fileStateLabel } from './files';
import type { Localizer, TimeContext } from './localize';
import { formatDuration, formatEpochMs } from './time';

export type ReasonTone = 'normal' | 'problem' | 'unknown';

export interface StopReason {
  readonly text: string;
  readonly nextStep?: string;
  /** Where the reason was read, in the vendor's own terms: `TRTC callback 302, LeaveCode 99`. */
  readonly source: string;
  readonly tone: ReasonTone;
}

/** Why the task ended, or undefined while it has not. */
export function stopReason(entry: LedgerEntry, l10n: Localizer, time: TimeContext): StopReason | undefined {
  const { task } = entry;
  if (!isTerminal(task.status)) return undefined;
  const fromCallback = callbackReason(entry.callbacks ?? [], l10n);
  if (fromCallback) return fromCallback;
  const stopSent = entry.history.find((h) => h.rawStatus === STOP_REQUESTED);
  if (stopSent) {
    return {
      text: l10n.t('You stopped it from this extension at {0}.', formatEpochMs(stopSent.at, time, l10n).human),
      source: l10n.t('this extension’s stop request'),
      tone: 'normal',
    };
  }
  return snapshotReason(task, l10n, time);
}

const CALLBACK_NEXT_STEP = (l10n: Localizer): string =>
  l10n.t('Forward the task’s callbacks with Paste Callback… or the local callback receiver to see the cause.');

/** The newest callback that names a cause. */
function callbackReason(callbacks: readonly CallbackRecord[], l10n: Localizer): StopReason | undefined {
  for (let i = callbacks.length - 1; i >= 0; i--) {
    const reason = callbackCause(callbacks[i]!, l10n);
    if (reason) return reason;
  }
  return undefined;
}

/** The cause one callback names (TRTC 302's LeaveCode, ZEGO 2's quit_reason, a normal end), if it names one. */
export function callbackCause(c: CallbackRecord, l10n: Localizer): StopReason | undefined {
  if (c.vendor === 'tencent' && c.eventType === '302' && typeof c.facts.LeaveCode === 'number') {
    return { ...leaveCodeReason(c.facts.LeaveCode, l10n), source: l10n.t('TRTC callback 302, LeaveCode {0}', c.facts.LeaveCode) };
  }
  if (c.vendor === 'zego' && c.eventType === '2' && typeof c.facts.quit_reason === 'number') {
    return { ...quitReason(c.facts.quit_reason, l10n), source: l10n.t('ZEGO callback event 2, quit_reason {0}', c.facts.quit_reason) };
  }
  if (c.vendor === 'zego' && c.eventType === '5') {
    return { text: l10n.t('It ended normally.'), source: l10n.t('ZEGO callback event 5'), tone: 'normal' };
  }
  // GME's EventType 2 is the only Tencent event "2" (TRTC's are 3xx, CSS's 100).
  if (c.vendor === 'tencent' && c.eventType === '2') {
    return { text: l10n.t('GME finished recording the room.'), source: l10n.t('GME callback EventType 2'), tone: 'normal' };
  }
  return undefined;
}

type Cause = Omit<StopReason, 'source'>;

/** TRTC `LeaveCode` of callback 302 (https://trtc.io/document/54914). */
export function leaveCodeReason(code: number, l10n: Localizer): Cause {
  switch (code) {
    case 0:
      return { text: l10n.t('It ended normally (stopped by the API or at its end).'), tone: 'normal' };
    case 1:
      return {
        text: l10n.t('A client kicked the recording robot out of the room.'),
        nextStep: l10n.t('Check which client removes the robot’s UserId from the room.'),
        tone: 'problem',
      };
    case 2:
      return { text: l10n.t('A client dismissed the room.'), tone: 'normal' };
    case 3:
      return {
        text: l10n.t('Your server kicked the recording robot out of the room.'),
        nextStep: l10n.t('Check your backend’s RemoveUser calls for the robot’s UserId.'),
        tone: 'problem',
      };
    case 4:
      return { text: l10n.t('Your server dismissed the room (DismissRoom).'), tone: 'normal' };
    case 99:
      return {
        text: l10n.t('No other user streamed in the room for longer than MaxIdleTime, so the robot left.'),
        nextStep: l10n.t('Raise MaxIdleTime in CreateCloudRecording, or start recording after the first user publishes.'),
        tone: 'problem',
      };
    case 100:
      return {
        text: l10n.t('The recording robot left the room after a timeout.'),
        nextStep: l10n.t('Start it again; if it repeats, give TRTC support the TaskId.'),
        tone: 'problem',
      };
    case 101:
      return {
        text: l10n.t('A second user joined with the robot’s UserId, so the robot was kicked out.'),
        nextStep: l10n.t('Give each recording its own robot UserId, unused by clients.'),
        tone: 'problem',
      };
    default:
      return { text: l10n.t('TRTC gave LeaveCode {0}, which its documentation does not describe.', code), tone: 'unknown' };
  }
}

/** ZEGO `quit_reason` of callback event 2 (recording-status-callback). */
export function quitReason(code: number, l10n: Localizer): Cause {
  if (code >= 1001 && code <= 1011) {
    return {
      text: l10n.t('A recorded file could not be written or uploaded (file error {0}).', code),
      nextStep: l10n.t('Check the storage settings of StartRecord (bucket, credentials, region).'),
      tone: 'problem',
    };
  }
  switch (code) {
    case 1:
      return { text: l10n.t('The recording failed to start.'), nextStep: l10n.t('Check the StartRecord parameters and start it again.'), tone: 'problem' };
    case 2:
      return {
        text: l10n.t('The recorder could not log in to the room.'),
        nextStep: l10n.t('Check that the RoomId exists and the AppId may record it.'),
        tone: 'problem',
      };
    case 3:
      return {
        text: l10n.t('No stream or whiteboard was in the room for longer than MaxIdleTime (30 s by default).'),
        nextStep: l10n.t('Raise MaxIdleTime in StartRecord, or start recording after the first stream is published.'),
        tone: 'problem',
      };
    case 4:
      return {
        text: l10n.t('It reached MaxRecordTime (24 h by default).'),
        nextStep: l10n.t('Raise MaxRecordTime in StartRecord, or start a new task before the limit.'),
        tone: 'problem',
      };
    case 5:
      return {
        text: l10n.t('The recording engine failed.'),
        nextStep: l10n.t('Start it again; if it repeats, give ZEGO support the TaskId.'),
        tone: 'problem',
      };
    case 6:
      return { text: l10n.t('The recorder lost its network connection.'), nextStep: l10n.t('Start it again.'), tone: 'problem' };
    default:
      return { text: l10n.t('ZEGO gave quit_reason {0}, which its documentation does not describe.', code), tone: 'unknown' };
  }
}

/** What the last snapshot alone tells, with the place the cause would be found. */
function snapshotReason(task: Task, l10n: Localizer, time: TimeContext): StopReason {
  switch (task.product) {
    case 'css': {
      const stopped = task.extras.Stopped;
      if (typeof stopped === 'number' && stopped > 0) {
        return {
          text: l10n.t('StopRecordTask stopped it at {0}.', formatEpochMs(stopped * 1000, time, l10n).human),
          source: l10n.t('CSS Stopped {0}', stopped),
          tone: 'normal',
        };
      }
      return task.endedAt !== undefined && task.endedAt <= task.observedAt
        ? { text: l10n.t('It ran to its scheduled EndTime.'), source: l10n.t('CSS Stopped 0, EndTime passed'), tone: 'normal' }
        : { text: l10n.t('CSS reports it ended without saying why.'), source: l10n.t('CSS status {0}', task.rawStatus), tone: 'unknown' };
    }
    case 'zego-recording':
      return {
        text:
          task.rawStatus === '4'
            ? l10n.t('ZEGO reports it ended abnormally.')
            : l10n.t('It was stopped by StopRecord or by a MaxIdleTime or MaxRecordTime limit; ZEGO’s query does not say which.'),
        nextStep: CALLBACK_NEXT_STEP(l10n),
        source: l10n.t('ZEGO status {0}', task.rawStatus),
        tone: task.rawStatus === '4' ? 'problem' : 'unknown',
      };
    case 'trtc-recording':
      return {
        text: l10n.t('TRTC stopped answering for it; TRTC names the cause only in its callback 302.'),
        nextStep: CALLBACK_NEXT_STEP(l10n),
        source: l10n.t('TRTC query'),
        tone: 'unknown',
      };
    case 'trtc-relay':
      return {
        text: l10n.t('TRTC no longer knows the relay: it was stopped or its source ended; TRTC does not say which.'),
        source: l10n.t('TRTC query'),
        tone: 'unknown',
      };
    case 'gme':
      return {
        text: l10n.t('GME no longer names it as the room’s task; GME’s query does not say why.'),
        nextStep: CALLBACK_NEXT_STEP(l10n),
        source: l10n.t('GME query'),
        tone: 'unknown',
      };
  }
}

export interface FileReadiness {
  readonly text: string;
  readonly tone: 'normal' | 'problem';
}

/** How long after a task ends its files may take to show before that is worth a flag. */
export const FILES_OVERDUE_MS = 10 * 60_000;

/** The order a file moves through, least advanced first: a task's files are as far as the slowest one. */
const STAGES: readonly (FileState | undefined)[] = ['failed', 'recording', 'processing', 'uploading', 'backup', 'uploaded', undefined];

/**
 * One line on where the task's files are: `2 files: 1 Uploaded, 1 On the vendor’s backup storage
 * (until …)`, or a flag when a task ended a while ago and no file was ever reported. Relays record nothing.
 */
export function fileReadiness(task: Task, l10n: Localizer, time: TimeContext): FileReadiness | undefined {
  if (task.product === 'trtc-relay') return undefined;
  if (task.files.length === 0) {
    if (!isTerminal(task.status)) return { text: l10n.t('No files reported yet.'), tone: 'normal' };
    const since = task.endedAt === undefined ? undefined : time.now - task.endedAt;
    if (since !== undefined && since >= FILES_OVERDUE_MS) {
      return { text: l10n.t('No files {0} after the task ended.', formatDuration(since, time.locale)), tone: 'problem' };
    }
    return { text: l10n.t('No files reported yet; vendors upload them after the task ends.'), tone: 'normal' };
  }
  const parts: string[] = [];
  for (const stage of STAGES) {
    const files = task.files.filter((f) => f.state === stage);
    if (files.length === 0) continue;
    const expiry = stage === 'backup' ? Math.min(...files.map((f) => f.expiresAtMs ?? Infinity)) : Infinity;
    if (stage === undefined) parts.push(l10n.t('{0} without a reported state', files.length));
    else if (Number.isFinite(expiry))
      parts.push(l10n.t('{0} {1} (until {2})', files.length, fileStateLabel(stage, l10n), formatEpochMs(expiry, time, l10n).human));
    else parts.push(l10n.t('{0} {1}', files.length, fileStateLabel(stage, l10n)));
  }
  const problem = task.files.some((f) => f.state === 'failed' || f.state === 'backup');
  const count = task.files.length === 1 ? l10n.t('1 file') : l10n.t('{0} files', task.files.length);
  return { text: l10n.t('{0}: {1}', count, parts.join(', ')), tone: problem ? 'problem' : 'normal' };
}
