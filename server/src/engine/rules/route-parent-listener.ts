import { refersToGateway, routeOf } from '../model/gatewayApi';
import { gatewaysNamed, isRoute, listenerName } from './route-common';
import type { Rule } from './rule';

/**
 * A parentRef's `sectionName` names no listener of the Gateway, or its `port` is one no (such) listener has:
 * the route attaches to nothing (Accepted: False, NoMatchingParent).
 */
export const routeParentListener: Rule = {
  id: 'route-parent-listener',
  description:
    "A route's parentRef names a listener (sectionName) or a port that the Gateway does not have; the route is not attached.",
  severity: 'error',
  docs: {
    why: 'A parentRef with a sectionName or port attaches the route only to the Gateway listener with that name or port. When the Gateway has no such listener, the controller sets Accepted: False (NoMatchingParent) and the route gets no traffic.',
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
      sectionName: https
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
      sectionName: http
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
  reads: ['gatewaysOfRoutes'],
  appliesTo: isRoute,
  checkObject(obj, ctx) {
    const route = routeOf(obj)!;
    for (const ref of route.parentRefs) {
      if (!refersToGateway(ref) || (ref.sectionName === undefined && ref.port === undefined)) continue;
      const gateways = gatewaysNamed(ctx.workspace, ref).filter((g) => !g.obj.doc.broken);
      if (!gateways.length) continue;
      // Declared more than once (overlays, alternatives): broken only if no declaration has the listener.
      if (
        gateways.some((g) =>
          g.listeners.some(
            (l) =>
              (ref.sectionName === undefined || l.name === ref.sectionName) &&
              (ref.port === undefined || l.port === ref.port),
          ),
        )
      )
        continue;
      const gw = gateways[0];
      const names = gw.listeners.map(listenerName);
      const listeners = names.length ? `its listeners are ${names.join(', ')}` : 'it has no listeners';
      const named = ref.sectionName !== undefined ? gw.listeners.filter((l) => l.name === ref.sectionName) : [];
      if (ref.sectionName !== undefined && !named.length) {
        if (ref.sectionNameNode)
          ctx.report({
            at: ref.sectionNameNode,
            message: `Gateway \`${gw.obj.name}\` has no listener named \`${ref.sectionName}\`: ${listeners}.`,
          });
      } else if (ref.port !== undefined && ref.portNode) {
        const message = named.length
          ? `Listener \`${ref.sectionName}\` of Gateway \`${gw.obj.name}\` listens on port ${named.map((l) => l.port ?? '?').join(', ')}, not ${ref.port}.`
          : `Gateway \`${gw.obj.name}\` has no listener on port ${ref.port}: ${gw.listeners.length ? `its listeners use port ${[...new Set(gw.listeners.map((l) => l.port ?? '?'))].join(', ')}` : 'it has no listeners'}.`;
        ctx.report({ at: ref.portNode, message });
      }
    }
  },
};
