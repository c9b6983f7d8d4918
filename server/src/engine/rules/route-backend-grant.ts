import { refersToService, routeOf } from '../model/gatewayApi';
import { crossNamespaceAllowed, isRoute } from './route-common';
import type { Rule } from './rule';

/**
 * A backendRef to a Service in another namespace needs a ReferenceGrant in that namespace allowing it (from
 * the route's kind and namespace, to Services). None in the checked files: a warning (it may be applied
 * separately), since without it the reference is refused (ResolvedRefs: False, RefNotPermitted).
 */
export const routeBackendGrant: Rule = {
  id: 'route-backend-grant',
  description:
    'A route sends traffic to a Service in another namespace, and no ReferenceGrant in the checked files allows it there.',
  severity: 'warning',
  docs: {
    why: "A route may refer to a Service in another namespace only when a ReferenceGrant in that namespace allows references from the route's kind and namespace. Without one, the controller refuses the reference (ResolvedRefs: False, RefNotPermitted). The grant may be applied separately, so this is a warning.",
    fails: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shop
  namespace: shop
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
  rules:
    - backendRefs:
        - name: catalog
          namespace: catalog
          port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: catalog
  namespace: catalog
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
  namespace: shop
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
  rules:
    - backendRefs:
        - name: catalog
          namespace: catalog
          port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: catalog
  namespace: catalog
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: shop-routes
  namespace: catalog
spec:
  from:
    - group: gateway.networking.k8s.io
      kind: HTTPRoute
      namespace: shop
  to:
    - group: ""
      kind: Service
`,
  },
  reads: ['servicesOfRoutes'],
  appliesTo: isRoute,
  checkObject(obj, ctx) {
    const route = routeOf(obj)!;
    for (const ref of route.backendRefs) {
      if (!refersToService(ref) || ref.name === undefined || !ref.namespaceNode || ref.namespace === obj.namespace)
        continue;
      if (crossNamespaceAllowed(ctx.workspace, route, ref.namespace, ref.name)) continue;
      ctx.report({
        at: ref.namespaceNode,
        message: `Service \`${ref.name}\` is in namespace \`${ref.namespace}\`: a ReferenceGrant there must allow ${route.kind} from namespace \`${obj.namespace}\` to refer to it, and none in the checked files does.`,
      });
    }
  },
};
