import type { Rule } from './rule';
import { serviceAppProtocol } from './service-app-protocol';
import { serviceClusterIP } from './service-cluster-ip';
import { serviceExternalIPs } from './service-external-ips';
import { serviceExternalName } from './service-external-name';
import { serviceExternalTrafficPolicy } from './service-external-traffic-policy';
import { serviceInternalTrafficPolicy } from './service-internal-traffic-policy';
import { serviceIPFamily } from './service-ip-family';
import { serviceLoadBalancerFields } from './service-load-balancer-fields';
import { serviceName } from './service-name';
import { serviceNodePort } from './service-node-port';
import { servicePort } from './service-port';
import { servicePortDuplicate } from './service-port-duplicate';
import { servicePortName } from './service-port-name';
import { servicePortProtocol } from './service-port-protocol';
import { servicePortsRequired } from './service-ports-required';
import { serviceSelectorLabels } from './service-selector-labels';
import { serviceSelectsNoPods } from './service-selects-no-pods';
import { serviceSessionAffinity } from './service-session-affinity';
import { serviceTargetPort } from './service-target-port';
import { serviceType } from './service-type';

/** Rules on core/v1 Services and on how they reach pods. */
export const SERVICE_RULES: readonly Rule[] = [
  serviceName,
  serviceType,
  servicePortsRequired,
  servicePort,
  servicePortProtocol,
  serviceAppProtocol,
  servicePortName,
  servicePortDuplicate,
  serviceNodePort,
  serviceClusterIP,
  serviceIPFamily,
  serviceExternalName,
  serviceExternalTrafficPolicy,
  serviceInternalTrafficPolicy,
  serviceLoadBalancerFields,
  serviceSessionAffinity,
  serviceExternalIPs,
  serviceSelectorLabels,
  serviceSelectsNoPods,
  serviceTargetPort,
];
