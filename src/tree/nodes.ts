/**
 * Tree elements are plain data with a `kind`; one provider maps them to TreeItems. Each carries its
 * parent so `getParent` (and so `reveal`) works, and a stable id built from the data it shows.
 */
import type { Vendor, Product, TaskKey } from '../model/task';
import type { CommandId } from '../ids/commands';
import type { TimeBucket } from './grouping';

export type NodeKind = 'account' | 'product' | 'room' | 'dayGroup' | 'task' | 'file' | 'loadMore' | 'error' | 'placeholder';

interface NodeBase {
  readonly id: string;
  readonly parent?: TreeNode;
}

export interface AccountNode extends NodeBase {
  readonly kind: 'account';
  readonly vendor: Vendor;
  readonly accountId: string;
}

export interface ProductNode extends NodeBase {
  readonly kind: 'product';
  readonly accountId: string;
  readonly product: Product;
  readonly parent: AccountNode;
}

/** A room (TRTC label, GME, ZEGO) or a stream (CSS). */
export interface RoomNode extends NodeBase {
  readonly kind: 'room';
  readonly accountId: string;
  readonly product: Product;
  readonly room: string;
  readonly parent: TreeNode;
}

/** A day, hour or slice of rows, used when a level would otherwise show more than ~200 rows. */
export interface GroupNode extends NodeBase {
  readonly kind: 'dayGroup';
  readonly accountId: string;
  readonly product: Product;
  /** Set when the group holds tasks of one room; unset when it holds rooms. */
  readonly room?: string;
  readonly bucket: TimeBucket;
  readonly parent: TreeNode;
}

export interface TaskNode extends NodeBase {
  readonly kind: 'task';
  readonly key: TaskKey;
  readonly parent: TreeNode;
}

export interface FileNode extends NodeBase {
  readonly kind: 'file';
  readonly key: TaskKey;
  readonly fileName: string;
  readonly parent: TaskNode;
}

export interface LoadMoreNode extends NodeBase {
  readonly kind: 'loadMore';
  readonly parent: ProductNode;
}

export interface ErrorNode extends NodeBase {
  readonly kind: 'error';
  readonly accountId: string;
  /** `MediaApiError.summary()`: action, code and RequestId. */
  readonly summary: string;
  readonly message: string;
  readonly hint: string;
  readonly auth: boolean;
  /** The node whose load failed; Retry reloads it. */
  readonly parent: TreeNode;
}

export interface PlaceholderNode extends NodeBase {
  readonly kind: 'placeholder';
  readonly message: string;
  /** Runs on click, with the parent node as argument (e.g. Add Room… under a GME product). */
  readonly command?: CommandId;
  readonly parent: TreeNode;
}

export type TreeNode = AccountNode | ProductNode | RoomNode | GroupNode | TaskNode | FileNode | LoadMoreNode | ErrorNode | PlaceholderNode;

const seg = (s: string): string => encodeURIComponent(s);

/** `vendor/account` */
export const accountNodeId = (vendor: Vendor, accountId: string): string => `${vendor}/${seg(accountId)}`;
/** `vendor/account/product` */
export const productNodeId = (vendor: Vendor, accountId: string, product: Product): string => `${accountNodeId(vendor, accountId)}/${product}`;
/** `vendor/account/product/room` */
export const roomNodeId = (vendor: Vendor, accountId: string, product: Product, room: string): string =>
  `${productNodeId(vendor, accountId, product)}/${seg(room)}`;
/** `vendor/account/product/room/task`: the same whatever groups sit between, so reveal finds it. */
export const taskNodeId = (vendor: Vendor, key: TaskKey, room: string): string => `${roomNodeId(vendor, key.accountId, key.product, room)}/${seg(key.taskId)}`;

/**
 * The vendor of the account a node belongs to: a level that fails is labelled with it. The root (the
 * account list) belongs to no vendor's account; its failures come from our store, labelled Tencent.
 */
export function nodeVendor(node: TreeNode | undefined): Vendor {
  for (let n = node; n; n = n.parent) if (n.kind === 'account') return n.vendor;
  return 'tencent';
}
