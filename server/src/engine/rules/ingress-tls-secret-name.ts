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
