import type { Rule } from './rule';
import { replaceScalarEdit } from './utils/edits';
import { hostProblem, isIngressV1 } from './utils/ingress';
import { specOf } from './utils/object';

/**
 * validateIngressRules / validateIngressTLS: a rule's `host` is a lowercase DNS-1123 subdomain, not an IP
 * address, or a wildcard `*.` followed by one; `tls[].hosts` follow the same format (IP addresses allowed).
 */
export const ingressHost: Rule = {
  id: 'ingress-host',
  description:
    'Ingress hosts (rules[].host, tls[].hosts) must be lowercase DNS names without port or scheme; a wildcard only as a leading `*.`; no IP address in rules.',
  severity: 'error',
  docs: {
    why: 'The host is matched with the HTTP Host header (and the TLS server name): the API server requires a lowercase DNS name, without port or scheme, with a wildcard only as a leading `*.`.',
    fails: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example.com:443
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
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
    const check = (node: ReturnType<typeof r.get>, where: 'rule' | 'tls') => {
      const host = r.str(node); // a non-string host is a type error, for the schema rule
      if (host === undefined || !node) return;
      const problem = hostProblem(host, where);
      if (!problem) return;
      ctx.report({
        at: node,
        message: problem.message,
        fix:
          problem.fixed !== undefined
            ? { title: `Change host to ${problem.fixed}`, edits: [replaceScalarEdit(obj, node, problem.fixed)] }
            : undefined,
      });
    };
    for (const rule of r.items(r.get(spec, 'rules'))) check(r.get(rule, 'host'), 'rule');
    for (const tls of r.items(r.get(spec, 'tls'))) for (const h of r.items(r.get(tls, 'hosts'))) check(h, 'tls');
  },
};
