/** Outline symbols: one per Kubernetes object (kind and name), per file and across the workspace. */
import { DEFAULT_NAMESPACE } from '../model/object';
import type { K8sObject } from '../model/object';
import type { Workspace } from '../model/workspace';
import type { Range } from '../types';

export interface ObjectSymbol {
  /** `Kind/name`, as kubectl writes it. */
  name: string;
  kind: string;
  namespace: string;
  /** apiVersion, plus the namespace when it is not `default`. */
  detail: string;
  file: string;
  /** The whole object. */
  range: Range;
  /** Its name (or kind when it has no name). */
  selectionRange: Range;
}

function symbolOf(obj: K8sObject): ObjectSymbol {
  const span = obj.doc.span(obj.node);
  const range = span ? obj.doc.file.lines.range(span[0], span[1]) : obj.doc.rangeOf(obj.anchor);
  const selectionRange = obj.doc.rangeOf(obj.anchor);
  return {
    name: obj.displayName,
    kind: obj.kind,
    namespace: obj.namespace,
    detail: obj.namespace !== DEFAULT_NAMESPACE ? `${obj.apiVersion} · ${obj.namespace}` : obj.apiVersion,
    file: obj.file,
    range,
    selectionRange,
  };
}

/** The objects of a file, in order. */
export function documentSymbols(ws: Workspace, path: string): ObjectSymbol[] {
  return ws.file(path)?.objects.map(symbolOf) ?? [];
}

/**
 * Objects whose `Kind/name` contains the query's characters in order (case-insensitive), best matches first:
 * a name that starts with the query, then one that contains it, then any subsequence match.
 */
export function workspaceSymbols(ws: Workspace, query: string, limit = 500): ObjectSymbol[] {
  const q = query.toLowerCase();
  const scored: { obj: K8sObject; score: number }[] = [];
  for (const obj of ws.objects()) {
    if (obj.name === undefined) continue;
    const name = obj.name.toLowerCase();
    const full = obj.displayName.toLowerCase();
    let score: number;
    if (!q || name.startsWith(q)) score = 0;
    else if (name.includes(q) || full.includes(q)) score = 1;
    else if (isSubsequence(q, full)) score = 2;
    else continue;
    scored.push({ obj, score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score || (a.obj.displayName < b.obj.displayName ? -1 : a.obj.displayName > b.obj.displayName ? 1 : 0),
  );
  return scored.slice(0, limit).map((s) => symbolOf(s.obj));
}

function isSubsequence(q: string, s: string): boolean {
  let i = 0;
  for (let j = 0; j < s.length && i < q.length; j++) if (s[j] === q[i]) i++;
  return i === q.length;
}
