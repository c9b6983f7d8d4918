import type { Rule } from './rule';
import { isDNS1123Subdomain } from '../k8s/validation';
import { isInvalid } from './utils/messages';
import { replaceScalarEdit } from './utils/edits';
import { isIngressV1 } from './utils/ingress';
import { specOf } from './utils/object';

/**
 * validateIngressTLS: `tls[].secretName`, when set, is a valid Secret name (a DNS-1123 subdomain). Whether
 * the Secret exists is not checked: Secrets are rarely kept with the manifests (cert-manager creates them).
 */
export const ingressTlsSecretName: Rule = {
  id: 'ingress-tls-secret-name',
  description: 'An Ingress `tls[].secretName` must be a valid Secret name (lowercase DNS subdomain).',
  severity: 'error',
  docs: {
    why: 'The controller reads the certificate from the Secret of that name, so it must be a valid Secret name (a lowercase DNS subdomain), or the API server rejects the Ingress.',
    fails: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  tls:
    - hosts:
        - shop.example.com
      secretName: Shop_TLS
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
    fixed: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  tls:
    - hosts:
        - shop.example.com
      secretName: shop-tls
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
    for (const tls of r.items(r.get(specOf(obj), 'tls'))) {
      const node = r.get(tls, 'secretName');
      const name = r.str(node);
      if (!node || !name) continue;
      const errs = isDNS1123Subdomain(name);
      if (!errs.length) continue;
      const lower = name.toLowerCase();
      const fixable = lower !== name && !isDNS1123Subdomain(lower).length;
      ctx.report({
        at: node,
        message: `Secret name \`${name}\` ${isInvalid(errs)}${fixable ? ` (write \`${lower}\`)` : ''}.`,
        fix: fixable ? { title: `Change to ${lower}`, edits: [replaceScalarEdit(obj, node, lower)] } : undefined,
      });
    }
  },
};
