import type { Rule } from './rule';
import { isDns1123Subdomain, isIngressV1, specOf } from './ingress-common';

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/**
 * ValidateIngressSpec / ValidateIngressCreate: `ingressClassName` is a DNS-1123 subdomain, and when the
 * deprecated `kubernetes.io/ingress.class` annotation is also set, both must name the same class. Whether the
 * IngressClass exists is not checked (controllers install it).
 */
export const ingressClass: Rule = {
  id: 'ingress-class',
  description: '`spec.ingressClassName` must be a valid IngressClass name and agree with the `kubernetes.io/ingress.class` annotation when both are set.',
  severity: 'error',
  appliesTo: isIngressV1,
  checkObject(obj, ctx) {
    const r = obj.reader;
    const node = r.get(specOf(obj), 'ingressClassName');
    const name = r.str(node);
    if (!node || name === undefined) return;
    if (!isDns1123Subdomain(name)) {
      ctx.report({
        at: node,
        message: name === '' ? '`ingressClassName` is empty: name an IngressClass, or remove the field to use the default class.' : `\`${name}\` is not a valid IngressClass name: use lowercase letters, digits, \`-\` and \`.\`, starting and ending with a letter or digit.`,
      });
      return;
    }
    const annotation = r.str(r.get(r.get(obj.metadata, 'annotations'), CLASS_ANNOTATION));
    if (annotation !== undefined && annotation !== name) {
      ctx.report({
        at: node,
        message: `\`ingressClassName: ${name}\` disagrees with the annotation \`${CLASS_ANNOTATION}: ${annotation}\`: the API server rejects an Ingress where both are set and differ. Remove the deprecated annotation (or make them equal).`,
      });
    }
  },
};
