/**
 * What checkFile remembers between runs, so that re-checking a file of thousands of objects after an edit
 * runs the rules on the objects that changed (and on the few whose cross-object findings the change may
 * affect) instead of on all of them.
 *
 * A rule's findings for an object are kept with the object (objects of unchanged documents survive an edit,
 * see Workspace.setText). Most rules read only their object: those findings stay valid as long as the object
 * does. Rules that also read other objects of the workspace say what they read (`reads`, relations in
 * rules/reads.ts: "a change to object `c` may change this rule's findings for object `o`"), and those
 * findings are dropped when the Workspace reports such a change (Workspace.changesSince).
 * test/unit/checkCache.test.ts checks that every rule that reads other objects declares it, and that cached
 * results equal fresh ones through random edits.
 */
import { isKustomizationFile } from './model/kustomize';
import type { K8sObject } from './model/object';
import type { Workspace } from './model/workspace';
import { OBJECT_READS, emptySummary, mergeSummary, summarize } from './rules/reads';
import type { ChangeSummary, ObjectRead } from './rules/reads';
import type { Rule } from './rules/rule';
import type { Diagnostic } from './types';

/** May a change summed up in `changes` change the rule's findings for `obj`? (Any of the rule's reads.) */
export type DependsOn = (obj: K8sObject, changes: ChangeSummary) => boolean;

/** How the findings of a rule that reads other objects depend on them; undefined for a rule that reads only its object. */
export function dependsOnOf(rule: Rule): DependsOn | undefined {
  if (!rule.reads?.length) return undefined;
  const reads: ObjectRead[] = rule.reads.map((r) => OBJECT_READS[r]);
  return reads.length === 1 ? reads[0].dependsOn : (obj, changes) => reads.some((r) => r.dependsOn(obj, changes));
}

/** A rule that threw on an object: the rule's findings for the whole file are dropped (see checkFile). */
export interface Thrown {
  error: unknown;
}

export type RuleResult = readonly Diagnostic[] | Thrown;

/** The results of every rule for one object, as of its document's first line then. */
export interface ObjectResults {
  line: number;
  /** By index in the rule list. */
  results: (RuleResult | undefined)[];
}

/** What one file's last checks left behind. */
export interface FileCache {
  /** The Workspace version the results are up to date with. */
  version: number;
  objects: Map<K8sObject, ObjectResults>;
}

interface WorkspaceCache {
  /** The rule list and settings the results were computed with. */
  rules: readonly Rule[];
  settings: string;
  files: Map<string, FileCache>;
}

const caches = new WeakMap<Workspace, WorkspaceCache>();

/** What each change of the Workspace's journal can affect (worked out once, shared by every file's cache). */
const summaries = new WeakMap<object, ChangeSummary>();

/**
 * The results kept for a file, brought up to date with the workspace: results of objects that left the file
 * are gone, and cross-object results that a change since the last check may affect are dropped.
 */
export function fileCache(
  ws: Workspace,
  path: string,
  rules: readonly Rule[],
  settings: string,
  objects: readonly K8sObject[],
): FileCache {
  let wc = caches.get(ws);
  if (!wc || wc.rules !== rules || wc.settings !== settings)
    caches.set(ws, (wc = { rules, settings, files: new Map() }));
  if (wc.files.size > 2 * ws.paths.length + 16) for (const p of wc.files.keys()) if (!ws.file(p)) wc.files.delete(p);
  let fc = wc.files.get(path);
  if (!fc) {
    fc = { version: ws.version, objects: new Map() };
    wc.files.set(path, fc);
    return fc;
  }
  const changes = ws.changesSince(fc.version);
  fc.version = ws.version;
  // Kustomizations decide which files are patches and which get selector labels: a change to one affects any object.
  if (changes?.some((c) => isKustomizationFile(c.path))) {
    fc.objects.clear();
    return fc;
  }
  // Results of objects that are no longer in the file.
  if (fc.objects.size > objects.length || !objects.every((o) => fc.objects.has(o))) {
    const now = new Set(objects);
    for (const o of fc.objects.keys()) if (!now.has(o)) fc.objects.delete(o);
  }
  const cross = rules
    .map((r, i) => [i, dependsOnOf(r)] as const)
    .filter((x): x is readonly [number, DependsOn] => x[1] !== undefined);
  if (!cross.length || (changes && changes.length === 0)) return fc;
  let summary: ChangeSummary | undefined;
  if (changes) {
    summary = emptySummary();
    for (const c of changes) {
      let one = summaries.get(c);
      if (!one) summaries.set(c, (one = summarize(ws, c.objects)));
      mergeSummary(summary, one);
    }
  }
  for (const [obj, entry] of fc.objects) {
    for (const [i, dependsOn] of cross) {
      if (entry.results[i] === undefined) continue;
      if (!summary || dependsOn(obj, summary)) entry.results[i] = undefined;
    }
  }
  return fc;
}
