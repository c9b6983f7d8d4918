/**
 * Reading Ingresses for the Ingress rules, following the API server: k8s.io/kubernetes
 * pkg/apis/networking/validation (validateIngressRules, validateHTTPIngressPath, validateIngressBackend,
 * validateIngressTLS).
 */
import {
  byteLength,
  isDNS1035Label,
  isDNS1123Subdomain,
  isIPv4String,
  isIPv6String,
  isValidPortName,
  isWildcardDNS1123Subdomain,
} from '../../k8s/validation';
import type { K8sObject } from '../../model/object';
import type { DocReader } from '../../parse/nodes';
import { setPair } from '../../parse/values';
import { joinAnd } from './messages';
import { specOf } from './object';
import type { Node, Pair, YAMLMap } from 'yaml';

export const INGRESS_V1 = 'networking.k8s.io/v1';

/** Only networking.k8s.io/v1 Ingresses are validated field by field (removed versions get api-version-removed). */
export function isIngressV1(obj: K8sObject): boolean {
  return obj.kind === 'Ingress' && obj.apiVersion === INGRESS_V1;
}

export interface HostProblem {
  message: string;
  /** The host the user most likely meant, when there is exactly one. */
  fixed?: string;
}

/**
 * The problem with a host of `rules[].host` (`rule`) or `tls[].hosts[]` (`tls`), or undefined when the API
 * server accepts it. TLS hosts are not checked for IP addresses (validateIngressTLS does not), and an IPv4
 * address is a valid DNS-1123 subdomain.
 */
export function hostProblem(host: string, where: 'rule' | 'tls'): HostProblem | undefined {
  if (host === '') return undefined;
  const what = where === 'rule' ? 'Ingress host' : 'TLS host';
  const valid = (h: string) => (h.includes('*') ? isWildcardDNS1123Subdomain(h) : isDNS1123Subdomain(h)).length === 0;
  if (where === 'rule' && (isIPv4String(host) || isIPv6String(host))) {
    return {
      message: `${what} \`${host}\` is an IP address: a rule's host must be a DNS name (leave \`host\` out to match requests for any host).`,
    };
  }
  if (valid(host)) return undefined;
  if (byteLength(host) > 253) return { message: `${what} is longer than 253 characters.` };

  // Peel off what people paste from a URL, then see whether a valid host is left.
  const reasons: string[] = [];
  let h = host;
  if (h.trim() !== h) {
    reasons.push('must not have spaces around it');
    h = h.trim();
  }
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(h);
  if (scheme) {
    reasons.push(`must not include a scheme (\`${scheme[0]}\`)`);
    h = h.slice(scheme[0].length);
  }
  const slash = h.indexOf('/');
  if (slash > 0) {
    reasons.push('must not include a path');
    h = h.slice(0, slash);
  }
  const port = /:(\d+)$/.exec(h);
  if (port) {
    reasons.push(`must not include a port (\`${port[0]}\`)`);
    h = h.slice(0, port.index);
  }
  if (h !== h.toLowerCase()) {
    reasons.push('must be lowercase');
    h = h.toLowerCase();
  }
  if (h.endsWith('.') && h.length > 1) {
    reasons.push('must not end with `.`');
    h = h.slice(0, -1);
  }
  if (reasons.length && where === 'rule' && (isIPv4String(h) || isIPv6String(h))) {
    return {
      message: `${what} \`${host}\` is an IP address: a rule's host must be a DNS name (leave \`host\` out to match requests for any host).`,
    };
  }
  if (reasons.length && valid(h)) {
    return { message: `${what} \`${host}\` ${joinAnd(reasons)}: write \`${h}\`.`, fixed: h };
  }
  if (host.includes('*')) {
    return {
      message: `${what} \`${host}\` is not a valid wildcard host: \`*\` is only allowed as the whole first label, followed by a DNS name (e.g. \`*.example.com\`).`,
    };
  }
  return {
    message: `${what} \`${host}\` is not a valid DNS name: use lowercase letters, digits, \`-\` and \`.\`, starting and ending with a letter or digit (e.g. \`shop.example.com\`).`,
  };
}

/** A place that holds a backend: `spec.defaultBackend` or a path item's `backend`. */
export interface BackendSite {
  /** The `defaultBackend` / `backend` pair, when written. */
  pair: Pair | undefined;
  /** Its value, when it is a map. */
  map: YAMLMap | undefined;
  /** The map that holds the key: spec, or the path item. */
  owner: YAMLMap;
  /** The path item, for rule backends. */
  pathItem?: YAMLMap;
}

export interface PathSite {
  item: YAMLMap;
  rule: YAMLMap;
}

/** Every item of `spec.rules[].http.paths` that is a map. */
export function pathItems(obj: K8sObject): PathSite[] {
  const r = obj.reader;
  const out: PathSite[] = [];
  for (const rule of r.items(r.get(specOf(obj), 'rules'))) {
    const rm = r.map(rule);
    if (!rm) continue;
    for (const p of r.items(r.at(rm, 'http', 'paths'))) {
      const pm = r.map(p);
      if (pm) out.push({ item: pm, rule: rm });
    }
  }
  return out;
}

/** `spec.defaultBackend` (when set) and the backend of every path item. */
export function backendSites(obj: K8sObject): BackendSite[] {
  const r = obj.reader;
  const out: BackendSite[] = [];
  const spec = specOf(obj);
  const def = spec ? setPair(r, spec, 'defaultBackend') : undefined;
  if (spec && def) out.push({ pair: def, map: r.map(def.value), owner: spec });
  for (const { item } of pathItems(obj)) {
    const p = r.pair(item, 'backend');
    out.push({ pair: p, map: p ? r.map(p.value) : undefined, owner: item, pathItem: item });
  }
  return out;
}

/** Legacy v1beta1 backend fields that networking.k8s.io/v1 does not have. */
export const LEGACY_BACKEND_KEYS = ['serviceName', 'servicePort'] as const;

export function hasLegacyFields(r: DocReader, backend: YAMLMap | undefined): boolean {
  return !!backend && LEGACY_BACKEND_KEYS.some((k) => r.pair(backend, k));
}

const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];

const INVALID_PATH_SUFFIXES = ['/..', '/.'];

/** What makes a path invalid for pathType Exact or Prefix, as phrases ("must start with `/`", …). */
export function prefixPathProblems(path: string): string[] {
  const out: string[] = [];
  if (!path.startsWith('/')) out.push('must start with `/`');
  if (path.length > 0) {
    for (const seq of INVALID_PATH_SEQUENCES) if (path.includes(seq)) out.push(`must not contain \`${seq}\``);
    for (const suf of INVALID_PATH_SUFFIXES) if (path.endsWith(suf)) out.push(`must not end with \`${suf}\``);
  }
  return out;
}

/** AWS Load Balancer Controller: a backend with `port.name: use-annotation` is the action of annotation `alb.ingress.kubernetes.io/actions.<service.name>`. */
export const ALB_USE_ANNOTATION = 'use-annotation';

/** A v1 backend that names a Service, written well enough to be looked up. */
export interface ServiceRef {
  name: string;
  nameNode: Node;
  portName: string | undefined;
  portNumber: number | undefined;
  /** The `port.name` / `port.number` value node, when the port is one that can be compared. */
  portNode: Node | undefined;
}

/**
 * The Service references of a networking.k8s.io/v1 Ingress whose name is a valid Service name (invalid or
 * v1beta1-style backends get their own findings and are not looked up).
 */
export function serviceRefs(obj: K8sObject): ServiceRef[] {
  const r = obj.reader;
  const out: ServiceRef[] = [];
  for (const site of backendSites(obj)) {
    const b = site.map;
    if (!b || hasLegacyFields(r, b) || setPair(r, b, 'resource')) continue;
    const svc = r.map(r.get(b, 'service'));
    const nameNode = r.get(svc, 'name');
    const name = r.str(nameNode);
    if (!svc || !nameNode || !name || isDNS1035Label(name).length) continue;
    const port = r.map(r.get(svc, 'port'));
    const nameValue = r.get(port, 'name');
    const numberValue = r.get(port, 'number');
    const portName = r.str(nameValue) || undefined;
    // AWS Load Balancer Controller: `port.name: use-annotation` routes to the action of the annotation
    // `alb.ingress.kubernetes.io/actions.<service.name>` (a redirect, a fixed response), not to a Service.
    if (portName === ALB_USE_ANNOTATION) continue;
    let portNumber = r.int(numberValue);
    if (portNumber === 0) portNumber = undefined;
    // Compare only a port that the API server accepts: exactly one of a valid name or a valid number.
    const comparable =
      (portName !== undefined) !== (portNumber !== undefined) &&
      (portName === undefined || !isValidPortName(portName).length) &&
      (portNumber === undefined || (portNumber >= 1 && portNumber <= 65535));
    out.push({
      name,
      nameNode,
      portName: comparable ? portName : undefined,
      portNumber: comparable ? portNumber : undefined,
      portNode: comparable ? (portName !== undefined ? nameValue : numberValue) : undefined,
    });
  }
  return out;
}
