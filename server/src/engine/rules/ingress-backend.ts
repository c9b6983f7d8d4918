import type { Node } from 'yaml';
import type { Rule } from './rule';
import { isDNS1035Label } from '../k8s/validation';
import { isInvalid } from './utils/messages';
import { isUnset, pairKey, setPair } from '../parse/values';
import { itemHeadRange, laterPair, replaceScalarEdit } from './utils/edits';
import { backendSites, isIngressV1 } from './utils/ingress';

/**
 * validateIngressBackend: a backend is exactly one of `service` or `resource`; `service.name` is a DNS-1035
 * label (the Service name rule); `resource` names a kind and a name.
 */
export const ingressBackend: Rule = {
  id: 'ingress-backend',
  description:
    'An Ingress backend sets exactly one of `service` or `resource`; `service.name` must be a valid Service name.',
  severity: 'error',
  docs: {
    why: 'A backend routes to one Service (by a valid Service name) or one resource: the API server rejects a backend with both, with neither, or with a name no Service can have.',
    fails: `apiVersion: networking.k8s.io/v1
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
                name: Web
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
  explains: 'route',
  kinds: ['Ingress'],
  appliesTo: isIngressV1,
  checkObject(obj, ctx) {
    const r = obj.reader;
    for (const site of backendSites(obj)) {
      const b = site.map;
      if (site.pair && !b && !isUnset(r, r.resolve(site.pair.value))) continue; // not a map: schema rule
      // v1beta1's serviceName/servicePort do not count (ingress-legacy-backend reports each field): the API server finds no backend.
      const service = b ? setPair(r, b, 'service') : undefined;
      const resource = b ? setPair(r, b, 'resource') : undefined;
      if ((service && !r.map(service.value)) || (resource && !r.map(resource.value))) continue; // schema rule
      if (service && resource) {
        ctx.report({
          at: pairKey(laterPair(service, resource)) as Node,
          message: 'This backend sets both `service` and `resource`: a backend routes to one of them. Remove one.',
        });
        continue;
      }
      if (!service && !resource) {
        const where = site.pathItem ? 'This path' : 'The default backend';
        ctx.report({
          at: site.pair ? (pairKey(site.pair) as Node) : itemHeadRange(obj, site.owner),
          message: `${where} has no backend: set \`service\` (\`service: {name: …, port: {number: …}}\`) or \`resource\`.`,
        });
        continue;
      }
      if (service) {
        const svc = r.map(service.value);
        if (!svc) continue; // schema rule
        const namePair = r.pair(svc, 'name');
        const nameNode = namePair ? r.resolve(namePair.value) : undefined;
        const name = r.str(nameNode);
        if (isUnset(r, nameNode) || name === '') {
          ctx.report({
            at: pairKey(service) as Node,
            message: 'The backend `service` has no `name`: set the name of the Service to route to.',
          });
        } else if (name !== undefined && nameNode && isDNS1035Label(name).length) {
          const lower = name.toLowerCase();
          const fixable = lower !== name && !isDNS1035Label(lower).length;
          ctx.report({
            at: nameNode,
            message: `Service name \`${name}\` ${isInvalid(isDNS1035Label(name))}${fixable ? ` (write \`${lower}\`)` : ''}.`,
            fix: fixable
              ? { title: `Change to ${lower}`, edits: [replaceScalarEdit(obj, nameNode, lower)] }
              : undefined,
          });
        }
      }
      if (resource) {
        const res = r.map(resource.value);
        if (!res) continue; // schema rule
        const missing = ['kind', 'name'].filter((k) => isUnset(r, r.get(res, k)) || r.str(r.get(res, k)) === '');
        if (missing.length) {
          ctx.report({
            at: pairKey(resource) as Node,
            message: `The backend \`resource\` needs ${missing.map((k) => `\`${k}\``).join(' and ')}: it names the object (e.g. a bucket of a storage CRD) to route to.`,
          });
        }
      }
    }
  },
};
