import { reportCrdFindings } from './crd-schema-support';
import type { Rule } from './rule';

/** A value whose JSON type is not the one the CRD schema gives its field. */
export const crdSchemaType: Rule = {
  id: 'crd-schema-type',
  description:
    "A value of the wrong type for its field in the custom resource's CRD schema (a quoted number for an integer, a list for a map); the API server rejects it.",
  severity: 'error',
  docs: {
    why: 'Each field of a CRD schema has a type: the API server rejects a value of another type (a string where a list goes, a quoted number for an integer).',
    fails: `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
spec:
  parentRefs:
    - name: public
  hostnames: shop.example.com
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
    reportCrdFindings('crd-schema-type', obj, ctx);
  },
};
