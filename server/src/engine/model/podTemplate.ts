import type { Node, YAMLMap } from 'yaml';
import { isWorkload } from './apiVersions';
import { controllerLabelsOf } from './controllerLabels';
import type { ControllerLabels } from './controllerLabels';
import type { K8sObject } from './object';

export type Protocol = 'TCP' | 'UDP' | 'SCTP' | string;

export interface ContainerPort {
  name: string | undefined;
  containerPort: number | undefined;
  /** Defaults to TCP, as the API server does. */
  protocol: Protocol;
  node: YAMLMap;
  container: Container;
}

export interface Container {
  name: string | undefined;
  node: YAMLMap;
  /** Declared under initContainers. Only sidecars (see `sidecar`) among them serve Service traffic. */
  init: boolean;
  /** The container's own `restartPolicy` (only `Always` is allowed, on init containers). */
  restartPolicy: string | undefined;
  /**
   * An init container with `restartPolicy: Always` (a sidecar): it keeps running next to the app
   * containers, and endpoints resolve a Service's named targetPort in it too (FindPort).
   */
  sidecar: boolean;
  ports: ContainerPort[];
}

/** The pod template of a workload (or a bare Pod itself): labels and containers. */
export interface PodTemplate {
  owner: K8sObject;
  /** The template's `metadata` map (for a Pod, the object's own). */
  metadata: YAMLMap | undefined;
  labels: Map<string, string>;
  /** Labels the workload's controller adds to the pods (a StatefulSet's pod names, a Deployment's pod-template-hash, …). */
  controllerLabels: ControllerLabels;
  spec: YAMLMap | undefined;
  containers: Container[];
  /** The map holding `spec` (the template node; for a Pod, the object). */
  node: YAMLMap | undefined;
}

const cache = new WeakMap<K8sObject, PodTemplate | null>();

/** The pod template of a workload, or undefined for any other object. */
export function podTemplateOf(obj: K8sObject): PodTemplate | undefined {
  const cached = cache.get(obj);
  if (cached !== undefined) return cached ?? undefined;
  const t = readPodTemplate(obj);
  cache.set(obj, t ?? null);
  return t;
}

function readPodTemplate(obj: K8sObject): PodTemplate | undefined {
  if (!isWorkload(obj.apiVersion, obj.kind)) return undefined;
  const r = obj.reader;
  let templateNode: Node | undefined;
  switch (obj.kind) {
    case 'Pod':
      templateNode = obj.node;
      break;
    case 'CronJob':
      templateNode = obj.get('spec', 'jobTemplate', 'spec', 'template');
      break;
    default:
      templateNode = obj.get('spec', 'template');
  }
  const node = r.map(templateNode);
  const metadata = r.map(r.get(node, 'metadata'));
  const spec = r.map(r.get(node, 'spec'));
  const template: PodTemplate = {
    owner: obj,
    metadata,
    labels: r.stringMap(r.get(metadata, 'labels')) ?? new Map(),
    controllerLabels: controllerLabelsOf(obj),
    spec,
    containers: [],
    node,
  };
  for (const [field, init] of [
    ['containers', false],
    ['initContainers', true],
  ] as const) {
    for (const c of r.items(r.get(spec, field))) {
      const cm = r.map(c);
      if (!cm) continue;
      const restartPolicy = r.text(r.get(cm, 'restartPolicy'));
      const container: Container = {
        name: r.text(r.get(cm, 'name')),
        node: cm,
        init,
        restartPolicy,
        sidecar: init && restartPolicy === 'Always',
        ports: [],
      };
      for (const p of r.items(r.get(cm, 'ports'))) {
        const pm = r.map(p);
        if (!pm) continue;
        container.ports.push({
          name: r.str(r.get(pm, 'name')),
          containerPort: r.int(r.get(pm, 'containerPort')),
          protocol: r.text(r.get(pm, 'protocol')) || 'TCP',
          node: pm,
          container,
        });
      }
      template.containers.push(container);
    }
  }
  return template;
}

/** All container ports of a template, app containers first. */
export function templatePorts(t: PodTemplate): ContainerPort[] {
  return t.containers.flatMap((c) => c.ports);
}

/**
 * The containers that serve traffic for a Service: app containers and sidecars (init containers with
 * restartPolicy: Always), in the order Kubernetes' FindPort searches them. Ordinary init containers have
 * exited before the pod is ready, so their ports never receive traffic.
 */
export function servingContainers(t: PodTemplate): Container[] {
  return [...t.containers.filter((c) => !c.init), ...t.containers.filter((c) => c.sidecar)];
}
