import type { YAMLMap } from 'yaml';
import { isService } from './apiVersions';
import type { K8sObject } from './object';

export interface ServicePort {
  name: string | undefined;
  port: number | undefined;
  /** A number, a name, or undefined when not set (it then defaults to `port`). */
  targetPort: number | string | undefined;
  protocol: string;
  nodePort: number | undefined;
  node: YAMLMap;
}

export interface Service {
  obj: K8sObject;
  /** `ClusterIP` when not set. */
  type: string;
  selector: Map<string, string> | undefined;
  ports: ServicePort[];
  clusterIP: string | undefined;
  externalName: string | undefined;
}

const cache = new WeakMap<K8sObject, Service | null>();

/** The Service view of a core/v1 Service, or undefined for any other object. */
export function serviceOf(obj: K8sObject): Service | undefined {
  const cached = cache.get(obj);
  if (cached !== undefined) return cached ?? undefined;
  const s = isService(obj.apiVersion, obj.kind) ? readService(obj) : undefined;
  cache.set(obj, s ?? null);
  return s;
}

function readService(obj: K8sObject): Service {
  const r = obj.reader;
  const spec = r.map(obj.get('spec'));
  const ports: ServicePort[] = [];
  for (const p of r.items(r.get(spec, 'ports'))) {
    const pm = r.map(p);
    if (!pm) continue;
    const tp = r.scalar(r.get(pm, 'targetPort'));
    let targetPort: number | string | undefined;
    if (tp) targetPort = typeof tp.value === 'number' ? tp.value : typeof tp.value === 'string' ? tp.value : undefined;
    ports.push({
      name: r.str(r.get(pm, 'name')),
      port: r.int(r.get(pm, 'port')),
      targetPort,
      protocol: r.text(r.get(pm, 'protocol')) ?? 'TCP',
      nodePort: r.int(r.get(pm, 'nodePort')),
      node: pm,
    });
  }
  const selector = r.get(spec, 'selector');
  return {
    obj,
    type: r.text(r.get(spec, 'type')) ?? 'ClusterIP',
    selector: selector ? r.stringMap(selector) : undefined,
    ports,
    clusterIP: r.text(r.get(spec, 'clusterIP')),
    externalName: r.text(r.get(spec, 'externalName')),
  };
}

/** Whether a selector (non-empty) selects a label set. */
export function selectorMatches(selector: Map<string, string>, labels: Map<string, string>): boolean {
  if (selector.size === 0) return false;
  for (const [k, v] of selector) if (labels.get(k) !== v) return false;
  return true;
}
