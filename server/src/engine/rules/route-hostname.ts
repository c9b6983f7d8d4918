import { hostnamesIntersect, refersToGateway, routeOf } from '../model/gatewayApi';
import { gatewaysNamed, isRoute, refusal, selectedListeners } from './route-common';
import type { Rule } from './rule';

/**
 * None of a route's hostnames intersects the hostname of any listener that would take it (wildcards as
 * the Gateway API matches them): the route is not attached (Accepted: False, NoMatchingListenerHostname).
 */
export const routeHostname: Rule = {
  id: 'route-hostname',
  description:
    "None of a route's hostnames matches the hostname of a listener it attaches to (wildcards per the Gateway API); the route is not attached.",
  severity: 'error',
  docs: {
    why: "A route attaches to a listener only when one of its hostnames intersects the listener's hostname (a leading `*.` wildcard in either one matches subdomains). When no listener's hostname matches, the controller sets Accepted: False (NoMatchingListenerHostname) and the route gets no traffic.",
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
      hostname: "*.example.com"
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  parentRefs:
    - name: shop
  hostnames:
    - shop.example.org
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
      hostname: "*.example.com"
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  parentRefs:
    - name: shop
  hostnames:
    - shop.example.com
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
    if (!route.hostnames.length) return;
    for (const ref of route.parentRefs) {
      if (!refersToGateway(ref)) continue;
      const gateways = gatewaysNamed(ctx.workspace, ref).filter((g) => !g.obj.doc.broken);
      if (!gateways.length) continue;
      let hostnames: string[] | undefined;
      for (const gw of gateways) {
        const open = selectedListeners(gw, ref).filter((l) => refusal(ctx.workspace, gw, l, route) === undefined);
        // A listener without a hostname takes every hostname; no listener at all is another rule's finding.
        if (
          !open.length ||
          open.some(
            (l) => l.hostname === undefined || route.hostnames.some((h) => hostnamesIntersect(l.hostname!, h.value)),
          )
        ) {
          hostnames = undefined;
          break;
        }
        hostnames ??= [...new Set(open.map((l) => l.hostname!))];
      }
      if (!hostnames) continue;
      for (const h of route.hostnames) {
        ctx.report({
          at: h.node,
          message: `Hostname \`${h.value}\` matches no listener of Gateway \`${ref.name}\`${ref.sectionName ? ` (listener \`${ref.sectionName}\`)` : ''}: ${hostnames.length > 1 ? 'they accept' : 'it accepts'} ${hostnames.map((x) => `\`${x}\``).join(', ')}. The route is not attached.`,
        });
      }
    }
  },
};
