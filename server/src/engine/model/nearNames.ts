/**
 * Names one or two typos away, found through an index instead of a scan: an Ingress with 16 000 backends to
 * absent Services compared each with every Service of its namespace (32 s). The index is a deletion
 * neighbourhood (as SymSpell): two names within edit distance k share a string made by at most k deletions
 * from each; only their first PREFIX characters are indexed (the surviving characters of each prefix are
 * prefixes of one common subsequence, so the shorter is reached from the longer by more deletions of its tail,
 * at most k in all), and every candidate is checked with the real distance.
 */
import type { Workspace } from './workspace';

const PREFIX = 8;
const MAX = 2;

/** Levenshtein distance, bounded: names further apart than 2 in length are 3 or more apart. */
export function nameDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function deletions(name: string): Set<string> {
  const p = name.slice(0, PREFIX);
  const out = new Set([p]);
  for (let i = 0; i < p.length; i++) {
    const one = p.slice(0, i) + p.slice(i + 1);
    out.add(one);
    for (let j = i; j < one.length; j++) out.add(one.slice(0, j) + one.slice(j + 1));
  }
  return out;
}

export class NearNames {
  private readonly byVariant = new Map<string, Set<string>>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      for (const v of deletions(name)) {
        let s = this.byVariant.get(v);
        if (!s) this.byVariant.set(v, (s = new Set()));
        s.add(name);
      }
    }
  }

  /** The indexed names within `max` (at most 2) edits of `name`, itself excluded. */
  near(name: string, max: number): string[] {
    const found = new Set<string>();
    for (const v of deletions(name)) for (const n of this.byVariant.get(v) ?? []) found.add(n);
    found.delete(name);
    return [...found].filter((n) => nameDistance(n, name) <= Math.min(max, MAX));
  }
}

const serviceIndexes = new WeakMap<
  Workspace,
  { version: number; byNs: Map<string, { names: string[]; index?: NearNames }> }
>();

function namespaceEntry(ws: Workspace, namespace: string): { names: string[]; index?: NearNames } {
  let cache = serviceIndexes.get(ws);
  if (!cache || cache.version !== ws.version)
    serviceIndexes.set(ws, (cache = { version: ws.version, byNs: new Map() }));
  let entry = cache.byNs.get(namespace);
  if (!entry) {
    entry = { names: [...new Set(ws.services(namespace).flatMap((s) => (s.obj.name ? [s.obj.name] : [])))] };
    cache.byNs.set(namespace, entry);
  }
  return entry;
}

/** The distinct names of the Services of a namespace, in text order (kept until the workspace changes). */
export function serviceNames(ws: Workspace, namespace: string): string[] {
  return namespaceEntry(ws, namespace).names;
}

/** The names of the Services of a namespace within `max` edits of `name` (rebuilt when the workspace changes). */
export function serviceNamesNear(ws: Workspace, namespace: string, name: string, max: number): string[] {
  const entry = namespaceEntry(ws, namespace);
  entry.index ??= new NearNames(entry.names);
  return entry.index.near(name, max);
}
