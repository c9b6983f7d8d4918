import type { Rule } from './rule';
import { isUnset, pairKey, setPair } from '../parse/values';
import { isIngressV1 } from './utils/ingress';
import { specOf } from './utils/object';

/**
 * ValidateIngressSpec: an Ingress needs `defaultBackend` or at least one rule; validateHTTPIngressRuleValue:
 * a rule's `http` needs at least one path.
 */
export const ingressNoRoutes: Rule = {
  id: 'ingress-no-routes',
  description: 'An Ingress needs `spec.defaultBackend` or `spec.rules`, and every `http` rule needs at least one path.',
  severity: 'error',
  docs: {
    why: 'An Ingress without a default backend and without rules routes nothing: the API server rejects it, and an http rule without paths.',
    fails: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  ingressClassName: nginx
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  ingressClassName: nginx
  defaultBackend:
    service:
      name: web
      port:
        number: 80
`,
  },
  kinds: ['Ingress'],
  appliesTo: isIngressV1,
  checkObject(obj, ctx) {
    const r = obj.reader;
    const spec = specOf(obj);
    const specNode = obj.get('spec');
    const rulesNode = r.get(spec, 'rules');
    // A spec or rules of the wrong type is the schema rule's.
    if ((specNode && !spec && !isUnset(r, specNode)) || (rulesNode && !r.seq(rulesNode) && !isUnset(r, rulesNode)))
      return;
    const rules = r.items(rulesNode);
    // `spec.backend` (the v1beta1 name of defaultBackend) is reported by ingress-legacy-backend instead.
    if (!rules.length && !setPair(r, spec, 'defaultBackend') && !setPair(r, spec, 'backend')) {
      const at = pairKey(obj.pair('spec')) ?? obj.anchor;
      ctx.report({
        at,
        message: `Ingress \`${obj.name ?? '(no name)'}\` routes nothing: set \`spec.rules\` (hosts and paths) or \`spec.defaultBackend\`.`,
      });
    }
    for (const rule of rules) {
      const rm = r.map(rule);
      const httpPair = rm ? setPair(r, rm, 'http') : undefined;
      if (!rm || !httpPair) continue;
      const http = r.map(httpPair.value);
      if (!http) continue; // not a map: a type error for the schema rule
      const pathsPair = r.pair(http, 'paths');
      const paths = pathsPair ? r.resolve(pathsPair.value) : undefined;
      if (paths && !r.seq(paths) && r.scalar(paths)?.value !== null) continue; // wrong type: schema rule
      if (r.items(paths).length) continue;
      ctx.report({
        at: pairKey(pathsPair) ?? pairKey(httpPair) ?? http,
        message:
          'This `http` rule has no paths: list at least one under `paths` (e.g. `- path: /`, `pathType: Prefix`, `backend: …`), or remove `http`.',
      });
    }
  },
};
