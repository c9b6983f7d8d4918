import { reportCrdFindings } from './crd-schema-support';
import type { Rule } from './rule';

/** A field the CRD schema does not declare: strict field validation (kubectl's default) rejects it. */
export const crdSchemaUnknownField: Rule = {
  id: 'crd-schema-unknown-field',
  description:
    "A field that the custom resource's CRD schema does not declare (and does not preserve unknown fields for); the API server rejects it.",
  severity: 'error',
  docs: {
    why: "The API server validates custom resources against their CRD's structural schema; with strict field validation (kubectl's default) it rejects fields the schema does not declare, and a misspelt field would otherwise be pruned without a word.",
    fails: `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
spec:
  parentRefs:
    - name: public
  hostname: shop.example.com
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
    reportCrdFindings('crd-schema-unknown-field', obj, ctx);
  },
};
