/**
 * What a CustomResourceDefinition defines: a kind of a group, the versions it serves and each version's
 * schema. Read from a CRD object of the checked files (apiextensions.k8s.io/v1), or from the bundled CRDs.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { K8sObject } from '../model/object';
import type { DocReader } from '../parse/nodes';
import { keyText } from '../parse/nodes';
import { compileSchema } from './schema';
import type { CrdSchema } from './schema';

export interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  /** The version's `schema.openAPIV3Schema`, compiled on first use. */
  readonly schema: CrdSchema | undefined;
  /** With a status subresource the API server ignores `status` on create and update. */
  statusSubresource: boolean;
}

export interface CrdDefinition {
  /** `<plural>.<group>`, the CRD's name. */
  name: string;
  group: string;
  kind: string;
  plural: string;
  scope: 'Namespaced' | 'Cluster';
  versions: readonly CrdVersion[];
  /** Where it comes from: a CRD object of the checked files, or a bundled CRD set (e.g. `Gateway API v1.6.1`). */
  source: K8sObject | string;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A definition from a CRD's `spec` in plain JSON form; undefined when it lacks group, kind or versions. */
export function definitionFromSpec(
  spec: unknown,
  source: K8sObject | string,
  descriptions?: readonly string[],
): CrdDefinition | undefined {
  if (!isObject(spec)) return undefined;
  const group = spec.group;
  const names = isObject(spec.names) ? spec.names : undefined;
  const kind = names?.kind;
  if (typeof group !== 'string' || typeof kind !== 'string' || !Array.isArray(spec.versions)) return undefined;
  const plural = typeof names?.plural === 'string' ? names.plural : kind.toLowerCase();
  const versions: CrdVersion[] = [];
  for (const v of spec.versions) {
    if (!isObject(v) || typeof v.name !== 'string') continue;
    const raw = isObject(v.schema) ? v.schema.openAPIV3Schema : undefined;
    let compiled: CrdSchema | undefined;
    let done = raw === undefined;
    versions.push({
      name: v.name,
      served: v.served !== false,
      storage: v.storage === true,
      get schema() {
        if (!done) {
          compiled = compileSchema(raw, descriptions);
          done = true;
        }
        return compiled;
      },
      statusSubresource: isObject(v.subresources) && 'status' in v.subresources,
    });
  }
  return {
    name: `${plural}.${group}`,
    group,
    kind,
    plural,
    scope: spec.scope === 'Cluster' ? 'Cluster' : 'Namespaced',
    versions,
    source,
  };
}

/** Whether an object is a CustomResourceDefinition kubeway reads (apiextensions.k8s.io/v1). */
export function isCrdObject(obj: K8sObject): boolean {
  return obj.kind === 'CustomResourceDefinition' && obj.apiVersion === 'apiextensions.k8s.io/v1';
}

const fromObject = new WeakMap<K8sObject, CrdDefinition | null>();

/** The definition a CRD object of the checked files makes (read once per object). */
export function definitionOf(obj: K8sObject): CrdDefinition | undefined {
  if (!isCrdObject(obj)) return undefined;
  let d = fromObject.get(obj);
  if (d === undefined) {
    d = definitionFromSpec(plainValue(obj.reader, obj.get('spec')), obj) ?? null;
    fromObject.set(obj, d);
  }
  return d ?? undefined;
}

/** The group and kind a CRD object defines, without reading its schemas (indexing, change tracking). */
export function definedKind(obj: K8sObject): { group: string; kind: string } | undefined {
  if (!isCrdObject(obj)) return undefined;
  const r = obj.reader;
  const group = r.str(obj.get('spec', 'group'));
  const kind = r.str(obj.get('spec', 'names', 'kind'));
  return group && kind ? { group, kind } : undefined;
}

/** A YAML node as plain JSON (aliases and merges followed, as kubectl reads it). */
export function plainValue(r: DocReader, node: unknown, depth = 0): unknown {
  const n = r.resolve(node);
  if (!n || depth > 200) return undefined;
  if (isScalar(n)) {
    const v = n.value;
    return typeof v === 'symbol' ? '<<' : v;
  }
  if (isMap(n)) {
    const out: Json = {};
    for (const p of r.pairs(n)) out[keyText(p.key)] = plainValue(r, p.value, depth + 1) ?? null;
    return out;
  }
  if (isSeq(n)) return n.items.map((i) => plainValue(r, i, depth + 1) ?? null);
  return undefined;
}

/** The group of an apiVersion (`gateway.networking.k8s.io/v1` → `gateway.networking.k8s.io`; `v1` → ``). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function versionOf(apiVersion: string): string {
  return apiVersion.slice(apiVersion.indexOf('/') + 1);
}
