import { refersToService, routeOf } from '../model/gatewayApi';
import { isRoute } from './route-common';
import type { Rule } from './rule';

/** A route's backendRef names a Service that none of the checked files declares in that namespace: a warning. */
export const routeBackendMissing: Rule = {
  id: 'route-backend-missing',
  description: 'An HTTPRoute or GRPCRoute sends traffic (backendRefs) to a Service that is not in the checked files.',
  severity: 'warning',
  docs: {
    why: "The Gateway controller resolves each backendRef to a Service, in the route's namespace unless the ref names another one. If that Service does not exist, the controller sets ResolvedRefs: False and requests for that backend get a 500. It may be applied separately, so this is a warning.",
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
        - name: website
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
  reads: ['servicesOfRoutes'],
  appliesTo: isRoute,
  checkObject(obj, ctx) {
    const route = routeOf(obj)!;
    for (const ref of route.backendRefs) {
      if (!refersToService(ref) || ref.name === undefined || !ref.nameNode) continue;
      if (ctx.workspace.services(ref.namespace, ref.name).length) continue;
      ctx.report({
        at: ref.nameNode,
        message: `${route.kind} \`${obj.name ?? '(no name)'}\` sends traffic to Service \`${ref.name}\`, which is not in the checked files for namespace \`${ref.namespace}\`.`,
      });
    }
  },
};
