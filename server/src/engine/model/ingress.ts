import type { Node, YAMLMap } from 'yaml';
import { isIngress } from './apiVersions';
import type { K8sObject } from './object';

/** Where an Ingress sends a request: a Service port, or another resource. */
export interface IngressBackend {
  node: YAMLMap;
  /** backend.service.name (v1) or backend.serviceName (v1beta1). */
  serviceName: string | undefined;
  serviceNameNode: Node | undefined;
  portName: string | undefined;
  portNumber: number | undefined;
  portNode: Node | undefined;
  /** backend.resource: routes to a custom resource, not a Service. */
  resource: boolean;
  /** Written in the v1beta1 form (serviceName/servicePort). */
  legacy: boolean;
}

export interface IngressPath {
  node: YAMLMap;
  path: string | undefined;
  pathType: string | undefined;
  backend: IngressBackend | undefined;
}

export interface IngressRule {
  node: YAMLMap;
  host: string | undefined;
  hostNode: Node | undefined;
  paths: IngressPath[];
}

export interface Ingress {
  obj: K8sObject;
  defaultBackend: IngressBackend | undefined;
  rules: IngressRule[];
  tls: { hosts: string[]; secretName: string | undefined; node: YAMLMap }[];
  ingressClassName: string | undefined;
}

const cache = new WeakMap<K8sObject, Ingress | null>();

export function ingressOf(obj: K8sObject): Ingress | undefined {
  const cached = cache.get(obj);
  if (cached !== undefined) return cached ?? undefined;
  const ing = isIngress(obj.apiVersion, obj.kind) ? readIngress(obj) : undefined;
  cache.set(obj, ing ?? null);
  return ing;
}

function readIngress(obj: K8sObject): Ingress {
  const r = obj.reader;
  const spec = r.map(obj.get('spec'));
  const backendOf = (node: Node | undefined): IngressBackend | undefined => {
    const b = r.map(node);
    if (!b) return undefined;
    const svc = r.map(r.get(b, 'service'));
    if (svc) {
      const port = r.map(r.get(svc, 'port'));
      const nameNode = r.get(svc, 'name');
      return {
        node: b,
        serviceName: r.text(nameNode),
        serviceNameNode: nameNode,
        portName: r.str(r.get(port, 'name')),
        portNumber: r.int(r.get(port, 'number')),
        portNode: r.get(port, 'name') ?? r.get(port, 'number') ?? port,
        resource: !!r.get(b, 'resource'),
        legacy: false,
      };
    }
    const legacyName = r.get(b, 'serviceName');
    const legacyPort = r.scalar(r.get(b, 'servicePort'));
    return {
      node: b,
      serviceName: r.text(legacyName),
      serviceNameNode: legacyName,
      portName: typeof legacyPort?.value === 'string' ? legacyPort.value : undefined,
      portNumber: typeof legacyPort?.value === 'number' ? legacyPort.value : undefined,
      portNode: legacyPort,
      resource: !!r.get(b, 'resource'),
      legacy: legacyName !== undefined || legacyPort !== undefined,
    };
  };
  const rules: IngressRule[] = [];
  for (const rule of r.items(r.get(spec, 'rules'))) {
    const rm = r.map(rule);
    if (!rm) continue;
    const hostNode = r.get(rm, 'host');
    const paths: IngressPath[] = [];
    for (const p of r.items(r.at(rm, 'http', 'paths'))) {
      const pm = r.map(p);
      if (!pm) continue;
      paths.push({
        node: pm,
        path: r.text(r.get(pm, 'path')),
        pathType: r.text(r.get(pm, 'pathType')),
        backend: backendOf(r.get(pm, 'backend')),
      });
    }
    rules.push({ node: rm, host: r.text(hostNode), hostNode, paths });
  }
  const tls = r.items(r.get(spec, 'tls')).flatMap((t) => {
    const tm = r.map(t);
    if (!tm) return [];
    const hosts = r
      .items(r.get(tm, 'hosts'))
      .map((h) => r.text(h))
      .filter((h): h is string => h !== undefined);
    return [{ hosts, secretName: r.text(r.get(tm, 'secretName')), node: tm }];
  });
  return {
    obj,
    defaultBackend: backendOf(r.get(spec, 'defaultBackend') ?? r.get(spec, 'backend')),
    rules,
    tls,
    ingressClassName: r.text(r.get(spec, 'ingressClassName')),
  };
}

/** Every backend of an Ingress that names a Service, with the rule path it serves (none for the default backend). */
export function serviceBackends(ing: Ingress): { backend: IngressBackend; rule?: IngressRule; path?: IngressPath }[] {
  const out: { backend: IngressBackend; rule?: IngressRule; path?: IngressPath }[] = [];
  if (ing.defaultBackend) out.push({ backend: ing.defaultBackend });
  for (const rule of ing.rules)
    for (const path of rule.paths) if (path.backend) out.push({ backend: path.backend, rule, path });
  return out;
}

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/**
 * The IngressClass whose controller serves an Ingress: `spec.ingressClassName`, else the deprecated
 * `kubernetes.io/ingress.class` annotation, else null (the cluster's default class).
 */
export function ingressClassOf(ing: Ingress): string | null {
  if (ing.ingressClassName) return ing.ingressClassName;
  const r = ing.obj.reader;
  const annotation = r.str(r.get(r.get(ing.obj.metadata, 'annotations'), CLASS_ANNOTATION));
  return annotation ? annotation : null;
}
