import type { Rule } from './rule';
import { isQualifiedName, isValidCIDRForLegacyField } from '../k8s/validation';
import { isInvalid, shown } from './utils/messages';
import { keyNode } from '../parse/values';
import { specOf } from './utils/object';
import { appliesToService, serviceTypeOf, specField, typeComesFromBase } from './utils/service';

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/**
 * Fields that only a LoadBalancer Service may set (ValidateService, validateLoadBalancerClassField):
 * loadBalancerSourceRanges (or its annotation), allocateLoadBalancerNodePorts and loadBalancerClass. Their
 * values: source ranges are CIDRs (surrounding spaces tolerated), loadBalancerClass a qualified name.
 */
export const serviceLoadBalancerFields: Rule = {
  id: 'service-load-balancer-fields',
  description:
    'loadBalancerSourceRanges, allocateLoadBalancerNodePorts and loadBalancerClass only on LoadBalancer Services, with valid values.',
  severity: 'error',
  docs: {
    why: 'The load balancer fields configure the cloud load balancer, which only LoadBalancer Services get: the API server rejects them on other types, and checks their values.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  loadBalancerSourceRanges:
    - 10.0.0.0/8
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
  loadBalancerSourceRanges:
    - 10.0.0.0/8
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
    const lb = type === 'LoadBalancer';
    // In a kustomize patch without a type, the base decides whether these fields are allowed.
    const forbidden = () => !lb && !(type === 'ClusterIP' && typeComesFromBase(obj, ctx.workspace));
    const onlyLB = (field: string) =>
      `${field} may only be used when type is LoadBalancer (this Service is ${type}): remove it, or set type: LoadBalancer.`;

    const rangesNode = specField(obj, 'loadBalancerSourceRanges');
    const ranges = r.items(rangesNode);
    if (ranges.length > 0) {
      if (forbidden())
        ctx.report({
          at: keyNode(obj.reader, spec, 'loadBalancerSourceRanges') ?? rangesNode!,
          message: onlyLB('loadBalancerSourceRanges'),
        });
      for (const n of ranges) {
        const v = r.str(n);
        if (v !== undefined && isValidCIDRForLegacyField(v.trim()).length) {
          ctx.report({
            at: n,
            message: `\`${v}\` is not a valid CIDR: write a source range such as 203.0.113.0/24 or 2001:db8::/32.`,
          });
        }
      }
    } else {
      const annotations = r.get(obj.metadata, 'annotations');
      const pair = r.pair(annotations, SOURCE_RANGES_ANNOTATION);
      if (pair) {
        if (forbidden())
          ctx.report({ at: pair.key as never, message: onlyLB(`The annotation ${SOURCE_RANGES_ANNOTATION}`) });
        const v = r.str(pair.value)?.trim();
        if (v) {
          const bad = v
            .split(',')
            .map((s) => s.trim())
            .find((s) => isValidCIDRForLegacyField(s).length > 0);
          if (bad !== undefined)
            ctx.report({
              at: r.resolve(pair.value)!,
              message: `\`${bad}\` is not a valid CIDR: list source ranges such as 203.0.113.0/24, separated by commas.`,
            });
        }
      }
    }

    const allocNode = specField(obj, 'allocateLoadBalancerNodePorts');
    if (allocNode && r.scalar(allocNode)?.value !== null && forbidden()) {
      ctx.report({
        at: keyNode(obj.reader, spec, 'allocateLoadBalancerNodePorts') ?? allocNode,
        message: onlyLB('allocateLoadBalancerNodePorts'),
      });
    }

    const classNode = specField(obj, 'loadBalancerClass');
    const cls = r.str(classNode);
    if (!classNode || cls === undefined) return;
    if (!lb) {
      if (forbidden())
        ctx.report({
          at: keyNode(obj.reader, spec, 'loadBalancerClass') ?? classNode,
          message: onlyLB('loadBalancerClass'),
        });
      return;
    }
    const errs = isQualifiedName(cls);
    if (errs.length) {
      ctx.report({
        at: classNode,
        message: `loadBalancerClass ${shown(cls)} ${isInvalid(errs)} (use a prefixed name such as example.com/internal-lb).`,
      });
    }
  },
};
