/**
 * The nodes this tree handed out. Any installed extension can run our commands with any argument, so
 * a command acts on a tree node only when it is one of these very objects (VS Code passes menu and
 * row commands the element it got from `getChildren`, not a copy), never on a look-alike built to
 * point a command at an account or task of the caller's choosing.
 */
import type { TreeNode } from './nodes';

const issued = new WeakSet<object>();

/** Marks a node and its ancestors as this tree's own. */
export function issueNode<T extends TreeNode>(node: T): T {
  for (let n: TreeNode | undefined = node; n && !issued.has(n); n = n.parent) issued.add(n);
  return node;
}

export function issueNodes<T extends TreeNode>(nodes: T[]): T[] {
  for (const node of nodes) issueNode(node);
  return nodes;
}

export function isIssuedNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && issued.has(value);
}
