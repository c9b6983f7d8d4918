import { serviceNames, serviceNamesNear } from '../model/nearNames';
import { nearestNames } from '../schema/suggest';
import type { Fix } from '../types';
import type { Rule } from './rule';
import { replaceScalarEdit } from './utils/edits';
import { isIngressV1, serviceRefs } from './utils/ingress';

/**
 * An Ingress backend names a Service that none of the checked files declares in the Ingress's namespace
 * (Ingresses route only within their namespace). A warning: the Service may be installed separately.
 */
/** Up to this many Services, every name is compared for the closest choices. */
const CHOICES_SCAN_MAX = 300;

export const ingressServiceMissing: Rule = {
  id: 'ingress-service-missing',
  description: 'An Ingress routes to a Service that is not in the checked files for its namespace.',
  severity: 'warning',
  docs: {
    why: 'An Ingress routes only to Services of its own namespace; when none of the checked files declares the Service, the route answers 503. A warning, since the Service may be installed separately.',
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
                name: api
                port:
                  number: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
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
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`,
  },
  reads: ['servicesNamed'],
  explains: 'route',
  kinds: ['Ingress'],
  appliesTo: isIngressV1,
  checkObject(obj, ctx) {
    const ws = ctx.workspace;
    const ns = obj.namespace;
    let namespaces: string[] | undefined;
    for (const ref of serviceRefs(obj)) {
      if (ws.services(ns, ref.name).length) continue;
      let hint = '';
      let fix: Fix | undefined;
      const elsewhere = (namespaces ??= ws.namespaces()).filter(
        (other) => other !== ns && ws.services(other, ref.name).length,
      );
      // Through an index of the namespace's names: a scan per missing backend was quadratic (16 000: 32 s).
      const candidates = serviceNamesNear(ws, ns, ref.name, ref.name.length > 4 ? 2 : 1);
      if (elsewhere.length) {
        hint = ` A Service \`${ref.name}\` is declared in namespace${elsewhere.length > 1 ? 's' : ''} ${elsewhere.map((n) => `\`${n}\``).join(', ')}, but an Ingress routes only to Services of its own namespace.`;
      } else if (candidates.length === 1) {
        hint = ` Did you mean \`${candidates[0]}\`?`;
        fix = { title: `Change to ${candidates[0]}`, edits: [replaceScalarEdit(obj, ref.nameNode, candidates[0])] };
      }
      // The Services of the namespace with the closest names, to pick from (the one typo-near name is the fix).
      // Among many Services, only those within two edits (indexed); the closest of all would be a scan again.
      const names = serviceNames(ws, ns);
      const nearest =
        names.length <= CHOICES_SCAN_MAX
          ? nearestNames(ref.name, names, 3, Infinity)
          : nearestNames(ref.name, serviceNamesNear(ws, ns, ref.name, 2), 3, 2);
      const choices: Fix[] = nearest
        .filter((n) => n !== candidates[0] || !fix)
        .map((n) => ({ title: `Route to Service ${n}`, edits: [replaceScalarEdit(obj, ref.nameNode, n)] }));
      ctx.report({
        at: ref.nameNode,
        message: `Ingress \`${obj.name ?? '(no name)'}\` routes to Service \`${ref.name}\`, which is not in the checked files for namespace \`${ns}\`.${hint}`,
        fix,
        choices: choices.length ? choices : undefined,
      });
    }
  },
};
