import type { Rule } from './rule';
import { joinAnd } from './utils/messages';
import { isUnset } from '../parse/values';
import { insertPairEdit, itemHeadRange, ownPair, replaceScalarEdit } from './utils/edits';
import { isIngressV1, pathItems, prefixPathProblems } from './utils/ingress';

/**
 * validateHTTPIngressPath: an Exact or Prefix path is absolute and has no `//`, `/./`, `/../`, `%2f`/`%2F`
 * and no `/..` or `/.` at its end; an ImplementationSpecific path, when set, is absolute.
 */
export const ingressPath: Rule = {
  id: 'ingress-path',
  description:
    'Exact and Prefix paths must start with `/` and contain no `//`, `/./`, `/../` or `%2F` nor end in `/.` or `/..`; ImplementationSpecific paths must be absolute.',
  severity: 'error',
  docs: {
    why: 'Exact and Prefix paths are compared with the request path element by element, so the API server requires an absolute, clean path.',
    fails: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: shop
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
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /shop
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
      const pathType = r.str(r.get(item, 'pathType'));
      if (pathType !== 'Exact' && pathType !== 'Prefix' && pathType !== 'ImplementationSpecific') continue; // ingress-path-type
      const pair = r.pair(item, 'path');
      const node = pair ? r.resolve(pair.value) : undefined;
      if (node && !isUnset(r, node) && r.str(node) === undefined) continue; // not a string: schema rule
      const path = r.str(node) ?? '';
      if (pathType === 'ImplementationSpecific') {
        if (path === '' || path.startsWith('/')) continue;
        ctx.report({
          at: node as never,
          message: `Path \`${path}\` must start with \`/\` (an ImplementationSpecific path, when set, is absolute).`,
          fix: node
            ? { title: `Change path to /${path}`, edits: [replaceScalarEdit(obj, node, `/${path}`)] }
            : undefined,
        });
        continue;
      }
      if (path === '') {
        // Exact and Prefix need a path: an empty one is "not absolute".
        const edit = !pair
          ? insertPairEdit(obj, item, 'path', '/')
          : node && ownPair(item, pair)
            ? replaceScalarEdit(obj, node, '/')
            : undefined;
        ctx.report({
          at:
            node && pair
              ? node.range && node.range[0] !== node.range[1]
                ? node
                : (pair.key as never)
              : itemHeadRange(obj, item),
          message: `pathType ${pathType} needs a \`path\` that starts with \`/\`: add \`path: /\` to match ${pathType === 'Exact' ? 'only `/`' : 'every path'}.`,
          fix: edit ? { title: 'Set path: /', edits: [edit] } : undefined,
        });
        continue;
      }
      const problems = prefixPathProblems(path);
      if (!problems.length) continue;
      const absolute = `/${path}`;
      const fixable = problems.length === 1 && !path.startsWith('/') && !prefixPathProblems(absolute).length;
      ctx.report({
        at: node as never,
        message: `Path \`${path}\` is not valid for pathType ${pathType}: it ${joinAnd(problems)}.`,
        fix:
          fixable && node
            ? { title: `Change path to ${absolute}`, edits: [replaceScalarEdit(obj, node, absolute)] }
            : undefined,
      });
    }
  },
};
