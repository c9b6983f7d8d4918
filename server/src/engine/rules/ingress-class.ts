import type { K8sObject } from '../model/object';
import type { Rule, RuleContext } from './rule';
import { isDNS1123Subdomain } from '../k8s/validation';
import { isInvalid } from './utils/messages';
import { INGRESS_V1, isIngressV1 } from './utils/ingress';
import { specOf } from './utils/object';

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** An IngressClass's `spec.controller` is at most 250 characters (validateIngressClassSpec). */
const MAX_CONTROLLER_LENGTH = 250;

/**
 * ValidateIngressSpec / ValidateIngressCreate: `ingressClassName` is a DNS-1123 subdomain, and when the
 * deprecated `kubernetes.io/ingress.class` annotation is also set, both must name the same class. Whether the
 * IngressClass exists is not checked (controllers install it). An IngressClass names its controller with a
 * domain-prefixed path such as `k8s.io/ingress-nginx` (validateIngressClassSpec, IsDomainPrefixedPath).
 */
export const ingressClass: Rule = {
  id: 'ingress-class',
  description:
    '`spec.ingressClassName` must be a valid IngressClass name and agree with the `kubernetes.io/ingress.class` annotation when both are set; an IngressClass controller is a domain-prefixed path.',
  severity: 'error',
  docs: {
    why: 'The class decides which controller serves the Ingress: the API server rejects an Ingress whose `kubernetes.io/ingress.class` annotation names another class than `spec.ingressClassName`, and names that no IngressClass can have.',
    fails: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    kubernetes.io/ingress.class: traefik
spec:
  ingressClassName: nginx
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
  ingressClassName: nginx
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
  kinds: ['Ingress', 'IngressClass'],
  appliesTo: (obj) => isIngressV1(obj) || (obj.kind === 'IngressClass' && obj.apiVersion === INGRESS_V1),
  checkObject(obj, ctx) {
    if (obj.kind === 'IngressClass') {
      checkController(obj, ctx);
      return;
    }
    const r = obj.reader;
    const node = r.get(specOf(obj), 'ingressClassName');
    const name = r.str(node);
    if (!node || name === undefined) return;
    if (isDNS1123Subdomain(name).length) {
      ctx.report({
        at: node,
        message:
          name === ''
            ? '`ingressClassName` is empty: name an IngressClass, or remove the field to use the default class.'
            : `IngressClass name \`${name}\` ${isInvalid(isDNS1123Subdomain(name))}.`,
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

/** IsDomainPrefixedPath: a DNS subdomain, '/', then a non-empty path of URL characters. */
function controllerProblem(controller: string): string | undefined {
  const slash = controller.indexOf('/');
  if (slash < 0) return 'is not a domain-prefixed path';
  const host = controller.slice(0, slash);
  const path = controller.slice(slash + 1);
  if (host === '' || isDNS1123Subdomain(host).length)
    return `has \`${host}\` before '/', which is not a lowercase DNS domain`;
  if (path === '' || !/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(path)) return `has an empty or invalid path after '/'`;
  if (controller.length > MAX_CONTROLLER_LENGTH) return `is longer than ${MAX_CONTROLLER_LENGTH} characters`;
  return undefined;
}

function checkController(obj: K8sObject, ctx: RuleContext): void {
  const r = obj.reader;
  const node = r.get(specOf(obj), 'controller');
  const controller = r.str(node);
  if (!node || !controller) return; // missing or empty: the schema walk's required field
  const problem = controllerProblem(controller);
  if (!problem) return;
  ctx.report({
    at: node,
    message: `IngressClass controller \`${controller}\` ${problem}: name the controller as a domain and a path, such as k8s.io/ingress-nginx or example.com/ingress-controller.`,
  });
}
