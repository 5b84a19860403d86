/**
 * How each product is asked, in one table: the task-loading service (src/tasks/taskLoader.ts), the
 * tree, Go to Task and the filter read these traits instead of naming products. A new vendor API is a
 * new row here plus its vendor client and sandbox emulation.
 */
import type { Product } from './task';

export interface ProductTraits {
  /**
   * How the vendor answers: `listing` pages a time window (CSS DescribeRecordTask, ZEGO DescribeTasks);
   * `byRoom` answers for one room the user pinned (GME DescribeTaskInfo); `byTaskId` answers for one
   * task id the user tracks (TRTC DescribeCloudRecording, DescribeStreamIngest).
   */
  readonly asked: 'listing' | 'byRoom' | 'byTaskId';
  /** What a task's `room` names: a room, or (CSS) a stream. */
  readonly place: 'room' | 'stream';
  /** Listings only: tasks one load (first view or Load more…) pulls. */
  readonly batch: number;
  /** Listings only: the vendor's order. Newest-first lets a small batch show today's tasks. */
  readonly order: 'newestFirst' | 'oldestFirst' | 'none';
  /** How far back the vendor answers, hours (`Infinity`: it does not list the past at all). */
  readonly lookBackHours: number;
  /**
   * Listings only: `filterRange`, the window is the filter's time range (or the default) and the tree
   * shows only that window; `lookBack`, the window is all the vendor keeps and the tree shows everything remembered.
   */
  readonly window: 'filterRange' | 'lookBack' | 'none';
  /** Listings only: how far past now the window ends, hours (CSS lists a task once its whole scheduled span fits). */
  readonly windowAheadHours: number;
  /** Listings only: the vendor action a failed page is reported as. */
  readonly listAction?: string;
  /** Whether the vendor still answers once a task ended (TRTC does not: the ledger keeps its last snapshot). */
  readonly answersAfterEnd: boolean;
  /** What a pasted id must look like for this product to be asked in Go to Task; `never`: only the ledger can find it. */
  readonly lookUpIds: 'any' | 'nonNumeric' | 'sixteenChars' | 'never';
}

/**
 * The traits of a product asked one task at a time (by task id or pinned room): nothing is listed, so
 * no batch, order, window or look-back, and (TRTC, GME) no answer once the task has ended.
 */
const ASKED_ONE_AT_A_TIME: Omit<ProductTraits, 'asked' | 'lookUpIds'> = {
  place: 'room',
  batch: 0,
  order: 'none',
  lookBackHours: Number.POSITIVE_INFINITY,
  window: 'none',
  windowAheadHours: 0,
  answersAfterEnd: false,
};

/**
 * ZEGO answers newest first (its documented sample), so one 50-task page per status holds the latest;
 * CSS answers oldest first within its window, so a batch must be large enough to reach today's tasks.
 */
export const PRODUCT_TRAITS: Readonly<Record<Product, ProductTraits>> = {
  'trtc-recording': { ...ASKED_ONE_AT_A_TIME, asked: 'byTaskId', lookUpIds: 'nonNumeric' },
  'trtc-relay': { ...ASKED_ONE_AT_A_TIME, asked: 'byTaskId', lookUpIds: 'nonNumeric' },
  gme: { ...ASKED_ONE_AT_A_TIME, asked: 'byRoom', lookUpIds: 'never' },
  css: {
    asked: 'listing',
    place: 'stream',
    batch: 500,
    order: 'oldestFirst',
    lookBackHours: 90 * 24,
    window: 'filterRange',
    windowAheadHours: 24,
    listAction: 'DescribeRecordTask',
    answersAfterEnd: true,
    lookUpIds: 'nonNumeric',
  },
  'zego-recording': {
    asked: 'listing',
    place: 'room',
    batch: 50,
    order: 'newestFirst',
    lookBackHours: 72,
    window: 'lookBack',
    windowAheadHours: 0,
    listAction: 'DescribeTasks',
    answersAfterEnd: true,
    lookUpIds: 'sixteenChars',
  },
};

export function traitsOf(product: Product): ProductTraits {
  return PRODUCT_TRAITS[product];
}

/** The products asked one way (e.g. the ones a task id can be tracked for). */
export function productsAsked(asked: ProductTraits['asked']): Product[] {
  return (Object.keys(PRODUCT_TRAITS) as Product[]).filter((p) => PRODUCT_TRAITS[p].asked === asked);
}
