/** Finds the model's objects and nodes behind a cursor position. */
import type { Node } from 'yaml';
import { DEFAULT_NAMESPACE } from '../model/object';
import type { K8sObject } from '../model/object';
import type { Workspace } from '../model/workspace';
import type { CursorContext, DocumentInfo, PathSegment } from './cursor';

/**
 * The object of the document at a line. The model may lag the text by an edit (it is re-parsed after a short
 * pause), so the document found by position must also agree on kind and name with what the lines say; if
 * it does not, the object is looked up by kind, namespace and name in the same file.
 */
export function objectAt(ws: Workspace, path: string, line: number, doc: DocumentInfo): K8sObject | undefined {
  const model = ws.file(path);
  if (!model || model.objects.length === 0) return undefined;
  const objects = model.objects;
  const lines = model.file.lines;
  const startLine = (o: K8sObject): number => lines.position(o.doc.span(o.node)?.[0] ?? 0).line;
  const endLine = (o: K8sObject): number => lines.position(o.doc.span(o.node)?.[1] ?? 0).line;
  // Objects are in text order: binary search for the last one starting at or before the line.
  let lo = 0;
  let hi = objects.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startLine(objects[mid]) <= line) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // For items of a List, the lines describe the List itself.
  const agrees = (o: K8sObject): boolean =>
    o.inList || ((doc.kind === undefined || o.kind === doc.kind) && (doc.name === undefined || o.name === doc.name));
  // Items of a List share a document: the innermost one containing the line.
  for (let i = at; i >= 0 && i > at - 64; i--) {
    const o = objects[i];
    if (endLine(o) >= line && agrees(o) && (!o.inList || startLine(o) <= line)) return o;
    if (!o.inList) break;
  }
  if (doc.kind === undefined || doc.name === undefined) return undefined;
  const ns = doc.namespace ?? DEFAULT_NAMESPACE;
  let best: K8sObject | undefined;
  for (const o of ws.find(doc.kind, ns, doc.name)) {
    if (o.file !== path) continue;
    if (!best || Math.abs(startLine(o) - line) < Math.abs(startLine(best) - line)) best = o;
  }
  return best;
}

/** The object behind a cursor context (see objectAt). */
export function objectAtCursor(ws: Workspace, path: string, ctx: CursorContext): K8sObject | undefined {
  return objectAt(ws, path, ctx.line, ctx.doc);
}

/**
 * The cursor's path from the root of its object, with the object's apiVersion and kind: for an item of a
 * `kind: List`, the path inside the item (without `items`, index).
 */
export function objectPath(
  ctx: CursorContext,
  obj: K8sObject | undefined,
): { path: PathSegment[]; apiVersion: string | undefined; kind: string | undefined; namespace: string | undefined } {
  if (obj?.inList && ctx.path[0] === 'items' && typeof ctx.path[1] === 'number') {
    return { path: ctx.path.slice(2), apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.namespace };
  }
  return {
    path: ctx.path,
    apiVersion: ctx.doc.apiVersion ?? obj?.apiVersion,
    kind: ctx.doc.kind ?? obj?.kind,
    namespace: ctx.doc.namespace ?? obj?.namespace,
  };
}

/** The node at a path of keys and item indexes inside an object (aliases and merges followed). */
export function nodeAtPath(obj: K8sObject, path: readonly PathSegment[]): Node | undefined {
  const r = obj.reader;
  let n: Node | undefined = r.resolve(obj.node);
  for (const seg of path) {
    if (!n) return undefined;
    n = typeof seg === 'number' ? r.items(n)[seg] : r.get(n, seg);
  }
  return n;
}

/** Whether a path starts with the given segments (`'*'` matches any item index). */
export function pathStarts(path: readonly PathSegment[], prefix: readonly (string | '*')[]): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const p = prefix[i];
    if (p === '*' ? typeof path[i] !== 'number' : path[i] !== p) return false;
  }
  return true;
}

/** Whether a path is exactly the pattern (`'*'` matches any item index). */
export function pathIs(path: readonly PathSegment[], pattern: readonly (string | '*')[]): boolean {
  return path.length === pattern.length && pathStarts(path, pattern);
}

/** Whether a path ends with the pattern (`'*'` matches any item index). */
export function pathEnds(path: readonly PathSegment[], pattern: readonly (string | '*')[]): boolean {
  return path.length >= pattern.length && pathStarts(path.slice(path.length - pattern.length), pattern);
}
