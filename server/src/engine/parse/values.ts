/** Reading YAML values as Go decodes them into the API types: null and absent are "not set", strings are strings. */
import { isMergeKey } from './nodes';
import type { DocReader } from './nodes';
import type { Node, Pair, YAMLMap } from 'yaml';

/** The value of a scalar when it is a YAML string; `null` for a null scalar; undefined for anything else. */
export function stringOrNull(r: DocReader, node: unknown): string | null | undefined {
  const s = r.scalar(node);
  if (!s) return undefined;
  if (s.value === null || s.value === undefined) return null;
  return typeof s.value === 'string' ? s.value : undefined;
}

/** Whether a node is absent or an explicit null (`key:` or `key: null`), which Go decodes as "not set". */
export function isUnset(r: DocReader, node: unknown): boolean {
  if (node === undefined || node === null) return true;
  const s = r.scalar(node);
  return !!s && (s.value === null || s.value === undefined);
}

/** The key node of `key` in a map (own or merged), or undefined. */
export function keyNode(r: DocReader, map: unknown, key: string): Node | undefined {
  return (r.pair(map, key)?.key as Node | undefined) ?? undefined;
}

/** The first key of a map (a sequence item has no key of its own: this is the line of its `-`). */
export function firstKey(map: YAMLMap): Node {
  for (const p of map.items) if (!isMergeKey(p.key) && p.key) return p.key as Node;
  return map;
}

/** Whether a field is set to something other than null or "" (what Go decodes to its zero value). */
export function isSet(r: DocReader, node: Node | undefined): boolean {
  if (!node) return false;
  const s = r.scalar(node);
  if (!s) return true; // a map or a sequence
  return s.value !== null && s.value !== undefined && s.value !== '';
}

/** The pair of a key whose value is not null. */
export function setPair(r: DocReader, map: unknown, key: string): Pair | undefined {
  const p = r.pair(map, key);
  return p && !isUnset(r, r.resolve(p.value)) ? p : undefined;
}

/** The key node of a pair (where "remove this field" findings go). */
export function pairKey(p: Pair | undefined): Node | undefined {
  return (p?.key as Node | undefined) ?? undefined;
}
