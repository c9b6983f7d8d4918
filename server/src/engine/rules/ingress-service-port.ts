import type { Service, ServicePort } from '../model/service';
import type { Rule } from './rule';
import { replaceScalarEdit } from './utils/edits';
import { isIngressV1, serviceRefs } from './utils/ingress';
import type { ServiceRef } from './utils/ingress';

export function showPort(p: ServicePort): string {
  return p.name ? `${p.port} (${p.name})` : `${p.port}`;
}

/** Whether kubeway can tell the Service's ports for sure (readable, well-formed, not an ExternalName). */
export function portsKnown(svc: Service): boolean {
  if (svc.obj.doc.broken || svc.type === 'ExternalName') return false;
  const r = svc.obj.reader;
  const ports = r.get(r.map(svc.obj.get('spec')), 'ports');
  if (ports && !r.seq(ports) && r.scalar(ports)?.value !== null) return false;
  if (r.items(ports).length !== svc.ports.length) return false;
  return svc.ports.every((p) => p.port !== undefined);
}

function exposes(svc: Service, ref: ServiceRef): boolean {
  return svc.ports.some((p) => (ref.portName !== undefined ? p.name === ref.portName : p.port === ref.portNumber));
}

/**
 * An Ingress backend's `service.port` must be one the Service exposes: `number` is compared with the
 * Service's `port` (never its `targetPort`), `name` with the port's `name`. Otherwise the controller finds
 * no such port and the route answers 503. ExternalName Services have no ports to compare.
 */
export const ingressServicePort: Rule = {
  id: 'ingress-service-port',
  description:
    "An Ingress backend's port must be a port the Service exposes (by `port` number or port `name`, not `targetPort`).",
  severity: 'error',
  docs: {
    why: "The backend's port is a port of the Service (its `port` or its `name`), never the container port (`targetPort`): otherwise the controller finds no such port and the route answers 503.",
    fails: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
`,
  },
  reads: ['servicesNamed'],
  explains: 'route',
  kinds: ['Ingress'],
  appliesTo: isIngressV1,
  checkObject(obj, ctx) {
    const ns = obj.namespace;
    for (const ref of serviceRefs(obj)) {
      if (!ref.portNode) continue;
      const services = ctx.workspace.services(ns, ref.name);
      // Declared more than once (overlays, alternatives): broken only if no declaration has the port.
      if (!services.length || !services.every(portsKnown) || services.some((s) => exposes(s, ref))) continue;
      const svc = services[0];
      const ports = svc.ports;
      const wanted = ref.portName !== undefined ? `no port named \`${ref.portName}\`` : `no port ${ref.portNumber}`;
      let message: string;
      let fix;
      if (!ports.length) {
        message = `Service \`${ref.name}\` has ${wanted}: it declares no ports at all. Add the port to the Service.`;
      } else {
        message = `Service \`${ref.name}\` has ${wanted}: it exposes ${ports.map(showPort).join(', ')}.`;
        // The usual mix-up: the container port (targetPort) instead of the Service port.
        const byTarget = ports.filter((p) =>
          ref.portName !== undefined ? p.targetPort === ref.portName : p.targetPort === ref.portNumber,
        );
        if (byTarget.length === 1) {
          const p = byTarget[0];
          const use =
            ref.portName !== undefined && p.name
              ? { key: 'name', value: p.name }
              : { key: 'number', value: String(p.port) };
          message += ` \`${ref.portName ?? ref.portNumber}\` is the targetPort of port ${showPort(p)}: an Ingress names the Service port, so use \`${use.key}: ${use.value}\`.`;
          if (use.key === (ref.portName !== undefined ? 'name' : 'number')) {
            const edit =
              use.key === 'name'
                ? replaceScalarEdit(obj, ref.portNode, use.value)
                : { range: obj.doc.rangeOf(ref.portNode), newText: use.value };
            fix = { title: `Change to ${use.key}: ${use.value}`, edits: [edit] };
          }
        } else if (ref.portName !== undefined) {
          const named = ports.filter((p) => p.name);
          message += named.length
            ? ` Use \`name:\` with one of ${named.map((p) => `\`${p.name}\``).join(', ')}, or \`number:\`.`
            : ' Its ports have no names: use `number:` instead of `name:`.';
        }
      }
      ctx.report({ at: ref.portNode, message, fix });
    }
  },
};
