/**
 * CSS recording callbacks (event_type 100, https://www.tencentcloud.com/document/product/267/38082) of the
 * demo streams' record tasks: one per task, when its file is in VOD, with the task's `task_id` and times
 * as DescribeRecordTask lists them and the `file_id`, URL, size and duration DescribeMediaInfos answers.
 * The demo's VOD keeps a task's scheduled span even when it was stopped early, so the callback does too.
 */
import { cssTaskId } from '../demo/css';
import { occurrencesBeginningIn } from '../demo/occurrences';
import { LIVE_STARTING_MS } from '../demo/schedule';
import { VOD_COMMIT_MS, cssVodFileId, vodMedia } from '../demo/vod';
import type { CssStream, TencentApp, World } from '../demo/world';
import { dueIn, type BodySignedDemoCallback, type CallbackWindow } from './demoCallback';

function streamCallbacks(world: World, app: TencentApp, stream: CssStream, streamIndex: number, window: CallbackWindow): BodySignedDemoCallback[] {
  if (stream.schedule.kind === 'bulk') return [];
  // A task lasts less than its lane's period, and its file is in VOD a minute after it ends.
  const lookbackMs = stream.schedule.lane.periodMs + VOD_COMMIT_MS;
  const out: BodySignedDemoCallback[] = [];
  for (const occurrence of occurrencesBeginningIn(stream.schedule, stream.key, window.fromMs - lookbackMs, window.toMs, window.toMs, LIVE_STARTING_MS)) {
    const dueMs = occurrence.endMs + VOD_COMMIT_MS;
    if (!dueIn(window, dueMs)) continue;
    const fileId = cssVodFileId(world, app, streamIndex, occurrence.slot);
    const media = fileId === undefined ? undefined : vodMedia(world, app, fileId, dueMs);
    if (!media) continue;
    const ref = { stream, occurrence, startSec: Math.floor(occurrence.beginMs / 1000), endSec: Math.floor(occurrence.endMs / 1000) };
    const taskId = cssTaskId(ref);
    out.push({
      kind: 'css',
      dueMs,
      taskId,
      key: app.callbackKeys.css,
      body: {
        event_type: 100,
        app: stream.domainName,
        appname: stream.appName,
        stream_id: stream.streamName,
        channel_id: stream.streamName,
        task_id: taskId,
        file_id: media.FileId,
        file_format: 'mp4',
        start_time: ref.startSec,
        end_time: ref.endSec,
        duration: Math.round(media.MetaData.Duration),
        file_size: media.MetaData.Size,
        video_url: media.BasicInfo.MediaUrl,
      },
    });
  }
  return out;
}

export function cssCallbacks(world: World, app: TencentApp, window: CallbackWindow): BodySignedDemoCallback[] {
  return app.cssStreams.flatMap((stream, index) => streamCallbacks(world, app, stream, index, window));
}
