import type { Rule } from './rule';
import { isSet, keyNode } from '../parse/values';
import { replaceFix } from './utils/edits';
import { specOf } from './utils/object';
import { appliesToService, serviceTypeOf, specField, typeComesFromBase } from './utils/service';

const POLICIES = ['Cluster', 'Local'];
/** Names from before the field existed (annotation values) and their current spelling. */
const LEGACY: Record<string, string> = { global: 'Cluster', onlylocal: 'Local' };

/**
 * externalTrafficPolicy and healthCheckNodePort (validateServiceExternalTrafficPolicy, for a create):
 * externalTrafficPolicy only on externally accessible Services (NodePort, LoadBalancer, or ClusterIP with
 * externalIPs), and then Cluster or Local; healthCheckNodePort only on a LoadBalancer with
 * externalTrafficPolicy: Local (its range is service-node-port's).
 */
export const serviceExternalTrafficPolicy: Rule = {
  id: 'service-external-traffic-policy',
  description:
    'externalTrafficPolicy (Cluster or Local) only on NodePort/LoadBalancer Services or with externalIPs; healthCheckNodePort only with LoadBalancer + Local.',
  severity: 'error',
  docs: {
    why: 'externalTrafficPolicy decides how traffic from outside the cluster reaches the pods, so it applies only to Services reachable from outside (NodePort, LoadBalancer, externalIPs); the API server rejects it elsewhere, and healthCheckNodePort outside LoadBalancer Services with the Local policy.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  externalTrafficPolicy: Local
  selector:
    app: web
  ports:
    - port: 80
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector:
    app: web
  ports:
    - port: 80
`,
  },
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const r = obj.reader;
    const type = serviceTypeOf(obj);
    if (type === undefined) return;
    const spec = specOf(obj);
    const externalIPs = r.items(specField(obj, 'externalIPs')).length > 0;
    const accessible = type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && externalIPs);
    const node = specField(obj, 'externalTrafficPolicy');
    const value = r.str(node);
    let policyOk = true;
    if (node && value) {
      if (!accessible) {
        policyOk = false;
        if (typeComesFromBase(obj, ctx.workspace)) return;
        ctx.report({
          at: keyNode(obj.reader, spec, 'externalTrafficPolicy') ?? node,
          message: `externalTrafficPolicy only applies to NodePort and LoadBalancer Services (or to Services with externalIPs); this one is ${type}: remove externalTrafficPolicy.`,
        });
      } else if (!POLICIES.includes(value)) {
        policyOk = false;
        const right = POLICIES.find((p) => p.toLowerCase() === value.toLowerCase()) ?? LEGACY[value.toLowerCase()];
        ctx.report({
          at: node,
          message: right
            ? `externalTrafficPolicy \`${value}\` must be written \`${right}\`.`
            : `Unsupported externalTrafficPolicy \`${value}\`: use Cluster or Local.`,
          fix: right ? replaceFix(obj, node, right) : undefined,
        });
      }
    }
    const hcNode = specField(obj, 'healthCheckNodePort');
    if (!policyOk || !isSet(obj.reader, hcNode) || r.int(hcNode) === 0) return;
    if (type === 'LoadBalancer' && value === 'Local') return;
    if (typeComesFromBase(obj, ctx.workspace)) return;
    ctx.report({
      at: keyNode(obj.reader, spec, 'healthCheckNodePort') ?? hcNode!,
      message:
        'healthCheckNodePort is only allowed on a LoadBalancer Service with externalTrafficPolicy: Local: remove healthCheckNodePort.',
    });
  },
};
