import { refersToGateway, routeOf } from '../model/gatewayApi';
import { gatewaysNamed, isRoute, refusal, selectedListeners } from './route-common';
import type { Rule } from './rule';

/**
 * Every listener a parentRef selects refuses the route by its allowedRoutes: the route's namespace is not
 * admitted (`Same`, the default, or a `Selector` the route's Namespace in the files does not match) or its
 * kind is not (allowedRoutes.kinds, or the kinds the listener's protocol carries). Not attached
 * (Accepted: False, NotAllowedByListeners).
 */
export const routeNotAllowed: Rule = {
  id: 'route-not-allowed',
  description:
    "Every listener a route's parentRef selects refuses it (allowedRoutes: namespace Same/Selector, or kinds); the route is not attached.",
  severity: 'error',
  docs: {
    why: "A listener admits routes only from the namespaces its allowedRoutes.namespaces selects (by default `Same`, the Gateway's own namespace), and only of the kinds its allowedRoutes.kinds or its protocol allows. When every listener the parentRef selects refuses the route, the controller sets Accepted: False (NotAllowedByListeners).",
    fails: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shop
  namespace: infra
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
  namespace: shop
spec:
  parentRefs:
    - name: shop
      namespace: infra
  rules:
    - backendRefs:
        - name: web
          port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
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
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      allowedRoutes:
        namespaces:
          from: Selector
          selector:
            matchLabels:
              shared-gateway-access: "true"
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
  namespace: shop
spec:
  parentRefs:
    - name: shop
      namespace: infra
  rules:
    - backendRefs:
        - name: web
          port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    shared-gateway-access: "true"
`,
  },
  reads: ['gatewaysOfRoutes'],
  appliesTo: isRoute,
  checkObject(obj, ctx) {
    const route = routeOf(obj)!;
    for (const ref of route.parentRefs) {
      if (!refersToGateway(ref)) continue;
      const at = ref.sectionNameNode ?? ref.nameNode;
      if (!at) continue;
      const gateways = gatewaysNamed(ctx.workspace, ref).filter((g) => !g.obj.doc.broken);
      if (!gateways.length) continue;
      let reasons: string[] | undefined;
      for (const gw of gateways) {
        const listeners = selectedListeners(gw, ref);
        if (!listeners.length) {
          reasons = undefined;
          break;
        }
        const why = listeners.map((l) => refusal(ctx.workspace, gw, l, route));
        if (why.some((w) => w === undefined)) {
          reasons = undefined;
          break;
        }
        reasons ??= why as string[];
      }
      if (!reasons) continue;
      ctx.report({
        at,
        message: `Gateway \`${ref.name}\` does not admit ${route.kind} \`${obj.name ?? '(no name)'}\`: ${reasons.join('; ')}.`,
      });
    }
  },
};
