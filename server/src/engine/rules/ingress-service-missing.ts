import { nearestNames } from '../schema/suggest';
import type { Fix } from '../types';
import type { Rule } from './rule';
import { replaceScalarEdit } from './utils/edits';
import { isIngressV1, serviceRefs } from './utils/ingress';

/** Edit distance, bounded: enough to suggest a Service name that is one typo away. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * An Ingress backend names a Service that none of the checked files declares in the Ingress's namespace
 * (Ingresses route only within their namespace). A warning: the Service may be installed separately.
 */
export const ingressServiceMissing: Rule = {
  id: 'ingress-service-missing',
  description: 'An Ingress routes to a Service that is not in the checked files for its namespace.',
  severity: 'warning',
  docs: {
    why: "An Ingress routes only to Services of its own namespace; when none of the checked files declares the Service, the route answers 503. A warning, since the Service may be installed separately.",
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
    for (const ref of serviceRefs(obj)) {
      if (ws.services(ns, ref.name).length) continue;
      let hint = '';
      let fix: Fix | undefined;
      const elsewhere = ws.namespaces().filter((other) => other !== ns && ws.services(other, ref.name).length);
      const near = ws.services(ns).map((s) => s.obj.name).filter((n): n is string => !!n && distance(n, ref.name) <= (ref.name.length > 4 ? 2 : 1));
      const candidates = [...new Set(near)];
      if (elsewhere.length) {
        hint = ` A Service \`${ref.name}\` is declared in namespace${elsewhere.length > 1 ? 's' : ''} ${elsewhere.map((n) => `\`${n}\``).join(', ')}, but an Ingress routes only to Services of its own namespace.`;
      } else if (candidates.length === 1) {
        hint = ` Did you mean \`${candidates[0]}\`?`;
        fix = { title: `Change to ${candidates[0]}`, edits: [replaceScalarEdit(obj, ref.nameNode, candidates[0])] };
      }
      // The Services of the namespace with the closest names, to pick from (the one typo-near name is the fix).
      const names = [...new Set(ws.services(ns).map((s) => s.obj.name).filter((n): n is string => !!n))];
      const choices: Fix[] = nearestNames(ref.name, names, 3, Infinity)
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
