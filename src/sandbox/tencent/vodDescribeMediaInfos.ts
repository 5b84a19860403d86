/**
 * VOD DescribeMediaInfos (2018-07-17): up to 20 FileIds a call; unknown ids (not committed yet,
 * another app's) come back in `NotExistFileIdSet`. An app that VOD opened after 2023-12-25 keeps its
 * media in a sub-application, so without `SubAppId` none of it is found; a SubAppId that is not the
 * app's own is `InvalidParameterValue.SubAppId`. `Filters` trims the answer to the parts named.
 */
import { vodMedia, vodSubApp } from '../demo/vod';
import { DESCRIBE_MEDIA_INFOS } from '../../vendors/tencent/actions';
import { documented, type TencentAction } from './action';
import { TencentApiError } from './errors';

export const VOD_MAX_FILE_IDS = 20;
const PARTS: Readonly<Record<string, 'BasicInfo' | 'MetaData'>> = { basicInfo: 'BasicInfo', metaData: 'MetaData' };
const KNOWN_FILTERS = new Set([
  'basicInfo',
  'metaData',
  'transcodeInfo',
  'animatedGraphicsInfo',
  'imageSpriteInfo',
  'snapshotByTimeOffsetInfo',
  'sampleSnapshotInfo',
  'keyFrameDescInfo',
  'adaptiveDynamicStreamingInfo',
  'miniProgramReviewInfo',
  'subtitleInfo',
  'reviewInfo',
]);

export const vodDescribeMediaInfos: TencentAction = {
  ...documented(DESCRIBE_MEDIA_INFOS),
  // "A maximum of 100 requests can be initiated per second for this API."
  rateLimit: 100,
  params: [
    { name: 'FileIds', type: 'strings', maxItems: VOD_MAX_FILE_IDS, required: true, missing: 'MissingParameter', invalid: 'InvalidParameterValue.FileIds' },
    { name: 'SubAppId', type: 'integer', required: false, missing: 'MissingParameter', invalid: 'InvalidParameterValue.SubAppId' },
    { name: 'Filters', type: 'strings', required: false, missing: 'MissingParameter', invalid: 'InvalidParameterValue.Filters' },
  ],
  handle({ world, app, params, nowMs }) {
    const sub = vodSubApp(app);
    const given = params.optionalInt('SubAppId');
    if (given !== undefined && given !== sub.subAppId) throw new TencentApiError('InvalidParameterValue.SubAppId', 'Invalid SubAppId.');
    const filters = params.strings('Filters');
    const unknown = filters.find((f) => !KNOWN_FILTERS.has(f));
    if (unknown !== undefined) throw new TencentApiError('InvalidParameterValue.Filters', `Invalid filter: ${unknown}.`);
    const searchable = given !== undefined || !sub.required;
    const found: Record<string, unknown>[] = [];
    const missing: string[] = [];
    for (const id of new Set(params.strings('FileIds'))) {
      const media = searchable ? vodMedia(world, app, id, nowMs) : undefined;
      if (!media) {
        missing.push(id);
        continue;
      }
      const parts = filters.length === 0 ? ['BasicInfo', 'MetaData'] : filters.map((f) => PARTS[f]).filter(Boolean);
      const item: Record<string, unknown> = { FileId: media.FileId };
      for (const part of parts) item[part] = media[part as 'BasicInfo' | 'MetaData'];
      found.push(item);
    }
    return { MediaInfoSet: found, NotExistFileIdSet: missing };
  },
};
