import type { Node } from 'yaml';
import { customResourceOf } from '../crd';
import type { Rule } from './rule';

/** A custom resource under a version its CRD does not define or does not serve: the API server has no such resource. */
export const crdVersion: Rule = {
  id: 'crd-version',
  description:
    'A custom resource whose apiVersion names a version its CustomResourceDefinition does not serve; the API server rejects it.',
  severity: 'error',
  docs: {
    why: 'A custom resource is served only at the versions its CustomResourceDefinition serves: at another, `kubectl apply` fails with "no matches for kind".',
    fails: `apiVersion: gateway.networking.k8s.io/v1alpha1
kind: HTTPRoute
metadata:
  name: shop
spec:
  parentRefs:
    - name: public
  hostnames:
    - shop.example.com
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /
      backendRefs:
        - name: web
          port: 80
`,
    fixed: `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
spec:
  parentRefs:
    - name: public
  hostnames:
    - shop.example.com
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /
      backendRefs:
        - name: web
          port: 80
`,
  },
  reads: ['customResourceDefinitions'],
  checkObject(obj, ctx) {
    const cr = customResourceOf(obj, ctx.workspace);
    if (!cr || cr.version?.served) return;
    const node = obj.pair('apiVersion')?.value as Node | undefined;
    if (!node) return;
    const d = cr.definition;
    const served = d.versions.filter((v) => v.served);
    const use = served.find((v) => v.storage) ?? served[0];
    const from = typeof d.source === 'string' ? ` (bundled: ${d.source})` : '';
    const what = cr.version ? `is no longer served` : `is not defined`;
    const options = served.length
      ? `: use ${served.map((v) => `\`${d.group}/${v.name}\``).join(' or ')}`
      : ': it serves no version';
    ctx.report({
      at: node,
      message: `Version \`${obj.apiVersion.slice(d.group.length + 1)}\` of ${d.kind} ${what} by the CRD \`${d.name}\`${from}${options}.`,
      fix: use
        ? {
            title: `Change apiVersion to ${d.group}/${use.name}`,
            edits: [{ range: obj.doc.rangeOf(node), newText: `${d.group}/${use.name}` }],
          }
        : undefined,
    });
  },
};
