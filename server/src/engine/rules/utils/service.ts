/**
 * Reading a Service's spec as the API server sees it after defaulting, and the workspace-wide facts the
 * Service rules share (namespaces, node ports in use, pod templates of unmodelled kinds).
 */
import { isService, isWorkload } from '../../model/apiVersions';
import { isKustomizePatch } from '../../model/kustomize';
import type { K8sObject } from '../../model/object';
import type { PodTemplate } from '../../model/podTemplate';
import { serviceOf } from '../../model/service';
import type { Service } from '../../model/service';
import type { Workspace } from '../../model/workspace';
import { specOf } from './object';
import type { Node, YAMLMap } from 'yaml';

export const SERVICE_TYPE_NAMES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;

export type ServiceTypeName = (typeof SERVICE_TYPE_NAMES)[number];

export function appliesToService(obj: K8sObject): boolean {
  return isService(obj.apiVersion, obj.kind);
}

/** The node of a field of `spec` (aliases resolved). */
export function specField(obj: K8sObject, key: string): Node | undefined {
  return obj.reader.get(specOf(obj), key);
}

/** The pod templates a Service selects (Workspace.selectedBy, remembered for the other rules). */
export function selectedTemplates(ws: Workspace, svc: Service): PodTemplate[] {
  return memo(snapshot(ws).selected, svc, () => ws.selectedBy(svc));
}

/**
 * Facts that need a scan of the whole workspace (namespaces, node ports in use, pod templates of unmodelled
 * kinds), kept until a file is added, replaced or removed (Workspace.version): every check of every Service
 * would otherwise scan the workspace again.
 */
interface Snapshot {
  /** Workspace.version when it was made. */
  version: number;
  selected: Map<Service, PodTemplate[]>;
  namespaces?: string[];
  usedNodePorts?: Set<number>;
  customTemplates?: Map<string, { obj: K8sObject; labels: Map<string, string> }[]>;
  /** Per file: its Services that allocate node ports, by node port, in text order, with their place in the file. */
  nodePortsByFile: Map<string, { byPort: Map<number, { obj: K8sObject; at: number }[]>; at: Map<K8sObject, number> }>;
}

const snapshots = new WeakMap<Workspace, Snapshot>();

function snapshot(ws: Workspace): Snapshot {
  const cached = snapshots.get(ws);
  if (cached && cached.version === ws.version) return cached;
  const fresh: Snapshot = { version: ws.version, selected: new Map(), nodePortsByFile: new Map() };
  snapshots.set(ws, fresh);
  return fresh;
}

function memo<K, V>(m: Map<K, V>, key: K, compute: () => V): V {
  if (m.has(key)) return m.get(key) as V;
  const v = compute();
  m.set(key, v);
  return v;
}

/** The namespaces of the workspace. */
export function namespacesOf(ws: Workspace): string[] {
  const s = snapshot(ws);
  return (s.namespaces ??= ws.namespaces());
}

/**
 * The Services written before `obj` in its file that allocate node ports (not ClusterIP or ExternalName) and
 * ask for this one, in text order: one scan per file instead of one per port.
 */
export function earlierFileServicesWithNodePort(ws: Workspace, obj: K8sObject, nodePort: number): K8sObject[] {
  const s = snapshot(ws);
  let index = s.nodePortsByFile.get(obj.file);
  if (!index) {
    const byPort = new Map<number, { obj: K8sObject; at: number }[]>();
    const positions = new Map<K8sObject, number>();
    (ws.file(obj.file)?.objects ?? []).forEach((o, at) => {
      positions.set(o, at);
      const svc = serviceOf(o);
      if (!svc || svc.type === 'ClusterIP' || svc.type === 'ExternalName') return;
      for (const p of new Set(svc.ports.map((q) => q.nodePort))) {
        if (p === undefined) continue;
        let list = byPort.get(p);
        if (!list) byPort.set(p, (list = []));
        list.push({ obj: o, at });
      }
    });
    s.nodePortsByFile.set(obj.file, (index = { byPort, at: positions }));
  }
  const here = index.at.get(obj) ?? Infinity;
  const out: K8sObject[] = [];
  for (const e of index.byPort.get(nodePort) ?? []) {
    if (e.at >= here) break;
    out.push(e.obj);
  }
  return out;
}

/** Node ports that any Service of the workspace asks for (node ports are cluster-wide: every namespace). */
export function usedNodePorts(ws: Workspace): Set<number> {
  const s = snapshot(ws);
  if (!s.usedNodePorts) {
    const used = new Set<number>();
    for (const o of ws.objects()) {
      const svc = serviceOf(o);
      if (!svc) continue;
      for (const p of svc.ports) if (p.nodePort) used.add(p.nodePort);
      const hc = o.reader.int(o.get('spec', 'healthCheckNodePort'));
      if (hc) used.add(hc);
    }
    s.usedNodePorts = used;
  }
  return s.usedNodePorts;
}

/**
 * The Service type after defaulting (unset, null or "" is ClusterIP), or undefined when the value is not one
 * of the four types (service-type reports it; rules that depend on the type then stay quiet).
 */
export function serviceTypeOf(obj: K8sObject): ServiceTypeName | undefined {
  const node = specField(obj, 'type');
  const value = node ? obj.reader.text(node) : undefined;
  if (value === undefined || value === '') return 'ClusterIP';
  return (SERVICE_TYPE_NAMES as readonly string[]).includes(value) ? (value as ServiceTypeName) : undefined;
}

/**
 * Whether the type is only ClusterIP by default in a kustomize patch, where the base decides it: findings
 * that rest on the ClusterIP default are dropped then. (Called only before reporting: finding the patch
 * files of the workspace is not free.)
 */
export function typeComesFromBase(obj: K8sObject, ws: Workspace): boolean {
  const node = specField(obj, 'type');
  const value = node ? obj.reader.text(node) : undefined;
  return (value === undefined || value === '') && isKustomizePatch(ws, obj);
}

/** Items of a sequence, with their real index (non-map items keep their place). */
export function specItems(obj: K8sObject, key: string): { index: number; node: Node }[] {
  return obj.reader.items(specField(obj, key)).map((node, index) => ({ index, node }));
}

/** The port maps of spec.ports with their index in the list. */
export function portMaps(obj: K8sObject): { index: number; map: YAMLMap }[] {
  const out: { index: number; map: YAMLMap }[] = [];
  obj.reader.items(specField(obj, 'ports')).forEach((item, index) => {
    const map = obj.reader.map(item);
    if (map) out.push({ index, map });
  });
  return out;
}

/**
 * Objects of kinds kubeway does not model (Argo Rollouts, OpenKruise CloneSets, OpenShift DeploymentConfigs,
 * …) whose `spec.template` (or `spec.jobTemplate.spec.template`) carries labels the selector matches, in the
 * Service's namespace: they make pods too, so "selects no pods" would be wrong, and their containers are not
 * read. (Scans the workspace: call it only before reporting.)
 */
export function customTemplatesSelected(ws: Workspace, obj: K8sObject, selector: Map<string, string>): K8sObject[] {
  if (selector.size === 0) return [];
  const s = snapshot(ws);
  if (!s.customTemplates) {
    const byNs = new Map<string, { obj: K8sObject; labels: Map<string, string> }[]>();
    for (const o of ws.objects()) {
      if (isWorkload(o.apiVersion, o.kind) || isService(o.apiVersion, o.kind)) continue;
      const r = o.reader;
      const template = r.map(o.get('spec', 'template')) ?? r.map(o.get('spec', 'jobTemplate', 'spec', 'template'));
      const labels = r.stringMap(r.at(template, 'metadata', 'labels'));
      if (!labels || labels.size === 0) continue;
      const list = byNs.get(o.namespace);
      if (list) list.push({ obj: o, labels });
      else byNs.set(o.namespace, [{ obj: o, labels }]);
    }
    s.customTemplates = byNs;
  }
  const out: K8sObject[] = [];
  for (const t of s.customTemplates.get(obj.namespace) ?? []) {
    let all = true;
    for (const [k, v] of selector)
      if (t.labels.get(k) !== v) {
        all = false;
        break;
      }
    if (all) out.push(t.obj);
  }
  return out;
}

/** `clusterIP: None` (or clusterIPs: [None]): a headless Service, which needs no ports. */
export function isHeadless(obj: K8sObject): boolean {
  const r = obj.reader;
  const ip = r.text(specField(obj, 'clusterIP'));
  if (ip) return ip === 'None';
  const ips = r.items(specField(obj, 'clusterIPs'));
  return ips.length === 1 && r.text(ips[0]) === 'None';
}

/** How a Service is named in messages. */
export function svcName(obj: K8sObject): string {
  return `Service \`${obj.name ?? '(no name)'}\``;
}
