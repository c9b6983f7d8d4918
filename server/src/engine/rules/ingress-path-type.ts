import type { Rule } from './rule';
import { isUnset, pairKey } from '../parse/values';
import { insertPairEdit, itemHeadRange, ownPair, replaceScalarEdit } from './utils/edits';
import { isIngressV1, pathItems, prefixPathProblems } from './utils/ingress';

export const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'] as const;

/**
 * validateHTTPIngressPath: every path of a networking.k8s.io/v1 Ingress has a `pathType` (v1 has no default),
 * one of Exact, Prefix or ImplementationSpecific in exact case.
 */
export const ingressPathType: Rule = {
  id: 'ingress-path-type',
  description: 'Every Ingress path needs `pathType`: Exact, Prefix or ImplementationSpecific (exact case).',
  severity: 'error',
  docs: {
    why: 'networking.k8s.io/v1 requires pathType on every path (Exact, Prefix or ImplementationSpecific): without it the API server rejects the Ingress.',
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
    for (const { item } of pathItems(obj)) {
      const pair = r.pair(item, 'pathType');
      const node = pair ? r.resolve(pair.value) : undefined;
      if (!pair || isUnset(r, node)) {
        // The type a v1beta1 path had by default was ImplementationSpecific; Prefix is what a plain path
        // like `/api` means to most people, so offer it whenever the path is valid as a Prefix path.
        const path = r.str(r.get(item, 'path'));
        const type =
          path !== undefined && path !== '' && !prefixPathProblems(path).length && /^[A-Za-z0-9/._~-]*$/.test(path)
            ? 'Prefix'
            : 'ImplementationSpecific';
        let edit;
        if (pair && node && ownPair(item, pair)) {
          edit = replaceScalarEdit(obj, node, type);
        } else if (!pair && item.items.length) {
          const pathPair = r.pair(item, 'path');
          // After `path` when it is a one-line pair of this item, else before the first key.
          edit =
            (ownPair(item, pathPair) ? insertPairEdit(obj, item, 'pathType', type, pathPair) : undefined) ??
            insertPairEdit(obj, item, 'pathType', type);
        }
        ctx.report({
          at: pair ? (pairKey(pair) as never) : itemHeadRange(obj, item),
          message: `${path ? `Path \`${path}\`` : 'This path'} has no \`pathType\`: networking.k8s.io/v1 requires Exact, Prefix or ImplementationSpecific (add \`pathType: ${type}\`).`,
          fix: edit ? { title: `Add pathType: ${type}`, edits: [edit] } : undefined,
        });
        continue;
      }
      const value = r.str(node);
      if (value === undefined || (PATH_TYPES as readonly string[]).includes(value)) continue; // non-strings: schema rule
      const right = PATH_TYPES.find((t) => t.toLowerCase() === value.toLowerCase());
      ctx.report({
        at: node as never,
        message: right
          ? `pathType \`${value}\` must be written \`${right}\` (the API server is case-sensitive).`
          : `Unsupported pathType \`${value}\`: use Exact, Prefix or ImplementationSpecific.`,
        fix: right && node ? { title: `Change to ${right}`, edits: [replaceScalarEdit(obj, node, right)] } : undefined,
      });
    }
  },
};
