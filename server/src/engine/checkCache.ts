/**
 * What checkFile remembers between runs, so that re-checking a file of thousands of objects after an edit
 * runs the rules on the objects that changed (and on the few whose cross-object findings the change may
 * affect) instead of on all of them.
 *
 * A rule's findings for an object are kept with the object (objects of unchanged documents survive an edit,
 * see Workspace.setText). Most rules read only their object: those findings stay valid as long as the object
 * does. The rules listed in CROSS_OBJECT_RULES also read other objects of the workspace; each comes with the
 * relation "a change to object `c` may change this rule's findings for object `o`", and their findings are
 * dropped when the Workspace reports such a change (Workspace.changesSince). test/unit/checkCache.test.ts
 * checks that every rule that reads other objects is listed, and that cached results equal fresh ones
 * through random edits.
 */
import { definedKind, groupOf } from './crd/definition';
import { isService } from './model/apiVersions';
import { ingressOf, serviceBackends } from './model/ingress';
import type { K8sObject } from './model/object';
import { podTemplateOf } from './model/podTemplate';
import { selectorMatches, serviceOf } from './model/service';
import type { Workspace } from './model/workspace';
import { serviceRefs } from './rules/ingress-common';
import type { Rule } from './rules/rule';
import type { Diagnostic } from './types';

/**
 * What a batch of changed objects (old and new versions) can affect, gathered once per batch so that each
 * kept object is then tested in constant time.
 */
export interface ChangeSummary {
  /** Namespaces with a changed object that has pod template labels (a workload, or an unmodelled kind with a template). */
  templateNamespaces: Set<string>;
  /** Services whose selector matches the pod labels of a changed object. */
  selectingServices: Set<K8sObject>;
  /** A Service with node ports changed. */
  nodePorts: boolean;
  /** Namespaces and names of changed Services. */
  serviceNamespaces: Set<string>;
  serviceNames: Set<string>;
  /** API groups with a changed CustomResourceDefinition. */
  crdGroups: Set<string>;
}

/** May a change summed up in `changes` change the rule's findings for `obj`? */
export type DependsOn = (obj: K8sObject, changes: ChangeSummary) => boolean;

/** The pod template labels of an object (a workload's, or those of an unmodelled kind with a `spec.template`). */
function templateLabels(o: K8sObject): Map<string, string> | undefined {
  const tpl = podTemplateOf(o);
  if (tpl) return tpl.labels;
  const r = o.reader;
  const template = r.map(o.get('spec', 'template')) ?? r.map(o.get('spec', 'jobTemplate', 'spec', 'template'));
  return template ? (r.stringMap(r.at(template, 'metadata', 'labels')) ?? new Map()) : undefined;
}

export function summarize(ws: Workspace, changed: readonly K8sObject[], into?: ChangeSummary): ChangeSummary {
  const s = into ?? { templateNamespaces: new Set(), selectingServices: new Set(), nodePorts: false, serviceNamespaces: new Set(), serviceNames: new Set(), crdGroups: new Set() };
  for (const c of changed) {
    const crd = definedKind(c);
    if (crd) s.crdGroups.add(crd.group);
    const svc = serviceOf(c);
    if (svc) {
      s.serviceNamespaces.add(c.namespace);
      if (c.name !== undefined) s.serviceNames.add(c.name);
      if (svc.ports.some((p) => p.nodePort !== undefined) || c.get('spec', 'healthCheckNodePort') !== undefined) s.nodePorts = true;
      continue;
    }
    const labels = templateLabels(c);
    if (!labels) continue;
    s.templateNamespaces.add(c.namespace);
    for (const selecting of ws.servicesSelecting(labels)) s.selectingServices.add(selecting.obj);
  }
  return s;
}

/** A Service reads the pod templates of its namespace (selection, closest-match hints) and those its selector matches anywhere. */
const podsOfService: DependsOn = (obj, changes) =>
  !!serviceOf(obj) && (changes.templateNamespaces.has(obj.namespace) || changes.selectingServices.has(obj));

/** A Service's node-port findings compare with the Services of its file, and the fix avoids every Service's node ports. */
const nodePortsOfServices: DependsOn = (obj, changes) => changes.nodePorts && !!serviceOf(obj);

/** An Ingress reads the Services of its namespace (references, near-name hints) and those it names anywhere. */
const servicesOfIngress: DependsOn = (obj, changes) => {
  if (changes.serviceNamespaces.has(obj.namespace)) return true;
  if (changes.serviceNames.size === 0) return false;
  const ing = ingressOf(obj);
  if (ing && serviceBackends(ing).some((b) => b.backend.serviceName !== undefined && changes.serviceNames.has(b.backend.serviceName))) return true;
  return serviceRefs(obj).some((ref) => changes.serviceNames.has(ref.name));
};

/** A custom resource is validated against the CRDs of its group in the files (or the bundled ones when there are none). */
const crdOfObject: DependsOn = (obj, changes) => changes.crdGroups.size > 0 && changes.crdGroups.has(groupOf(obj.apiVersion));

/** Rules whose findings for an object depend on other objects, and on which changes. */
export const CROSS_OBJECT_RULES: Readonly<Record<string, DependsOn>> = {
  'crd-version': crdOfObject,
  'crd-schema-unknown-field': crdOfObject,
  'crd-schema-type': crdOfObject,
  'crd-schema-required': crdOfObject,
  'crd-schema-enum': crdOfObject,
  'crd-schema-value': crdOfObject,
  'crd-schema-list': crdOfObject,
  'crd-cel': crdOfObject,
  'service-selects-no-pods': podsOfService,
  'service-target-port': podsOfService,
  'service-node-port': nodePortsOfServices,
  'ingress-service-missing': servicesOfIngress,
  'ingress-service-port': servicesOfIngress,
};

/** Kustomizations decide which files are patches and which get selector labels: a change to one affects any object. */
const KUSTOMIZATION_FILE = /(^|[\\/])(kustomization\.ya?ml|Kustomization)$/;

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

function merge(into: ChangeSummary, from: ChangeSummary): void {
  for (const ns of from.templateNamespaces) into.templateNamespaces.add(ns);
  for (const o of from.selectingServices) into.selectingServices.add(o);
  into.nodePorts ||= from.nodePorts;
  for (const ns of from.serviceNamespaces) into.serviceNamespaces.add(ns);
  for (const n of from.serviceNames) into.serviceNames.add(n);
  for (const g of from.crdGroups) into.crdGroups.add(g);
}

/**
 * The results kept for a file, brought up to date with the workspace: results of objects that left the file
 * are gone, and cross-object results that a change since the last check may affect are dropped.
 */
export function fileCache(ws: Workspace, path: string, rules: readonly Rule[], settings: string, objects: readonly K8sObject[]): FileCache {
  let wc = caches.get(ws);
  if (!wc || wc.rules !== rules || wc.settings !== settings) caches.set(ws, (wc = { rules, settings, files: new Map() }));
  if (wc.files.size > 2 * ws.paths.length + 16) for (const p of wc.files.keys()) if (!ws.file(p)) wc.files.delete(p);
  let fc = wc.files.get(path);
  if (!fc) {
    fc = { version: ws.version, objects: new Map() };
    wc.files.set(path, fc);
    return fc;
  }
  const changes = ws.changesSince(fc.version);
  fc.version = ws.version;
  if (changes?.some((c) => KUSTOMIZATION_FILE.test(c.path))) {
    fc.objects.clear();
    return fc;
  }
  // Results of objects that are no longer in the file.
  if (fc.objects.size > objects.length || !objects.every((o) => fc.objects.has(o))) {
    const now = new Set(objects);
    for (const o of fc.objects.keys()) if (!now.has(o)) fc.objects.delete(o);
  }
  const cross = rules.map((r, i) => [i, CROSS_OBJECT_RULES[r.id]] as const).filter((x): x is readonly [number, DependsOn] => x[1] !== undefined);
  if (!cross.length || (changes && changes.length === 0)) return fc;
  let summary: ChangeSummary | undefined;
  if (changes) {
    summary = summarize(ws, []);
    for (const c of changes) {
      let one = summaries.get(c);
      if (!one) summaries.set(c, (one = summarize(ws, c.objects)));
      merge(summary, one);
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
