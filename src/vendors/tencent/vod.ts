/**
 * Tencent VOD DescribeMediaInfos (2018-07-17, https://www.tencentcloud.com/document/api/266/34181):
 * the media URL, size and duration of files that went to VOD (TRTC callback 311, CSS `file_id`,
 * ZEGO `VideoId`). At most 20 FileIds a call, so longer lists are split; `SubAppId` is required for
 * VOD accounts opened since 2023-12-25 and sent when the account has one; `Filters` keeps the answer
 * to the two parts we show. `MetaData.Duration` is in seconds (a float), `Size` in bytes.
 */
import type { VodMedia, VodMediaAnswer } from '../../model/taskSource';
import { ShapeError, idString, object, optionalArray, optionalNumber, optionalString, type RawObject } from '../shared/fields';
import { DESCRIBE_MEDIA_INFOS } from './actions';
import type { TencentClient } from './client';

export const VOD_MAX_FILE_IDS = 20;
const FILTERS = ['basicInfo', 'metaData'];

function readMedia(raw: unknown, path: string): VodMedia {
  const m = object(raw, path);
  const basic = m.BasicInfo === undefined || m.BasicInfo === null ? {} : object(m.BasicInfo, `${path}.BasicInfo`);
  const meta = m.MetaData === undefined || m.MetaData === null ? {} : object(m.MetaData, `${path}.MetaData`);
  const duration = optionalNumber(meta.Duration, `${path}.MetaData.Duration`);
  // Seconds as a float; a value whose milliseconds are not a finite count is not a duration.
  if (duration !== undefined && !(duration >= 0 && Number.isFinite(duration * 1000)))
    throw new ShapeError(`${path}.MetaData.Duration`, 'a duration in seconds');
  const expire = optionalString(basic.ExpireTime, `${path}.BasicInfo.ExpireTime`);
  const expireMs = expire ? Date.parse(expire) : NaN;
  return {
    fileId: idString(m.FileId, `${path}.FileId`),
    name: optionalString(basic.Name, `${path}.BasicInfo.Name`),
    url: optionalString(basic.MediaUrl, `${path}.BasicInfo.MediaUrl`) || undefined,
    format: optionalString(basic.Type, `${path}.BasicInfo.Type`) || undefined,
    sizeBytes: optionalNumber(meta.Size, `${path}.MetaData.Size`),
    durationMs: duration === undefined ? undefined : Math.round(duration * 1000),
    // "9999-12-31T23:59:59Z" means never; only a real date is kept.
    expiresAtMs: Number.isFinite(expireMs) && expireMs < Date.UTC(9999, 0, 1) ? expireMs : undefined,
  };
}

export function readMediaInfos(response: RawObject): VodMediaAnswer {
  return {
    found: optionalArray(response.MediaInfoSet, 'MediaInfoSet').map((raw, i) => readMedia(raw, `MediaInfoSet[${i}]`)),
    missing: optionalArray(response.NotExistFileIdSet, 'NotExistFileIdSet').map((id, i) => idString(id, `NotExistFileIdSet[${i}]`)),
  };
}

/** Splits `fileIds` (deduplicated) into calls of at most 20 and joins the answers. */
export async function describeMediaInfos(
  client: TencentClient,
  fileIds: readonly string[],
  subAppId: number | undefined,
  signal?: AbortSignal,
): Promise<VodMediaAnswer> {
  const ids = [...new Set(fileIds)];
  const found: VodMedia[] = [];
  const missing: string[] = [];
  for (let i = 0; i < ids.length; i += VOD_MAX_FILE_IDS) {
    const params: Record<string, unknown> = { FileIds: ids.slice(i, i + VOD_MAX_FILE_IDS), Filters: FILTERS };
    if (subAppId !== undefined) params.SubAppId = subAppId;
    const { value } = await client.call(DESCRIBE_MEDIA_INFOS, params, readMediaInfos, signal);
    found.push(...value.found);
    missing.push(...value.missing);
  }
  return { found, missing };
}
