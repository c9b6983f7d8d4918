/**
 * Which files' diagnostics may change when one file changes: the file itself, and the files of the objects
 * that read an object that changed. Lets the language server re-check a handful of files after an edit
 * instead of the whole workspace.
 *
 * The relations are those the rules declare they read (`reads`, rules/reads.ts), so a rule that reads other
 * objects in a new way declares it there and nowhere else; a kustomization decides which files are patches,
 * so a change to one affects every file. test/unit/editor/affected.test.ts replays edits against a full
 * check.
 */
import { isKustomizationFile } from '../model/kustomize';
import type { K8sObject } from '../model/object';
import type { Workspace } from '../model/workspace';
import { OBJECT_READS } from '../rules/reads';
import type { ObjectRead, ReadersMemo } from '../rules/reads';
import { ALL_RULES } from '../rules/registry';

/** Objects of a file that changed between two versions (by their text), and those that only moved. */
export function changedObjects(
  before: readonly K8sObject[],
  after: readonly K8sObject[],
): { changed: K8sObject[]; moved: K8sObject[] } {
  const textOf = (o: K8sObject): string => {
    const span = o.doc.span(o.node);
    return span ? o.doc.file.text.slice(span[0], span[1]) : '';
  };
  const lineOf = (o: K8sObject): number => o.doc.rangeOf(o.node).start.line;
  // Objects carried over as they are (a Workspace that re-parses only changed documents keeps them).
  // A file new to the workspace: everything in it is new.
  if (before.length === 0) return { changed: [...after], moved: [] };
  const afterSet = new Set(after);
  const kept = new Set(before.filter((o) => afterSet.has(o)));
  const old = new Map<string, K8sObject[]>();
  for (const o of before) {
    if (kept.has(o)) continue;
    const t = textOf(o);
    const list = old.get(t);
    if (list) list.push(o);
    else old.set(t, [o]);
  }
  const changed: K8sObject[] = [];
  const moved: K8sObject[] = [];
  for (const o of after) {
    if (kept.has(o)) continue;
    const list = old.get(textOf(o));
    const same = list?.shift();
    if (!same) changed.push(o);
    else if (lineOf(same) !== lineOf(o)) moved.push(o);
  }
  for (const list of old.values()) changed.push(...list);
  return { changed, moved };
}

/** The relations the rules follow across objects (what they declare they read), once. */
let ruleReads: readonly ObjectRead[] | undefined;
function readsOfRules(): readonly ObjectRead[] {
  return (ruleReads ??= [...new Set(ALL_RULES.flatMap((r) => r.reads ?? []))].map((name) => OBJECT_READS[name]));
}

/**
 * Files (other than `path`, which always counts) whose diagnostics may depend on the given objects of `path`:
 * `changed` objects were added, removed or edited; `moved` only changed lines (no finding about another
 * object cites a line, so they affect only their own file).
 */
export function affectedFiles(
  ws: Workspace,
  path: string,
  changed: readonly K8sObject[],
  _moved: readonly K8sObject[] = [],
): Set<string> {
  const out = new Set<string>([path]);
  if (isKustomizationFile(path)) {
    for (const p of ws.paths) out.add(p);
    return out;
  }
  // The changed file is the only one of the workspace: no other file can be affected.
  if (ws.file(path) && ws.paths.length === 1) return out;
  if (changed.length === 0) return out;
  // The Workspace's indexes answer each relation without a scan of the workspace: opening a file makes every
  // one of its objects "changed", and thousands of objects times a scan would take seconds.
  const reads = readsOfRules();
  const memo: ReadersMemo = new Map();
  const readers = new Set<K8sObject>();
  const addReader = (o: K8sObject): void => {
    readers.add(o);
    out.add(o.file);
  };
  for (const o of changed) for (const read of reads) read.readersOf(ws, o, addReader, memo);
  // One step further, to be safe: the readers of the objects whose findings may change (a Deployment edit
  // also re-checks the Ingresses that route through the Services selecting its pods).
  const addFile = (o: K8sObject): void => {
    out.add(o.file);
  };
  for (const o of readers) for (const read of reads) read.readersOf(ws, o, addFile, memo);
  return out;
}
