import type { YAMLMap } from 'yaml';
import { isService } from './apiVersions';
import type { K8sObject } from './object';
import { servingContainers } from './podTemplate';
import type { ContainerPort, PodTemplate } from './podTemplate';

export interface ServicePort {
  name: string | undefined;
  port: number | undefined;
  /** A number, a name, or undefined when not set (it then defaults to `port`; see `effectiveTargetPort`). */
  targetPort: number | string | undefined;
  /** `TCP` when not set (or empty), as the API server defaults it. */
  protocol: string;
  nodePort: number | undefined;
  node: YAMLMap;
}

export interface Service {
  obj: K8sObject;
  /** `ClusterIP` when not set (or empty). */
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
      protocol: r.text(r.get(pm, 'protocol')) || 'TCP',
      nodePort: r.int(r.get(pm, 'nodePort')),
      node: pm,
    });
  }
  const selector = r.get(spec, 'selector');
  return {
    obj,
    type: r.text(r.get(spec, 'type')) || 'ClusterIP',
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

/**
 * The targetPort the API server stores: `targetPort`, or `port` when targetPort is unset, 0 or "".
 * undefined when neither is usable (e.g. a quoted `port`).
 */
export function effectiveTargetPort(p: ServicePort): number | string | undefined {
  const tp = p.targetPort;
  if (tp === undefined || tp === 0 || tp === '') return p.port;
  return tp;
}

/**
 * Where a Service port lands in a pod template, as Kubernetes' FindPort resolves it for endpoints: a named
 * targetPort is looked up by name AND protocol in the app containers, then in sidecars (init containers
 * with restartPolicy: Always); a numeric targetPort is used as is, and this returns the container port that
 * declares it, if any (declaring it is informational in Kubernetes).
 */
export function findTargetContainerPort(t: PodTemplate, p: ServicePort): ContainerPort | undefined {
  const target = effectiveTargetPort(p);
  if (target === undefined) return undefined;
  for (const c of servingContainers(t)) {
    for (const cp of c.ports) {
      if (cp.protocol !== p.protocol) continue;
      if (typeof target === 'string' ? cp.name === target : cp.containerPort === target) return cp;
    }
  }
  return undefined;
}
