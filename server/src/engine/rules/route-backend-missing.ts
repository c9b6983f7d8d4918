import { refersToService, routeOf } from '../model/gatewayApi';
import { isRoute } from './route-common';
import type { Rule } from './rule';

/** A route's backendRef names a Service that none of the checked files declares in that namespace: a warning. */
export const routeBackendMissing: Rule = {
  id: 'route-backend-missing',
  description: 'An HTTPRoute or GRPCRoute sends traffic (backendRefs) to a Service that is not in the checked files.',
  severity: 'warning',
  reads: ['servicesOfRoutes'],
  appliesTo: isRoute,
  checkObject(obj, ctx) {
    const route = routeOf(obj)!;
    for (const ref of route.backendRefs) {
      if (!refersToService(ref) || ref.name === undefined || !ref.nameNode) continue;
      if (ctx.workspace.services(ref.namespace, ref.name).length) continue;
      ctx.report({ at: ref.nameNode, message: `${route.kind} \`${obj.name ?? '(no name)'}\` sends traffic to Service \`${ref.name}\`, which is not in the checked files for namespace \`${ref.namespace}\`.` });
    }
  },
};
