/**
 * JSON documents the generators build and mutate. `RawToken` splices text in verbatim, so a body can
 * carry what `JSON.stringify` cannot write: integers beyond 2^64, `1e400`, `NaN`, 100,000 brackets,
 * duplicate or `__proto__` keys.
 */
export class RawToken {
  constructor(readonly text: string) {}
}

export type JsonTree = null | boolean | number | string | RawToken | JsonTree[] | { [key: string]: JsonTree };

function isBranch(value: JsonTree): value is JsonTree[] | { [key: string]: JsonTree } {
  return typeof value === 'object' && value !== null && !(value instanceof RawToken);
}

/** Serializes a tree; non-finite numbers come out as their JS spelling, which is not JSON. */
export function jsonText(value: JsonTree): string {
  if (value instanceof RawToken) return value.text;
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : String(value);
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (isBranch(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** Every path to a node below the root, parents before children (`['Response', 'TaskList', 0]`). */
export function paths(tree: JsonTree, prefix: ReadonlyArray<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (!isBranch(tree)) return out;
  const entries: Array<[string | number, JsonTree]> = Array.isArray(tree) ? tree.map((v, i) => [i, v]) : Object.entries(tree);
  for (const [key, child] of entries) {
    const path = [...prefix, key];
    out.push(path);
    paths(child, path, out);
  }
  return out;
}

export function clone(tree: JsonTree): JsonTree {
  if (Array.isArray(tree)) return tree.map(clone);
  if (isBranch(tree)) return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, clone(v)]));
  return tree;
}

export type Mutation = { readonly op: 'delete' } | { readonly op: 'set'; readonly value: JsonTree };

/** Applies `mutation` at `path` in place (a path that no longer exists is left alone). */
export function mutate(tree: JsonTree, path: ReadonlyArray<string | number>, mutation: Mutation): void {
  let parent: JsonTree = tree;
  for (const key of path.slice(0, -1)) {
    if (!isBranch(parent)) return;
    const next: JsonTree | undefined = Array.isArray(parent) ? parent[key as number] : parent[key as string];
    if (next === undefined) return;
    parent = next;
  }
  const last = path[path.length - 1];
  if (!isBranch(parent)) return;
  if (Array.isArray(parent)) {
    if (typeof last !== 'number' || last >= parent.length) return;
    if (mutation.op === 'delete') parent.splice(last, 1);
    else parent[last] = mutation.value;
  } else if (mutation.op === 'delete') {
    delete parent[last as string];
  } else {
    parent[last as string] = mutation.value;
  }
}
