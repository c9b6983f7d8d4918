/** Where findings about a whole object or a list item go, and how objects are named in messages. */
import type { K8sObject } from '../../model/object';
import type { Node, YAMLMap } from 'yaml';

/** The key node by which `path` is reached from the object's root, or the deepest existing one. */
export function deepestKey(obj: K8sObject, ...path: string[]): Node {
  const r = obj.reader;
  let map: unknown = obj.node;
  let last: Node | undefined;
  for (const k of path) {
    const pair = r.pair(map, k);
    if (!pair) break;
    last = pair.key as Node;
    map = r.resolve(pair.value);
    if (!map) break;
  }
  return last ?? kindValue(obj);
}

/** The `kind` value node, where findings about a whole object are anchored when nothing better exists. */
export function kindValue(obj: K8sObject): Node {
  const p = obj.reader.pair(obj.node, 'kind');
  return ((p?.value as Node | undefined) ?? obj.node) as Node;
}

/** "Deployment `web`", or "This Deployment" when the object has no name yet. */
export function objectRef(obj: K8sObject): string {
  return obj.name ? `${obj.kind} \`${obj.name}\`` : `This ${obj.kind}`;
}

export function specOf(obj: K8sObject): YAMLMap | undefined {
  return obj.reader.map(obj.get('spec'));
}

/** Where a finding about a whole list item goes: its first key (one line, unlike the item itself). */
export function itemAnchor(obj: K8sObject, map: YAMLMap): Node {
  const first = obj.reader.pairs(map)[0];
  return ((first?.key as Node | undefined) ?? map) as Node;
}
