import type { Node } from 'yaml';
import { ingressClassOf, ingressOf } from '../model/ingress';
import type { Ingress } from '../model/ingress';
import type { K8sObject } from '../model/object';
import type { Rule } from './rule';
import { ALB_USE_ANNOTATION, isIngressV1 } from './utils/ingress';

const PATH_TYPES = new Set(['Exact', 'Prefix', 'ImplementationSpecific']);

/** Whether `a` comes before `b` in file order (path, then document, then offset), as the Workspace orders objects. */
function earlier(a: K8sObject, b: K8sObject): boolean {
  if (a.file !== b.file) return a.file < b.file;
  return (
    a.doc.index - b.doc.index < 0 ||
    (a.doc.index === b.doc.index && (a.node.range?.[0] ?? 0) < (b.node.range?.[0] ?? 0))
  );
}

interface Claim {
  ing: Ingress;
  key: string;
  line: number;
}

function claimsOf(ing: Ingress): (Claim & { at: Node; host: string; path: string; pathType: string })[] {
  const out: (Claim & { at: Node; host: string; path: string; pathType: string })[] = [];
  const r = ing.obj.reader;
  for (const rule of ing.rules) {
    const host = (rule.host ?? '').toLowerCase();
    for (const p of rule.paths) {
      if (!p.pathType || !PATH_TYPES.has(p.pathType)) continue; // ingress-path-type
      // An AWS Load Balancer Controller action (ssl-redirect, fixed response) is a condition evaluated in rule order, not a second route.
      if (p.backend?.portName === ALB_USE_ANNOTATION) continue;
      const path = p.path ?? '';
      const at = r.get(p.node, 'path') ?? r.get(p.node, 'pathType') ?? p.node;
      out.push({
        ing,
        key: `${host}\u0000${path}\u0000${p.pathType}`,
        line: ing.obj.doc.rangeOf(p.node).start.line,
        at,
        host,
        path,
        pathType: p.pathType,
      });
    }
  }
  return out;
}

/**
 * Two rules of one IngressClass claim the same host, path and pathType (in one Ingress, or across the class's
 * Ingresses, which the controller merges per host): it serves one of them, so the other is not served as
 * written. Reported on the later one in file order, naming the first. Not reported: other classes, other path
 * types, two declarations of the same Ingress (overlays, alternatives), an IngressClass absent from the files,
 * AWS Load Balancer Controller actions (`port.name: use-annotation`, evaluated in order before the routes).
 */
export const ingressDuplicatePath: Rule = {
  id: 'ingress-duplicate-path',
  description:
    'Two rules of one IngressClass claim the same host, path and pathType: the controller serves only one of them.',
  severity: 'warning',
  docs: {
    why: "A controller merges the rules of the Ingresses of its class per host: when two claim the same host, path and pathType, it serves only one of them, so the other route is not served as written (which one depends on the controller). A warning: kubeway's traces take the first.",
    fails: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 80
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api-v2
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
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 80
          - path: /api/v2
            pathType: Prefix
            backend:
              service:
                name: api-v2
                port:
                  number: 80
`,
  },
  kinds: ['Ingress'],
  appliesTo: isIngressV1,
  reads: ['ingressesOfHost'],
  checkObject(obj, ctx) {
    const ing = ingressOf(obj);
    if (!ing) return;
    const cls = ingressClassOf(ing);
    const mine = claimsOf(ing);
    if (mine.length === 0) return;
    const hosts = new Set(ing.rules.map((r) => r.host ?? ''));
    const earlierClaims = new Map<string, Claim>();
    for (const host of hosts) {
      for (const other of ctx.workspace.ingressesWithHost(host)) {
        if (other === ing || ingressClassOf(other) !== cls || !earlier(other.obj, obj)) continue;
        // Another declaration of this very Ingress (a kustomize overlay, an alternative file) replaces it: no conflict.
        if (other.obj.name === obj.name && other.obj.namespace === obj.namespace) continue;
        for (const c of claimsOf(other)) if (!earlierClaims.has(c.key)) earlierClaims.set(c.key, c);
      }
    }
    const className = cls === null ? 'the default class' : `class \`${cls}\``;
    for (const claim of mine) {
      const first = earlierClaims.get(claim.key);
      if (!first) {
        earlierClaims.set(claim.key, claim);
        continue;
      }
      const where =
        first.ing === ing
          ? `earlier in this Ingress (line ${first.line + 1})`
          : `by Ingress \`${first.ing.obj.namespace}/${first.ing.obj.name}\` (${first.ing.obj.file}:${first.line + 1})`;
      const what = `${claim.host === '' ? 'Any host' : `Host \`${claim.host}\``}, ${claim.pathType} \`${claim.path || '/'}\``;
      ctx.report({
        at: claim.at,
        message: `${what} is already claimed in ${className} ${where}: the controller serves only one of the two (kubeway's traces take the first). Remove one, or give them different paths.`,
      });
    }
  },
};
