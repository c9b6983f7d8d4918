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
  description: 'A route sends traffic to a Service in another namespace, and no ReferenceGrant in the checked files allows it there.',
  severity: 'warning',
  reads: ['servicesOfRoutes'],
  appliesTo: isRoute,
  checkObject(obj, ctx) {
    const route = routeOf(obj)!;
    for (const ref of route.backendRefs) {
      if (!refersToService(ref) || ref.name === undefined || !ref.namespaceNode || ref.namespace === obj.namespace) continue;
      if (crossNamespaceAllowed(ctx.workspace, route, ref.namespace, ref.name)) continue;
      ctx.report({
        at: ref.namespaceNode,
        message: `Service \`${ref.name}\` is in namespace \`${ref.namespace}\`: a ReferenceGrant there must allow ${route.kind} from namespace \`${obj.namespace}\` to refer to it, and none in the checked files does.`,
      });
    }
  },
};
