import type { Rule } from './rule';
import { isIPv6String, isValidIPForLegacyField } from '../k8s/validation';
import { isSet, keyNode } from '../parse/values';
import { replaceFix } from './utils/edits';
import { specOf } from './utils/object';
import { appliesToService, serviceTypeOf, specField } from './utils/service';

/**
 * clusterIP and clusterIPs (ValidateService, ValidateServiceClusterIPsRelatedFields, for a create):
 * - ExternalName Services must not set either (an empty clusterIP is fine);
 * - clusterIP is "", `None` (headless) or an IP address; `None` only with type ClusterIP;
 * - clusterIPs: `None` only as the first and only value, otherwise IPs, at most two (one IPv4 and one IPv6),
 *   and its first value must equal clusterIP when both are set.
 * Whether an address is inside the cluster's Service CIDR is unknown offline and not checked.
 */
export const serviceClusterIP: Rule = {
  id: 'service-cluster-ip',
  description:
    'clusterIP must be empty, None (headless, ClusterIP type only) or an IP address; ExternalName Services must not set it.',
  severity: 'error',
  docs: {
    why: 'The cluster IP is allocated from the Service CIDR when it is empty; a value must be an IP address (or `None` for a headless Service), and the API server rejects anything else.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: 10.96.0
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
  clusterIP: 10.96.0.10
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
    const spec = specOf(obj);
    const ipNode = specField(obj, 'clusterIP');
    const ip = r.str(ipNode);
    const ipsNode = specField(obj, 'clusterIPs');
    const ips = r.items(ipsNode).map((n) => ({ node: n, value: r.str(n) }));

    if (type === 'ExternalName') {
      if (ipNode && ip) {
        ctx.report({
          at: keyNode(obj.reader, spec, 'clusterIP') ?? ipNode,
          message:
            'An ExternalName Service must not set clusterIP (it is only a DNS alias, with no cluster IP): remove clusterIP.',
        });
      }
      if (isSet(obj.reader, ipsNode) && ips.length > 0) {
        ctx.report({
          at: keyNode(obj.reader, spec, 'clusterIPs') ?? ipsNode!,
          message:
            'An ExternalName Service must not set clusterIPs (it is only a DNS alias, with no cluster IP): remove clusterIPs.',
        });
      }
      return;
    }

    if (ipNode && ip) {
      if (ip === 'None') {
        if (type === 'NodePort' || type === 'LoadBalancer') {
          ctx.report({
            at: ipNode,
            message: `clusterIP: None (a headless Service) is only allowed with type ClusterIP; a ${type} Service needs a cluster IP: remove clusterIP: None, or use type: ClusterIP.`,
          });
        }
      } else if (ip.toLowerCase() === 'none') {
        ctx.report({
          at: ipNode,
          message: `clusterIP \`${ip}\` must be written \`None\` for a headless Service (the API server is case-sensitive).`,
          fix: replaceFix(obj, ipNode, 'None'),
        });
      } else if (isValidIPForLegacyField(ip).length) {
        ctx.report({
          at: ipNode,
          message: `clusterIP \`${ip}\` is not a valid IP address: use an address of the cluster's Service IP range, None for a headless Service, or leave it out to get one assigned.`,
        });
      }
    }

    let invalid = false;
    ips.forEach(({ node, value }, i) => {
      if (value === undefined) return; // not a string: the schema walk's
      if (value === 'None') {
        if (i === 0 && ips.length === 1) {
          if (type === 'NodePort' || type === 'LoadBalancer') {
            invalid = true;
            ctx.report({
              at: node,
              message: `clusterIPs: [None] (a headless Service) is only allowed with type ClusterIP; a ${type} Service needs a cluster IP.`,
            });
          }
          return;
        }
        invalid = true;
        ctx.report({ at: node, message: '`None` must be the first and only value of clusterIPs.' });
        return;
      }
      if (isValidIPForLegacyField(value).length) {
        invalid = true;
        ctx.report({ at: node, message: `clusterIPs value \`${value}\` is not a valid IP address.` });
      }
    });
    if (invalid) return;
    if (ips.length > 2) {
      ctx.report({ at: ips[2].node, message: 'clusterIPs may hold at most two addresses (one IPv4 and one IPv6).' });
    } else if (
      ips.length === 2 &&
      ips[0].value !== undefined &&
      ips[1].value !== undefined &&
      isIPv6String(ips[0].value) === isIPv6String(ips[1].value)
    ) {
      ctx.report({
        at: ips[1].node,
        message:
          'clusterIPs may hold one address of each IP family: the second must be IPv6 when the first is IPv4, and the other way round.',
      });
    }
    const first = ips[0]?.value;
    if (ip && first !== undefined && first !== ip) {
      ctx.report({
        at: ips[0].node,
        message: `The first value of clusterIPs (\`${first}\`) must match clusterIP (\`${ip}\`).`,
      });
    }
  },
};
