import type { Rule } from './rule';
import { isDns1123Subdomain, isIngressV1, replaceScalarEdit, specOf } from './ingress-common';

/**
 * validateIngressTLS: `tls[].secretName`, when set, is a valid Secret name (a DNS-1123 subdomain). Whether
 * the Secret exists is not checked: Secrets are rarely kept with the manifests (cert-manager creates them).
 */
export const ingressTlsSecretName: Rule = {
  id: 'ingress-tls-secret-name',
  description: 'An Ingress `tls[].secretName` must be a valid Secret name (lowercase DNS subdomain).',
  severity: 'error',
  docs: {
    why: "The controller reads the certificate from the Secret of that name, so it must be a valid Secret name (a lowercase DNS subdomain), or the API server rejects the Ingress.",
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
      if (!node || !name || isDns1123Subdomain(name)) continue;
      const lower = name.toLowerCase();
      const fixable = lower !== name && isDns1123Subdomain(lower);
      ctx.report({
        at: node,
        message: fixable
          ? `Secret name \`${name}\` must be lowercase: write \`${lower}\`.`
          : `\`${name}\` is not a valid Secret name: use lowercase letters, digits, \`-\` and \`.\`, starting and ending with a letter or digit.`,
        fix: fixable ? { title: `Change to ${lower}`, edits: [replaceScalarEdit(obj, node, lower)] } : undefined,
      });
    }
  },
};
