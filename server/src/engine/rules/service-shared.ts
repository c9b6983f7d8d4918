/**
 * Helpers shared by the Service rules (not a rule itself): reading a Service's spec as the API server sees
 * it after defaulting, and the name / address syntaxes of k8s.io/apimachinery/pkg/util/validation, each
 * returning a short description of the first problem (undefined when the value is valid).
 */
import type { Node, Pair, YAMLMap } from 'yaml';
import { isService, isWorkload } from '../model/apiVersions';
import type { K8sObject } from '../model/object';
import type { Workspace } from '../model/workspace';
import type { Fix } from '../types';
import type { PodTemplate } from '../model/podTemplate';
import { serviceOf } from '../model/service';
import type { Service } from '../model/service';
import { isKustomizePatch } from '../model/kustomize';

export const SERVICE_TYPE_NAMES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;
export type ServiceTypeName = (typeof SERVICE_TYPE_NAMES)[number];

export function appliesToService(obj: K8sObject): boolean {
  return isService(obj.apiVersion, obj.kind);
}

export function specOf(obj: K8sObject): YAMLMap | undefined {
  return obj.reader.map(obj.get('spec'));
}

/** The node of a field of `spec` (aliases resolved). */
export function specField(obj: K8sObject, key: string): Node | undefined {
  return obj.reader.get(specOf(obj), key);
}

/** The key node of a field of a map (own or merged), where "remove this field" findings go. */
export function keyNode(obj: K8sObject, map: unknown, key: string): Node | undefined {
  const p: Pair | undefined = obj.reader.pair(map, key);
  return (p?.key as Node | undefined) ?? undefined;
}

/** The pod templates a Service selects (Workspace.selectedBy, remembered for the other rules). */
export function selectedTemplates(ws: Workspace, svc: Service): PodTemplate[] {
  return memo(snapshot(ws).selected, svc, () => ws.selectedBy(svc));
}

// ---- workspace-wide facts, computed once per state of the workspace ----

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
}

const snapshots = new WeakMap<Workspace, Snapshot>();

function snapshot(ws: Workspace): Snapshot {
  const cached = snapshots.get(ws);
  if (cached && cached.version === ws.version) return cached;
  const fresh: Snapshot = { version: ws.version, selected: new Map() };
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

/** Whether a field is set to something other than null or "" (what Go decodes to its zero value). */
export function isSet(obj: K8sObject, node: Node | undefined): boolean {
  if (!node) return false;
  const s = obj.reader.scalar(node);
  if (!s) return true; // a map or a sequence
  return s.value !== null && s.value !== undefined && s.value !== '';
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

/** Where a finding about a whole list item goes: its first key (one line, unlike the item itself). */
export function itemAnchor(obj: K8sObject, map: YAMLMap): Node {
  const first = obj.reader.pairs(map)[0];
  return ((first?.key as Node | undefined) ?? map) as Node;
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
    for (const [k, v] of selector) if (t.labels.get(k) !== v) { all = false; break; }
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

/** A fix that replaces a node's text. */
export function replaceFix(obj: K8sObject, node: Node, newText: string, title?: string): Fix {
  return { title: title ?? `Change to ${newText}`, edits: [{ range: obj.doc.rangeOf(node), newText }] };
}

/** The value as it is spelled in messages. */
export function shown(value: string): string {
  return value === '' ? '""' : `\`${value}\``;
}

// ---- name syntaxes (k8s.io/apimachinery/pkg/util/validation) ----

function firstBadChar(value: string, allowed: RegExp): string | undefined {
  for (const ch of value) if (!allowed.test(ch)) return ch;
  return undefined;
}

function charProblem(value: string, allowed: RegExp, what: string): string | undefined {
  if (firstBadChar(value, allowed) === undefined) return undefined;
  // Name the first character that lowercasing would not fix; otherwise the case is the only problem.
  const bad = firstBadChar(value.toLowerCase(), allowed);
  if (bad === undefined) return 'has uppercase letters (use lowercase)';
  return `contains ${bad === ' ' ? 'a space' : `\`${bad}\``} (${what})`;
}

/** DNS-1123 label (port names, most object names): at most 63 of a-z, 0-9, '-', alphanumeric at both ends. */
export function dns1123LabelProblem(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  if (value.length > 63) return `is ${value.length} characters long (at most 63)`;
  const chars = charProblem(value, /[a-z0-9-]/, "only lowercase letters, digits and '-' are allowed");
  if (chars) return chars;
  if (value.startsWith('-')) return "starts with '-'";
  if (value.endsWith('-')) return "ends with '-'";
  return undefined;
}

/** DNS-1035 label (Service names): a DNS-1123 label that starts with a letter. */
export function dns1035LabelProblem(value: string): string | undefined {
  const p = dns1123LabelProblem(value);
  if (p) return p;
  if (!/^[a-z]/.test(value)) return 'starts with a digit (it must start with a letter)';
  return undefined;
}

/** DNS-1123 subdomain: at most 253 characters, dot-separated DNS-1123 labels (of any length). */
export function dns1123SubdomainProblem(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  if (value.length > 253) return `is ${value.length} characters long (at most 253)`;
  const chars = charProblem(value, /[a-z0-9.-]/, "only lowercase letters, digits, '-' and '.' are allowed");
  if (chars) return chars;
  for (const label of value.split('.')) {
    if (label === '') return value.startsWith('.') ? "starts with '.'" : value.endsWith('.') ? "ends with '.'" : "contains '..'";
    if (label.startsWith('-')) return `has a part that starts with '-' (\`${label}\`)`;
    if (label.endsWith('-')) return `has a part that ends with '-' (\`${label}\`)`;
  }
  return undefined;
}

/**
 * IANA_SVC_NAME (container port names, a string targetPort): at most 15 of a-z, 0-9 and '-', at least one
 * letter, no '-' at either end and no '--'.
 */
export function portNameProblem(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  if (value.length > 15) return `is ${value.length} characters long (at most 15)`;
  const chars = charProblem(value, /[a-z0-9-]/, "only lowercase letters, digits and '-' are allowed");
  if (chars) return chars;
  if (!/[a-z]/.test(value)) return 'has no letter';
  if (value.includes('--')) return "contains '--'";
  if (value.startsWith('-')) return "starts with '-'";
  if (value.endsWith('-')) return "ends with '-'";
  return undefined;
}

const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Qualified name (label keys, appProtocol, loadBalancerClass): `[prefix/]name`. */
export function qualifiedNameProblem(value: string): string | undefined {
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0) return "has an empty prefix before '/'";
    const p = dns1123SubdomainProblem(prefix);
    if (p) return `has a prefix \`${prefix}\` before '/' that ${p} (a prefix is a lowercase DNS subdomain)`;
    name = parts[1];
  } else return "has more than one '/'";
  if (name.length === 0) return 'has an empty name part';
  if (name.length > 63) return `has a name part of ${name.length} characters (at most 63)`;
  if (!QUALIFIED_NAME_PART.test(name)) {
    const bad = firstBadChar(name, /[-A-Za-z0-9_.]/);
    if (bad !== undefined) return `contains ${bad === ' ' ? 'a space' : `\`${bad}\``} (only letters, digits, '-', '_' and '.' are allowed)`;
    return 'must start and end with a letter or digit';
  }
  return undefined;
}

/** Label value: empty, or at most 63 of letters, digits, '-', '_', '.', alphanumeric at both ends. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `is ${value.length} characters long (at most 63)`;
  if (!QUALIFIED_NAME_PART.test(value)) {
    const bad = firstBadChar(value, /[-A-Za-z0-9_.]/);
    if (bad !== undefined) return `contains ${bad === ' ' ? 'a space' : `\`${bad}\``} (only letters, digits, '-', '_' and '.' are allowed)`;
    return 'must start and end with a letter or digit';
  }
  return undefined;
}

// ---- addresses (as Go's net.ParseIP, with the leading zeros that ParseIPSloppy tolerates) ----

function isIPv4(value: string): boolean {
  const parts = value.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255);
}

function isIPv6(value: string): boolean {
  if (!value.includes(':')) return false;
  let s = value;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string): string[] | undefined => {
    if (h === '') return [];
    const g = h.split(':');
    return g.every((x) => /^[0-9A-Fa-f]{1,4}$/.test(x)) ? g : undefined;
  };
  if (halves.length === 2) {
    const a = groups(halves[0]);
    const b = groups(halves[1]);
    if (!a || !b) return false;
    return a.length + b.length < 8;
  }
  const all = groups(s);
  return !!all && all.length === 8;
}

export function isIP(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}

export function isIPv6Address(value: string): boolean {
  return isIPv6(value);
}

/** A CIDR as netutils.ParseCIDRSloppy reads it: an address, '/', a prefix length for its family. */
export function isCIDR(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const ip = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(bits)) return false;
  if (isIPv4(ip)) return Number(bits) <= 32;
  if (isIPv6(ip)) return Number(bits) <= 128;
  return false;
}
