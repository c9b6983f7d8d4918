import { refersToService, routeOf } from '../model/gatewayApi';
import { portsKnown, showPort } from './ingress-service-port';
import { isRoute } from './route-common';
import type { Rule } from './rule';

/** A route's backendRef `port` must be a `port` of the Service (not a targetPort): otherwise the backend is unreachable. */
export const routeBackendPort: Rule = {
  id: 'route-backend-port',
  description:
    "A route's backendRef port must be a port the Service exposes (its `port`, not `targetPort`); otherwise the backend is unreachable.",
  severity: 'error',
  docs: {
    why: "A backendRef's port is a port of the Service (`spec.ports[].port`), which the Service then forwards to its targetPort. If the Service does not expose that port, the backend cannot be resolved (ResolvedRefs: False) and its requests fail.",
    fails: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shop
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  parentRefs:
    - name: shop
  rules:
    - backendRefs:
        - name: web
          port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
`,
    fixed: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shop
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  parentRefs:
    - name: shop
  rules:
    - backendRefs:
        - name: web
          port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
`,
  },
  reads: ['servicesOfRoutes'],
  appliesTo: isRoute,
  checkObject(obj, ctx) {
    const route = routeOf(obj)!;
    for (const ref of route.backendRefs) {
      if (!refersToService(ref) || ref.name === undefined || ref.port === undefined || !ref.portNode) continue;
      const services = ctx.workspace.services(ref.namespace, ref.name);
      if (
        !services.length ||
        !services.every(portsKnown) ||
        services.some((s) => s.ports.some((p) => p.port === ref.port))
      )
        continue;
      const ports = services[0].ports;
      let message = ports.length
        ? `Service \`${ref.name}\` has no port ${ref.port}: it exposes ${ports.map(showPort).join(', ')}.`
        : `Service \`${ref.name}\` has no port ${ref.port}: it declares no ports at all.`;
      const byTarget = ports.filter((p) => p.targetPort === ref.port);
      if (byTarget.length === 1)
        message += ` ${ref.port} is the targetPort of port ${showPort(byTarget[0])}: a backendRef names the Service port.`;
      const fix =
        byTarget.length === 1 && byTarget[0].port !== undefined
          ? {
              title: `Change to ${byTarget[0].port}`,
              edits: [{ range: obj.doc.rangeOf(ref.portNode), newText: String(byTarget[0].port) }],
            }
          : undefined;
      ctx.report({ at: ref.portNode, message, fix });
    }
  },
};
