/** How traffic resolves between objects, for hovers and navigation: selector → pods, targetPort → container port, backend → Service. */
import type { Node } from 'yaml';
import { ingressOf, serviceBackends } from '../model/ingress';
import type { IngressBackend } from '../model/ingress';
import type { K8sObject } from '../model/object';
import type { ContainerPort, PodTemplate } from '../model/podTemplate';
import { effectiveTargetPort, findTargetContainerPort } from '../model/service';
import type { Service, ServicePort } from '../model/service';
import type { Workspace } from '../model/workspace';
import { keyText } from '../parse/nodes';
import type { Range } from '../types';
import type { PathSegment } from './cursor';
import { nodeAtPath, pathStarts } from './objectAt';

export interface Location {
  /** The workspace path of the file. */
  file: string;
  range: Range;
}

export function locationOf(obj: K8sObject, node: unknown): Location {
  return { file: obj.file, range: obj.doc.rangeOf(node) };
}

/** `Deployment/web (deploy/web.yaml:12)`: an object as a hover names it. */
export function describeObject(obj: K8sObject): string {
  return `\`${obj.displayName}\` (${obj.file}:${obj.doc.rangeOf(obj.anchor).start.line + 1})`;
}

/** The Service port at `spec.ports[i]` of a Service. */
export function servicePortAtPath(svc: Service, portPath: readonly PathSegment[]): ServicePort | undefined {
  const node = nodeAtPath(svc.obj, portPath);
  return svc.ports.find((p) => p.node === node);
}

/** The Ingress backend that holds a path (`...backend...` or `...defaultBackend...`), with the path of its map. */
export function backendAtPath(obj: K8sObject, path: readonly PathSegment[]): { backend: IngressBackend; inPort: boolean } | undefined {
  const ing = ingressOf(obj);
  if (!ing) return undefined;
  let at = -1;
  for (let i = path.length - 1; i >= 0; i--) {
    if (path[i] === 'backend' || (i === 1 && path[0] === 'spec' && path[1] === 'defaultBackend')) {
      at = i;
      break;
    }
  }
  if (at === -1) return undefined;
  const node = nodeAtPath(obj, path.slice(0, at + 1));
  if (!node) return undefined;
  const found = serviceBackends(ing).find((b) => b.backend.node === node);
  if (!found) return undefined;
  const rest = path.slice(at + 1);
  return { backend: found.backend, inPort: pathStarts(rest, ['service', 'port']) || rest[0] === 'servicePort' };
}

/** The Service ports an Ingress backend names (by port name or number). */
export function backendPorts(svc: Service, b: IngressBackend): ServicePort[] {
  if (b.portName !== undefined) return svc.ports.filter((p) => p.name === b.portName);
  if (b.portNumber !== undefined) return svc.ports.filter((p) => p.port === b.portNumber);
  return [];
}

/** Where a Service port lands in each selected pod template. */
export function targetPortResolution(ws: Workspace, svc: Service, sp: ServicePort): { template: PodTemplate; port: ContainerPort | undefined }[] {
  return ws.selectedBy(svc).map((template) => ({ template, port: findTargetContainerPort(template, sp) }));
}

export function selectorText(selector: Map<string, string>): string {
  return [...selector].map(([k, v]) => `${k}=${v}`).join(',');
}

/** Markdown: which pods a Service's selector selects. */
export function selectedPodsMarkdown(ws: Workspace, svc: Service): string {
  if (!svc.selector || svc.selector.size === 0) return 'This Service has no selector: its endpoints are managed outside Kubernetes\' selector logic (EndpointSlices you create).';
  const templates = ws.selectedBy(svc);
  if (templates.length === 0) return `Selects no pods: no workload in namespace \`${svc.obj.namespace}\` has labels ${selectorText(svc.selector)}.`;
  return `Selects the pods of ${templates.map((t) => describeObject(t.owner)).join(', ')}.`;
}

function containerPortText(cp: ContainerPort): string {
  return `container \`${cp.container.name ?? '?'}\` port ${cp.name ? `\`${cp.name}\` ` : ''}${cp.containerPort ?? '?'}/${cp.protocol}`;
}

/** Markdown: where a Service port's targetPort goes. */
export function targetPortMarkdown(ws: Workspace, svc: Service, sp: ServicePort): string {
  const target = effectiveTargetPort(sp);
  const targetText = target === undefined ? 'unset' : `\`${target}\`${sp.targetPort === undefined ? ' (defaults to `port`)' : ''}`;
  const resolved = targetPortResolution(ws, svc, sp);
  if (resolved.length === 0) return `targetPort ${targetText}: the Service selects no pods, so it resolves to nothing.`;
  const lines = resolved.map(({ template, port }) => {
    if (port) return `- ${describeObject(template.owner)}: ${containerPortText(port)}`;
    if (typeof target === 'number') return `- ${describeObject(template.owner)}: port ${target} (no container declares it; traffic still goes to it)`;
    return `- ${describeObject(template.owner)}: no container port named \`${target}\` with protocol ${sp.protocol}`;
  });
  return `targetPort ${targetText} resolves to:\n${lines.join('\n')}`;
}

/** Markdown: where an Ingress backend routes. */
export function backendMarkdown(ws: Workspace, obj: K8sObject, b: IngressBackend): string {
  if (b.resource) return 'Routes to a resource (`backend.resource`), not a Service.';
  if (b.serviceName === undefined) return 'This backend names no Service.';
  const services = ws.services(obj.namespace, b.serviceName);
  if (services.length === 0) return `Routes to Service \`${b.serviceName}\`, which is not declared in namespace \`${obj.namespace}\` in the workspace.`;
  const svc = services[0];
  const ports = backendPorts(svc, b);
  const portText = b.portName !== undefined ? `port \`${b.portName}\`` : b.portNumber !== undefined ? `port ${b.portNumber}` : 'no port';
  const head = `Routes to Service ${describeObject(svc.obj)} ${portText}`;
  if (ports.length === 0) return `${head}, which the Service does not declare.`;
  const sp = ports[0];
  return `${head} (${sp.port ?? '?'}/${sp.protocol}).\n\n${targetPortMarkdown(ws, svc, sp)}`;
}

/** The node navigation lands on in a container port: its `name` value for a named port, else its `containerPort` value. */
export function containerPortNode(cp: ContainerPort, byName: boolean): Node {
  const pair = cp.node.items.find((p) => keyText(p.key) === (byName ? 'name' : 'containerPort'));
  return ((pair?.value as Node | null | undefined) ?? cp.node) as Node;
}
