/**
 * What rules read of other objects, as data. A rule that reads more than its own object names the reads in
 * its `reads` list; each read is one relation "a change to object `c` may change the reader's findings for
 * object `o`", given here once, and used
 *
 * - by the check cache (checkCache.ts): which kept findings a batch of changes makes stale (`dependsOn`,
 *   tested against a summary of the changes gathered once per batch), and
 * - by the language server's dependents (editor/affected.ts): which objects' findings a changed object may
 *   change (`readersOf`, answered from the Workspace's indexes, without a scan).
 *
 * Kustomizations are not here: they decide which files are patches, so a change to one affects every file
 * (both places clear everything). test/unit/checkCache.test.ts checks that every rule that reads other
 * objects declares it, and the random-edit tests of the cache and of the dependents check the relations.
 */
import { definedKind, groupOf } from '../crd/definition';
import { routeOf } from '../model/gatewayApi';
import { ingressOf, serviceBackends } from '../model/ingress';
import type { PodLabels } from '../model/controllerLabels';
import type { K8sObject } from '../model/object';
import { podTemplateOf } from '../model/podTemplate';
import { serviceOf } from '../model/service';
import type { Workspace } from '../model/workspace';
import { serviceRefs } from './utils/ingress';

/** What a batch of changed objects (old and new versions) can affect, gathered once per batch. */
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
  /** The hosts (`''` for rules without host) of changed Ingresses. */
  ingressHosts: Set<string>;
  /** API groups with a changed CustomResourceDefinition. */
  crdGroups: Set<string>;
  /** A Gateway, a Namespace or a ReferenceGrant changed (what routes' attachment and cross-namespace references depend on). */
  gateways: boolean;
  namespaces: boolean;
  referenceGrants: boolean;
}

/** Answers that several changed objects of one batch share (per namespace), for `readersOf`. */
export type ReadersMemo = Map<string, readonly K8sObject[]>;

export interface ObjectRead {
  /** What the reader reads, in words (for the rule's documentation page). */
  description: string;
  /** May a change summed up in `changes` change the reader's findings for `obj`? */
  dependsOn(obj: K8sObject, changes: ChangeSummary): boolean;
  /** Calls `add` with each object whose findings may change when `changed` (an old or a new version) changes. */
  readersOf(ws: Workspace, changed: K8sObject, add: (reader: K8sObject) => void, memo: ReadersMemo): void;
}

/**
 * The labels an object's pods get: its pod template's (with those its controller adds), also for kinds
 * kubeway does not model (Argo Rollouts, CloneSets: `spec.template` or `spec.jobTemplate.spec.template`),
 * which Services count too.
 */
export function podLabelsOf(o: K8sObject): PodLabels | undefined {
  const tpl = podTemplateOf(o);
  if (tpl) return tpl;
  const r = o.reader;
  const template = r.map(o.get('spec', 'template')) ?? r.map(o.get('spec', 'jobTemplate', 'spec', 'template'));
  return template ? { labels: r.stringMap(r.at(template, 'metadata', 'labels')) ?? new Map() } : undefined;
}

/** Whether a Service asks for node ports (its ports' `nodePort`, `healthCheckNodePort`): they are cluster-wide. */
function hasNodePorts(o: K8sObject): boolean {
  const svc = serviceOf(o);
  return (
    !!svc && (svc.ports.some((p) => p.nodePort !== undefined) || o.get('spec', 'healthCheckNodePort') !== undefined)
  );
}

function memoized(memo: ReadersMemo, key: string, compute: () => readonly K8sObject[]): readonly K8sObject[] {
  let v = memo.get(key);
  if (!v) memo.set(key, (v = compute()));
  return v;
}

export const OBJECT_READS = {
  /**
   * A Service reads the pod templates its selector matches (in any namespace, for its "has them in another
   * namespace" hint) and, when it selects nothing, the templates of its own namespace (closest-match hint).
   */
  podTemplatesSelected: {
    description:
      'the pod templates (workloads, and kinds with a `spec.template`) that its selector matches, and those of its namespace',
    dependsOn: (obj, changes) =>
      !!serviceOf(obj) && (changes.templateNamespaces.has(obj.namespace) || changes.selectingServices.has(obj)),
    readersOf(ws, changed, add, memo) {
      const pods = podLabelsOf(changed);
      if (!pods) return;
      for (const s of ws.servicesSelecting(pods)) add(s.obj);
      const nothing = memoized(memo, `selects-nothing ${changed.namespace}`, () =>
        ws
          .services(changed.namespace)
          .filter((s) => ws.selectedBy(s).length === 0)
          .map((s) => s.obj),
      );
      for (const s of nothing) add(s);
    },
  },
  /**
   * An Ingress reads the Services its backends name (in any namespace: a namesake elsewhere is named in the
   * message) and, for a backend that names none, the Services of its namespace (near-name hint).
   */
  servicesNamed: {
    description: 'the Services its backends name, and the Services of its namespace',
    dependsOn(obj, changes) {
      if (changes.serviceNamespaces.has(obj.namespace)) return true;
      if (changes.serviceNames.size === 0) return false;
      const ing = ingressOf(obj);
      if (
        ing &&
        serviceBackends(ing).some(
          (b) => b.backend.serviceName !== undefined && changes.serviceNames.has(b.backend.serviceName),
        )
      )
        return true;
      return serviceRefs(obj).some((ref) => changes.serviceNames.has(ref.name));
    },
    readersOf(ws, changed, add, memo) {
      if (!serviceOf(changed)) return;
      if (changed.name !== undefined) for (const ing of ws.ingressesNaming(changed.name)) add(ing.obj);
      const ns = changed.namespace;
      const dangling = memoized(memo, `dangling ${ns}`, () =>
        ws
          .ingressesIn(ns)
          .filter((ing) =>
            serviceBackends(ing).some(
              (b) => b.backend.serviceName !== undefined && ws.services(ns, b.backend.serviceName).length === 0,
            ),
          )
          .map((ing) => ing.obj),
      );
      for (const o of dangling) add(o);
    },
  },
  /** A Service's node ports are compared with those of every Service (node ports are cluster-wide), also by its fix. */
  nodePorts: {
    description: 'the node ports of every Service',
    dependsOn: (obj, changes) => changes.nodePorts && !!serviceOf(obj),
    readersOf(ws, changed, add) {
      if (!hasNodePorts(changed)) return;
      for (const s of ws.servicesWithNodePorts()) add(s.obj);
    },
  },
  /** An Ingress compares its rules' hosts and paths with those of the other Ingresses with a rule for the same host. */
  ingressesOfHost: {
    description: 'the Ingresses with a rule for one of its hosts',
    dependsOn(obj, changes) {
      if (changes.ingressHosts.size === 0) return false;
      const ing = ingressOf(obj);
      return !!ing && ing.rules.some((r) => changes.ingressHosts.has(r.host ?? ''));
    },
    readersOf(ws, changed, add) {
      const ing = ingressOf(changed);
      if (!ing) return;
      for (const host of new Set(ing.rules.map((r) => r.host ?? '')))
        for (const other of ws.ingressesWithHost(host)) add(other.obj);
    },
  },
  /** A custom resource is validated against the CRDs of its API group in the files (or the bundled ones when there are none). */
  customResourceDefinitions: {
    description: 'the CustomResourceDefinitions of its API group in the files (the bundled ones when there are none)',
    dependsOn: (obj, changes) => changes.crdGroups.size > 0 && changes.crdGroups.has(groupOf(obj.apiVersion)),
    readersOf(ws, changed, add, memo) {
      const k = definedKind(changed);
      if (!k) return;
      // One pass over the workspace per group and batch: CRD edits are rare.
      for (const o of memoized(memo, `crd ${k.group}`, () =>
        [...ws.objects()].filter((o) => groupOf(o.apiVersion) === k.group),
      ))
        add(o);
    },
  },
  /**
   * An HTTPRoute/GRPCRoute reads the Gateways its parentRefs name (listeners, allowedRoutes) and the
   * Namespaces whose labels listener selectors test.
   */
  gatewaysOfRoutes: {
    description: 'the Gateways its parentRefs name, and the Namespaces their listeners select by label',
    dependsOn: (obj, changes) => (changes.gateways || changes.namespaces) && !!routeOf(obj),
    readersOf(ws, changed, add, memo) {
      if (
        !(changed.kind === 'Namespace' && changed.apiVersion === 'v1') &&
        !(changed.kind === 'Gateway' && changed.apiVersion.startsWith('gateway.networking.k8s.io/'))
      )
        return;
      for (const o of memoized(memo, 'routes', () => [...ws.objects()].filter((o) => !!routeOf(o)))) add(o);
    },
  },
  /** An HTTPRoute/GRPCRoute reads the Services its backendRefs name (any namespace) and the ReferenceGrants that allow cross-namespace ones. */
  servicesOfRoutes: {
    description: 'the Services its backendRefs name, and the ReferenceGrants of their namespaces',
    dependsOn(obj, changes) {
      const route = routeOf(obj);
      if (!route) return false;
      if (changes.referenceGrants) return true;
      return (
        changes.serviceNames.size > 0 &&
        route.backendRefs.some((b) => b.name !== undefined && changes.serviceNames.has(b.name))
      );
    },
    readersOf(ws, changed, add, memo) {
      const grant = changed.kind === 'ReferenceGrant' && changed.apiVersion.startsWith('gateway.networking.k8s.io/');
      if (!grant && !serviceOf(changed)) return;
      for (const o of memoized(memo, 'routes', () => [...ws.objects()].filter((o) => !!routeOf(o)))) {
        if (grant || routeOf(o)!.backendRefs.some((b) => b.name === changed.name)) add(o);
      }
    },
  },
} as const satisfies Record<string, ObjectRead>;

export type ObjectReadName = keyof typeof OBJECT_READS;

export function emptySummary(): ChangeSummary {
  return {
    templateNamespaces: new Set(),
    selectingServices: new Set(),
    nodePorts: false,
    serviceNamespaces: new Set(),
    serviceNames: new Set(),
    ingressHosts: new Set(),
    crdGroups: new Set(),
    gateways: false,
    namespaces: false,
    referenceGrants: false,
  };
}

/** Sums up changed objects (old and new versions) for `dependsOn`. */
export function summarize(
  ws: Workspace,
  changed: readonly K8sObject[],
  into: ChangeSummary = emptySummary(),
): ChangeSummary {
  for (const c of changed) {
    const crd = definedKind(c);
    if (crd) into.crdGroups.add(crd.group);
    if (c.apiVersion.startsWith('gateway.networking.k8s.io/')) {
      if (c.kind === 'Gateway') into.gateways = true;
      if (c.kind === 'ReferenceGrant') into.referenceGrants = true;
    }
    if (c.kind === 'Namespace' && c.apiVersion === 'v1') into.namespaces = true;
    if (serviceOf(c)) {
      into.serviceNamespaces.add(c.namespace);
      if (c.name !== undefined) into.serviceNames.add(c.name);
      if (hasNodePorts(c)) into.nodePorts = true;
      continue;
    }
    const ing = ingressOf(c);
    if (ing) for (const r of ing.rules) into.ingressHosts.add(r.host ?? '');
    const pods = podLabelsOf(c);
    if (!pods) continue;
    into.templateNamespaces.add(c.namespace);
    for (const selecting of ws.servicesSelecting(pods)) into.selectingServices.add(selecting.obj);
  }
  return into;
}

export function mergeSummary(into: ChangeSummary, from: ChangeSummary): void {
  for (const ns of from.templateNamespaces) into.templateNamespaces.add(ns);
  for (const o of from.selectingServices) into.selectingServices.add(o);
  into.nodePorts ||= from.nodePorts;
  for (const ns of from.serviceNamespaces) into.serviceNamespaces.add(ns);
  for (const n of from.serviceNames) into.serviceNames.add(n);
  for (const h of from.ingressHosts) into.ingressHosts.add(h);
  for (const g of from.crdGroups) into.crdGroups.add(g);
  into.gateways ||= from.gateways;
  into.namespaces ||= from.namespaces;
  into.referenceGrants ||= from.referenceGrants;
}
