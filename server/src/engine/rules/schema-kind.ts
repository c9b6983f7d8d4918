import type { Node } from 'yaml';
import { kindProblem } from '../schema/kinds';
import type { Rule } from './rule';

/** A built-in kind under the wrong apiVersion (`Deployment` in `v1`), or a misspelt kind (`Deploymnet`). */
export const schemaKind: Rule = {
  id: 'schema-kind',
  description:
    'The kind is not served at this apiVersion (e.g. Deployment in v1, which is apps/v1) or is misspelt; the API server rejects it.',
  severity: 'error',
  docs: {
    why: 'The API server serves each kind at its own apiVersions: a kind at a version that does not have it (Deployment at v1, which is apps/v1) fails with "no matches for kind".',
    fails: `apiVersion: v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
  },
  fallback: true,
  checkObject(obj, ctx) {
    const p = kindProblem(obj.apiVersion, obj.kind);
    if (!p) return;
    if (p.at === 'apiVersion') {
      const node = obj.pair('apiVersion')?.value as Node | undefined;
      if (!node) return;
      ctx.report({
        at: node,
        message: `${p.kind} is not served by apiVersion \`${obj.apiVersion}\`: use \`${p.use}\`.`,
        fix: { title: `Change apiVersion to ${p.use}`, edits: [{ range: obj.doc.rangeOf(node), newText: p.use }] },
      });
      return;
    }
    const node = obj.pair('kind')?.value as Node | undefined;
    if (!node) return;
    if (p.apiVersion) {
      ctx.report({
        at: node,
        message: `Unknown kind \`${obj.kind}\` in \`${obj.apiVersion}\`: did you mean \`${p.suggestion}\` (apiVersion \`${p.apiVersion}\`)?`,
      });
    } else {
      ctx.report({
        at: node,
        message: `Unknown kind \`${obj.kind}\` in \`${obj.apiVersion}\`: did you mean \`${p.suggestion}\`?`,
        fix: {
          title: `Change kind to ${p.suggestion}`,
          edits: [{ range: obj.doc.rangeOf(node), newText: p.suggestion }],
        },
      });
    }
  },
};
