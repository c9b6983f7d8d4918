import type { Rule } from './rule';
import { keyNode } from '../parse/values';
import { replaceFix } from './utils/edits';
import { specOf } from './utils/object';
import { appliesToService, serviceTypeOf, specField } from './utils/service';

const FAMILIES = ['IPv4', 'IPv6'];
const POLICIES = ['SingleStack', 'PreferDualStack', 'RequireDualStack'];

/**
 * ipFamilies and ipFamilyPolicy (ValidateService, ValidateServiceClusterIPsRelatedFields and the IP family
 * initialisation of the Service registry, for a create): not on ExternalName Services; families IPv4 or IPv6
 * (each at most once); the policy SingleStack, PreferDualStack or RequireDualStack, and not SingleStack
 * with two families.
 */
export const serviceIPFamily: Rule = {
  id: 'service-ip-family',
  description:
    'ipFamilies (IPv4/IPv6, each once) and ipFamilyPolicy (SingleStack/PreferDualStack/RequireDualStack), not on ExternalName Services.',
  severity: 'error',
  docs: {
    why: 'ipFamilies and ipFamilyPolicy decide which address families the Service gets; the API server accepts only the values it knows, spelled exactly, each family once.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ipFamilyPolicy: DualStack
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
  ipFamilyPolicy: PreferDualStack
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
    const spec = specOf(obj);
    const famNode = specField(obj, 'ipFamilies');
    const families = r.items(famNode);
    const policyNode = specField(obj, 'ipFamilyPolicy');
    const policy = r.str(policyNode);
    if (serviceTypeOf(obj) === 'ExternalName') {
      if (families.length > 0) {
        ctx.report({
          at: keyNode(obj.reader, spec, 'ipFamilies') ?? famNode!,
          message: 'An ExternalName Service must not set ipFamilies (it has no cluster IP): remove ipFamilies.',
        });
      }
      if (policyNode && policy !== undefined) {
        ctx.report({
          at: keyNode(obj.reader, spec, 'ipFamilyPolicy') ?? policyNode,
          message: 'An ExternalName Service must not set ipFamilyPolicy (it has no cluster IP): remove ipFamilyPolicy.',
        });
      }
      return;
    }
    const seen = new Set<string>();
    for (const n of families) {
      const v = r.str(n);
      if (v === undefined) continue;
      if (!FAMILIES.includes(v)) {
        const right = FAMILIES.find((f) => f.toLowerCase() === v.toLowerCase());
        ctx.report({
          at: n,
          message: right
            ? `IP family \`${v}\` must be written \`${right}\`.`
            : `Unsupported IP family \`${v}\`: use IPv4 or IPv6.`,
          fix: right ? replaceFix(obj, n, right) : undefined,
        });
        continue;
      }
      if (seen.has(v))
        ctx.report({
          at: n,
          message: `IP family ${v} is listed twice: ipFamilies holds at most one IPv4 and one IPv6.`,
        });
      seen.add(v);
    }
    if (!policyNode || policy === undefined) return;
    if (!POLICIES.includes(policy)) {
      const right = POLICIES.find((p) => p.toLowerCase() === policy.toLowerCase());
      ctx.report({
        at: policyNode,
        message: right
          ? `ipFamilyPolicy \`${policy}\` must be written \`${right}\`.`
          : `Unsupported ipFamilyPolicy \`${policy}\`: use SingleStack, PreferDualStack or RequireDualStack.`,
        fix: right ? replaceFix(obj, policyNode, right) : undefined,
      });
    } else if (policy === 'SingleStack' && seen.size === 2) {
      ctx.report({
        at: policyNode,
        message:
          'ipFamilyPolicy SingleStack allows one IP family, but ipFamilies lists two: use PreferDualStack or RequireDualStack, or list one family.',
      });
    }
  },
};
