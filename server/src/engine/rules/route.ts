import { routeBackendGrant } from './route-backend-grant';
import { routeBackendMissing } from './route-backend-missing';
import { routeBackendPort } from './route-backend-port';
import { routeHostname } from './route-hostname';
import { routeNotAllowed } from './route-not-allowed';
import { routeParentListener } from './route-parent-listener';
import { routeParentMissing } from './route-parent-missing';
import type { Rule } from './rule';

/** Gateway API references: HTTPRoute/GRPCRoute → Gateway listeners, and → Services. */
export const ROUTE_RULES: readonly Rule[] = [
  routeParentMissing,
  routeParentListener,
  routeNotAllowed,
  routeHostname,
  routeBackendMissing,
  routeBackendPort,
  routeBackendGrant,
];
