/**
 * How the references along a request's path resolve in the workspace: Ingress backend → Service (and its
 * port), Service selector → pod templates, Service targetPort → container port. Pure lookups, shared by the
 * traffic graph and the reference rules; the rules own the wording of what is wrong.
 */
import type { Ingress, IngressBackend } from './ingress';
import type { ContainerPort, PodTemplate } from './podTemplate';
import { effectiveTargetPort, findTargetContainerPort } from './service';
import type { Service, ServicePort } from './service';
import type { Workspace } from './workspace';

export type BackendResolution =
  /** The backend names a Service of the Ingress's namespace; `port` is the Service port it picks, if found. */
  | { status: 'ok'; service: Service; port: ServicePort | undefined }
  /** The Service exists, but exposes no port with that name or number. */
  | { status: 'no-port'; service: Service }
  /** No Service of that name in the Ingress's namespace among the checked files. */
  | { status: 'missing'; name: string }
  /** A `resource` backend, or one that names no Service: nothing to follow. */
  | { status: 'not-a-service' };

/** Follows an Ingress backend to the Service it names, in the Ingress's own namespace only. */
export function resolveBackend(ws: Workspace, ingress: Ingress, backend: IngressBackend): BackendResolution {
  if (backend.resource || backend.serviceName === undefined || backend.serviceName === '')
    return { status: 'not-a-service' };
  const services = ws.services(ingress.obj.namespace, backend.serviceName);
  if (services.length === 0) return { status: 'missing', name: backend.serviceName };
  // Declared more than once (overlays, alternatives): the first declaration that has the port wins.
  const wantsPort = backend.portName !== undefined || backend.portNumber !== undefined;
  for (const service of services) {
    const port = servicePortFor(service, backend);
    if (port || !wantsPort) return { status: 'ok', service, port };
  }
  const service = services[0];
  // ExternalName Services have no ports to compare: the controller connects to the external name.
  if (service.type === 'ExternalName' && service.ports.length === 0) return { status: 'ok', service, port: undefined };
  return { status: 'no-port', service };
}

/** The Service port an Ingress backend names: by `name`, or by `number` compared with `port` (never targetPort). */
export function servicePortFor(service: Service, backend: IngressBackend): ServicePort | undefined {
  if (backend.portName !== undefined) return service.ports.find((p) => p.name === backend.portName);
  if (backend.portNumber !== undefined) return service.ports.find((p) => p.port === backend.portNumber);
  return undefined;
}

/** Whether a Service picks its endpoints by selector (not ExternalName, not hand-managed Endpoints). */
export function selectsPods(service: Service): boolean {
  return service.type !== 'ExternalName' && !!service.selector && service.selector.size > 0;
}

/** The pod templates of the Service's namespace whose labels its selector matches. */
export function selectedTemplates(ws: Workspace, service: Service): PodTemplate[] {
  return selectsPods(service) ? ws.selectedBy(service) : [];
}

export interface TargetPortResolution {
  /** targetPort as the API server stores it (defaults to `port`). */
  target: number | string | undefined;
  /** The container port it lands on in this template (by name and protocol, or the declared number). */
  containerPort: ContainerPort | undefined;
}

/** Where one Service port lands in one selected pod template (Kubernetes' FindPort). */
export function resolveTargetPort(template: PodTemplate, port: ServicePort): TargetPortResolution {
  return { target: effectiveTargetPort(port), containerPort: findTargetContainerPort(template, port) };
}

/** `app=web, tier=front`: a selector as people write it on the command line. */
export function selectorText(selector: Map<string, string>): string {
  return [...selector].map(([k, v]) => `${k}=${v}`).join(', ');
}
