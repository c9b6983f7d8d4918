/**
 * Which files' diagnostics may change when one file changes: the file itself, and the files whose objects
 * refer to (or are referred to by, or are compared with) an object that changed. Lets the language server
 * re-check a handful of files after an edit instead of the whole workspace.
 *
 * The relations follow what rules read across objects: a Service reads the pod templates its selector
 * matches (in any namespace, for its "has them in another namespace" hint) and, when it selects nothing, the
 * templates of its own namespace (closest-match hint); an Ingress reads the Services it names (in any
 * namespace) and, for a dangling backend, the Services of its namespace (near-name hint); node ports are
 * compared across all Services; objects with the same kind, namespace and name are duplicates; a
 * kustomization decides which files are patches; a CustomResourceDefinition validates the objects of its
 * group. test/unit/editor/affected.test.ts replays edits against a
 * full check: a rule that reads other objects in a new way must be reflected here.
 */
import { definedKind, groupOf } from '../crd/definition';
import { ingressOf, serviceBackends } from '../model/ingress';
import type { K8sObject } from '../model/object';
import { podTemplateOf } from '../model/podTemplate';
import { selectorMatches, serviceOf } from '../model/service';
import type { Workspace } from '../model/workspace';

const KUSTOMIZATION = /(^|[\\/])kustomization\.ya?ml$/i;

/**
 * The pod labels an object's pods get: its pod template's, also for kinds kubeway does not model (Argo
 * Rollouts, CloneSets: `spec.template` or `spec.jobTemplate.spec.template`), which Services count too.
 */
function templateLabels(o: K8sObject): Map<string, string> | undefined {
  const tpl = podTemplateOf(o);
  if (tpl) return tpl.labels;
  const r = o.reader;
  const template = r.map(o.get('spec', 'template')) ?? r.map(o.get('spec', 'jobTemplate', 'spec', 'template'));
  return template ? r.stringMap(r.at(template, 'metadata', 'labels')) : undefined;
}

/** Objects of a file that changed between two versions (by their text), and those that only moved. */
export function changedObjects(before: readonly K8sObject[], after: readonly K8sObject[]): { changed: K8sObject[]; moved: K8sObject[] } {
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

/**
 * Files (other than `path`, which always counts) whose diagnostics may depend on the given objects of `path`:
 * `changed` objects were added, removed or edited; `moved` only changed lines (messages may cite lines).
 */
export function affectedFiles(ws: Workspace, path: string, changed: readonly K8sObject[], moved: readonly K8sObject[] = []): Set<string> {
  const out = new Set<string>([path]);
  if (KUSTOMIZATION.test(path)) {
    for (const p of ws.paths) out.add(p);
    return out;
  }
  // The changed file is the only one of the workspace: no other file can be affected.
  if (ws.file(path) && ws.paths.length === 1) return out;
  const add = (o: K8sObject): void => {
    out.add(o.file);
  };
  for (const o of [...changed, ...moved]) if (o.name !== undefined) for (const d of ws.find(o.kind, o.namespace, o.name)) add(d);
  if (changed.length === 0) return out;

  // The Workspace's indexes answer each question below without a scan of the workspace: opening a file
  // makes every one of its objects "changed", and thousands of objects times a scan would take seconds.
  // Per namespace, once per call (a file's objects share a few namespaces).
  const dangling = new Map<string, K8sObject[]>();
  const selectingNothing = new Map<string, K8sObject[]>();
  /** Ingresses naming a Service (in any namespace: messages point at a namesake elsewhere), and those of the namespace with a dangling backend (near-name hints). */
  const ingressesNaming = (name: string | undefined, ns: string): void => {
    if (name !== undefined) for (const ing of ws.ingressesNaming(name)) add(ing.obj);
    let list = dangling.get(ns);
    if (!list) {
      list = ws.ingressesIn(ns).filter((ing) => serviceBackends(ing).some((b) => b.backend.serviceName !== undefined && ws.services(ns, b.backend.serviceName).length === 0)).map((ing) => ing.obj);
      dangling.set(ns, list);
    }
    for (const o of list) add(o);
  };

  // Objects of a group whose CRD changed (one pass over the workspace for all of them: CRD edits are rare).
  const crdGroups = new Set<string>();
  for (const o of changed) { const k = definedKind(o); if (k) crdGroups.add(k.group); }
  if (crdGroups.size) for (const o of ws.objects()) if (crdGroups.has(groupOf(o.apiVersion))) add(o);

  for (const o of changed) {
    const labels = templateLabels(o);
    if (labels) {
      for (const s of ws.servicesSelecting(labels)) {
        add(s.obj);
        for (const ing of ws.ingressesRoutingTo(s)) add(ing.obj);
      }
      // Services that select nothing: their message names the closest pod template of the namespace.
      let nothing = selectingNothing.get(o.namespace);
      if (!nothing) {
        nothing = ws.services(o.namespace).filter((s) => ws.selectedBy(s).length === 0).map((s) => s.obj);
        selectingNothing.set(o.namespace, nothing);
      }
      for (const s of nothing) add(s);
      for (const other of ws.templatesWithOwnerSelecting(o.namespace, labels)) add(other.owner);
    }
    const svc = serviceOf(o);
    if (svc) {
      ingressesNaming(o.name, o.namespace);
      for (const t of ws.selectedBy(svc)) add(t.owner);
      if (svc.ports.some((p) => p.nodePort !== undefined)) {
        for (const s of ws.servicesWithNodePorts()) add(s.obj);
      }
    }
    const ing = ingressOf(o);
    if (ing) {
      const hosts = new Set(ing.rules.map((r) => r.host ?? ''));
      for (const { backend } of serviceBackends(ing)) if (backend.serviceName) for (const s of ws.services(o.namespace, backend.serviceName)) add(s.obj);
      for (const host of hosts) for (const other of ws.ingressesWithHost(host)) add(other.obj);
    }
    switch (o.kind) {
      case 'IngressClass':
        for (const other of ws.allIngresses()) add(other.obj);
        break;
      case 'Secret':
      case 'ConfigMap':
      case 'ServiceAccount':
      case 'PersistentVolumeClaim':
        for (const t of ws.podTemplates(o.namespace)) add(t.owner);
        for (const other of ws.ingressesIn(o.namespace)) add(other.obj);
        break;
    }
  }
  return out;
}
