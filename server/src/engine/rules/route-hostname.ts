import { hostnamesIntersect, refersToGateway, routeOf } from '../model/gatewayApi';
import { gatewaysNamed, isRoute, refusal, selectedListeners } from './route-common';
import type { Rule } from './rule';

/**
 * None of a route's hostnames intersects the hostname of any listener that would take it (wildcards as
 * the Gateway API matches them): the route is not attached (Accepted: False, NoMatchingListenerHostname).
 */
export const routeHostname: Rule = {
  id: 'route-hostname',
  description: "None of a route's hostnames matches the hostname of a listener it attaches to (wildcards per the Gateway API); the route is not attached.",
  severity: 'error',
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
        if (!open.length || open.some((l) => l.hostname === undefined || route.hostnames.some((h) => hostnamesIntersect(l.hostname!, h.value)))) {
          hostnames = undefined;
          break;
        }
        hostnames ??= [...new Set(open.map((l) => l.hostname!))];
      }
      if (!hostnames) continue;
      for (const h of route.hostnames) {
        ctx.report({ at: h.node, message: `Hostname \`${h.value}\` matches no listener of Gateway \`${ref.name}\`${ref.sectionName ? ` (listener \`${ref.sectionName}\`)` : ''}: ${hostnames.length > 1 ? 'they accept' : 'it accepts'} ${hostnames.map((x) => `\`${x}\``).join(', ')}. The route is not attached.` });
      }
    }
  },
};
