import { refersToGateway, routeOf } from '../model/gatewayApi';
import { gatewaysNamed, isRoute } from './route-common';
import type { Rule } from './rule';

/** A route's parentRef names a Gateway that none of the checked files declares: a warning, it may be installed separately. */
export const routeParentMissing: Rule = {
  id: 'route-parent-missing',
  description: 'An HTTPRoute or GRPCRoute is attached (parentRefs) to a Gateway that is not in the checked files.',
  severity: 'warning',
  docs: {
    why: 'A Gateway controller attaches a route only to the Gateways its parentRefs name. When none of the checked files declares that Gateway, the route gets no traffic unless the Gateway is installed some other way, so this is a warning.',
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
    - name: shop-gateway
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
      if (!refersToGateway(ref) || ref.name === undefined || !ref.nameNode) continue;
      if (gatewaysNamed(ctx.workspace, ref).length) continue;
      ctx.report({
        at: ref.nameNode,
        message: `${route.kind} \`${obj.name ?? '(no name)'}\` is attached to Gateway \`${ref.name}\`, which is not in the checked files for namespace \`${ref.namespace}\`.`,
      });
    }
  },
};
