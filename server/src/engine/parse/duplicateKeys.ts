/**
 * Duplicate keys: every key that repeats an earlier key of its map (as the API server sees keys: as JSON
 * strings). `<<` merges are not keys of their own; values brought in by a merge may be overridden.
 */
import { isMap, isScalar } from 'yaml';
import type { Document, Node } from 'yaml';
import type { YamlProblem } from './document';
import type { LineIndex } from './lines';
import { allNodes } from './nodeSearch';
import { isMergeKey } from './nodes';

export function* duplicateKeys(root: unknown): Generator<{ key: Node; first: Node; name: string }> {
  for (const n of allNodes(root)) {
    if (!isMap(n) || n.items.length < 2) continue;
    const seen = new Map<string, Node>();
    for (const p of n.items) {
      const k = p.key;
      if (!isScalar(k) || isMergeKey(k) || !k.range) continue;
      const v = k.value;
      const name = v === null || v === undefined ? 'null' : String(v);
      const first = seen.get(name);
      if (first) yield { key: k, first, name };
      else seen.set(name, k);
    }
  }
}

/** The document's duplicate keys that start before `limit`. */
export function duplicateKeyProblems(doc: Document.Parsed, lines: LineIndex, limit: number): YamlProblem[] {
  const out: YamlProblem[] = [];
  for (const dup of duplicateKeys(doc.contents)) {
    if (!dup.key.range) continue;
    const [start, end] = dup.key.range;
    if (start >= limit) continue;
    out.push({
      code: 'yaml-duplicate-key',
      start,
      end,
      message: `Duplicate key \`${dup.name}\`: it is already set on line ${lines.position(dup.first.range?.[0] ?? 0).line + 1}. YAML allows a key only once per map, and kubectl would silently keep only the last value. Remove one of them.`,
    });
  }
  return out;
}
