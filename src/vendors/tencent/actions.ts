/**
 * The four Tencent Cloud actions we call: service (the credential-scope name and host prefix),
 * API version, the product whose region applies, and the regions the action's page lists
 * (`undefined`: the API takes no region and we send no `X-TC-Region`, as GME documents).
 */
import type { TencentAccount, TencentSite } from '../../model/account';
import { refused } from '../shared/listing';
import type { Product } from '../../model/task';

export type TencentService = 'gme' | 'trtc' | 'live' | 'vod';

export interface TencentAction {
  readonly name: string;
  readonly service: TencentService;
  readonly version: string;
  /** The product whose region applies; absent for actions that take no region (VOD). */
  readonly product?: Product;
  readonly regions?: readonly string[];
  /** Where the mainland and international pages list different regions, each site's own list (wins over `regions`). */
  readonly siteRegions?: Readonly<Record<TencentSite, readonly string[]>>;
}

/**
 * Regions the international site's pages list per product family; the describe and stop actions of a
 * family list the same ones (stopActions.ts), so each list has one home here.
 */
export const TRTC_RECORDING_INTL_REGIONS: readonly string[] = ['ap-beijing', 'ap-guangzhou', 'ap-mumbai', 'ap-shanghai', 'ap-singapore'];
export const TRTC_RELAY_INTL_REGIONS: readonly string[] = ['ap-bangkok', 'ap-jakarta', 'ap-mumbai', 'ap-singapore'];
export const CSS_INTL_REGIONS: readonly string[] = [
  'ap-bangkok',
  'ap-guangzhou',
  'ap-hongkong',
  'ap-jakarta',
  'ap-mumbai',
  'ap-seoul',
  'ap-singapore',
  'ap-tokyo',
  'eu-frankfurt',
  'na-ashburn',
  'na-siliconvalley',
  'na-toronto',
  'sa-saopaulo',
];

export const DESCRIBE_TASK_INFO: TencentAction = {
  name: 'DescribeTaskInfo',
  service: 'gme',
  version: '2018-07-11',
  product: 'gme',
};

/**
 * GME DescribeRecordInfo (https://www.tencentcloud.com/document/product/607/53739): the files of a
 * recording task by its u64 TaskId; "Region: not required"; 20 requests/second.
 */
export const DESCRIBE_RECORD_INFO: TencentAction = {
  name: 'DescribeRecordInfo',
  service: 'gme',
  version: '2018-07-11',
  product: 'gme',
};

/**
 * VOD DescribeMediaInfos (https://www.tencentcloud.com/document/api/266/34181, CN
 * https://cloud.tencent.com/document/api/266/31763): media URL, size and duration of up to 20
 * FileIds; "Region: not required"; 100 requests/second.
 */
export const DESCRIBE_MEDIA_INFOS: TencentAction = {
  name: 'DescribeMediaInfos',
  service: 'vod',
  version: '2018-07-17',
};

export const DESCRIBE_CLOUD_RECORDING: TencentAction = {
  name: 'DescribeCloudRecording',
  service: 'trtc',
  version: '2019-07-22',
  product: 'trtc-recording',
  regions: TRTC_RECORDING_INTL_REGIONS,
};

export const DESCRIBE_STREAM_INGEST: TencentAction = {
  name: 'DescribeStreamIngest',
  service: 'trtc',
  version: '2019-07-22',
  product: 'trtc-relay',
  regions: TRTC_RELAY_INTL_REGIONS,
};

export const DESCRIBE_RECORD_TASK: TencentAction = {
  name: 'DescribeRecordTask',
  service: 'live',
  version: '2018-08-01',
  product: 'css',
  regions: CSS_INTL_REGIONS,
};

/** `gme.tencentcloudapi.com` (mainland) or `gme.intl.tencentcloudapi.com` (international). */
export function tencentHost(service: TencentService, site: TencentSite): string {
  return site === 'intl' ? `${service}.intl.tencentcloudapi.com` : `${service}.tencentcloudapi.com`;
}

/** The region sent for `action`: the product's own region when set, else the account's. */
export function regionFor(account: TencentAccount, product: Product | undefined): string {
  return (product && account.productRegions?.[product]) || account.region;
}

/**
 * The `X-TC-Region` to send, checked before any request against the action's documented list.
 * Returns `undefined` for actions that take no region.
 */
export function checkedRegion(account: TencentAccount, action: TencentAction): string | undefined {
  const regions = action.siteRegions?.[account.site] ?? action.regions;
  if (!regions) return undefined;
  const region = regionFor(account, action.product);
  if (regions.includes(region)) return region;
  throw refused('tencent', action.name, 'UnsupportedRegion', `${action.name} does not support region "${region}"; it supports: ${regions.join(', ')}`);
}
