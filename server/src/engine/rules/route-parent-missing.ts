import { refersToGateway, routeOf } from '../model/gatewayApi';
import { gatewaysNamed, isRoute } from './route-common';
import type { Rule } from './rule';

/** A route's parentRef names a Gateway that none of the checked files declares: a warning, it may be installed separately. */
export const routeParentMissing: Rule = {
  id: 'route-parent-missing',
  description: 'An HTTPRoute or GRPCRoute is attached (parentRefs) to a Gateway that is not in the checked files.',
  severity: 'warning',
  reads: ['gatewaysOfRoutes'],
  appliesTo: isRoute,
  checkObject(obj, ctx) {
    const route = routeOf(obj)!;
    for (const ref of route.parentRefs) {
      if (!refersToGateway(ref) || ref.name === undefined || !ref.nameNode) continue;
      if (gatewaysNamed(ctx.workspace, ref).length) continue;
      ctx.report({ at: ref.nameNode, message: `${route.kind} \`${obj.name ?? '(no name)'}\` is attached to Gateway \`${ref.name}\`, which is not in the checked files for namespace \`${ref.namespace}\`.` });
    }
  },
};
