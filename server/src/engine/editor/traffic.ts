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

/** `Deployment \`web\`, deploy/web.yaml:12`: an object as a hover names it (at `node`, else where it starts). */
export function describeObject(obj: K8sObject, node: unknown = obj.anchor): string {
  return `${obj.kind} \`${obj.name ?? '?'}\`, ${obj.file}:${obj.doc.rangeOf(node).start.line + 1}`;
}

/** The Service port at `spec.ports[i]` of a Service. */
export function servicePortAtPath(svc: Service, portPath: readonly PathSegment[]): ServicePort | undefined {
  const node = nodeAtPath(svc.obj, portPath);
  return svc.ports.find((p) => p.node === node);
}

/** The Ingress backend that holds a path (`...backend...` or `...defaultBackend...`), with the path of its map. */
export function backendAtPath(
  obj: K8sObject,
  path: readonly PathSegment[],
): { backend: IngressBackend; inPort: boolean } | undefined {
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
export function targetPortResolution(
  ws: Workspace,
  svc: Service,
  sp: ServicePort,
): { template: PodTemplate; port: ContainerPort | undefined }[] {
  return ws.selectedBy(svc).map((template) => ({ template, port: findTargetContainerPort(template, sp) }));
}

export function selectorText(selector: Map<string, string>): string {
  return [...selector].map(([k, v]) => `${k}=${v}`).join(',');
}

/** Markdown: which pods a Service's selector selects (one line). */
export function selectedPodsMarkdown(ws: Workspace, svc: Service): string {
  if (!svc.selector || svc.selector.size === 0)
    return "No selector: the Service's endpoints are managed outside Kubernetes' selector logic (EndpointSlices you create).";
  const templates = ws.selectedBy(svc);
  const sel = `selector \`${selectorText(svc.selector)}\``;
  if (templates.length === 0)
    return `${sel} → no pods: no workload in namespace \`${svc.obj.namespace}\` has these labels.`;
  return `${sel} → pods of ${templates.map((t) => describeObject(t.owner)).join('; ')}`;
}

/** Markdown: where a Service port's targetPort goes, one line per selected workload. */
export function targetPortMarkdown(ws: Workspace, svc: Service, sp: ServicePort): string {
  const target = effectiveTargetPort(sp);
  const head = `targetPort ${target === undefined ? 'unset' : `\`${target}\``}${sp.targetPort === undefined && target !== undefined ? ' (the Service port)' : ''}`;
  const resolved = targetPortResolution(ws, svc, sp);
  if (resolved.length === 0) return `${head} → nothing: the Service selects no pods.`;
  return resolved
    .map(({ template, port }) => {
      const owner = template.owner;
      if (port) {
        const many = template.containers.length > 1 ? ` (container \`${port.container.name ?? '?'}\`)` : '';
        return `${head} → container port ${port.containerPort ?? '?'}/${port.protocol}${many} of ${describeObject(owner, port.node)}`;
      }
      if (typeof target === 'number')
        return `${head} → port ${target} of ${describeObject(owner)} (no container declares it; traffic still goes to it)`;
      return `${head} → no container port named \`${target}\` (${sp.protocol}) in ${describeObject(owner)}`;
    })
    .join('  \n');
}

/** Markdown: where an Ingress backend routes (the Service, then where its port goes). */
export function backendMarkdown(ws: Workspace, obj: K8sObject, b: IngressBackend): string {
  if (b.resource) return 'backend → a resource (`backend.resource`), not a Service.';
  if (b.serviceName === undefined) return 'This backend names no Service.';
  const services = ws.services(obj.namespace, b.serviceName);
  if (services.length === 0)
    return `backend → Service \`${b.serviceName}\`: not declared in namespace \`${obj.namespace}\` in the workspace.`;
  const svc = services[0];
  const ports = backendPorts(svc, b);
  const portText =
    b.portName !== undefined ? ` port \`${b.portName}\`` : b.portNumber !== undefined ? ` port ${b.portNumber}` : '';
  if (ports.length === 0)
    return `backend → Service \`${b.serviceName}\`${portText}: the Service (${svc.obj.file}:${svc.obj.doc.rangeOf(svc.obj.anchor).start.line + 1}) does not declare it.`;
  const sp = ports[0];
  return `backend →${portText} (${sp.port ?? '?'}/${sp.protocol}) of ${describeObject(svc.obj, sp.node)}  \n${targetPortMarkdown(ws, svc, sp)}`;
}

/** The node navigation lands on in a container port: its `name` value for a named port, else its `containerPort` value. */
export function containerPortNode(cp: ContainerPort, byName: boolean): Node {
  const pair = cp.node.items.find((p) => keyText(p.key) === (byName ? 'name' : 'containerPort'));
  return ((pair?.value as Node | null | undefined) ?? cp.node) as Node;
}
