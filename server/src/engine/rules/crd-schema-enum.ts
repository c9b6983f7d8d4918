import { reportCrdFindings } from './crd-schema-support';
import type { Rule } from './rule';

/** A value outside its field's enum in the CRD schema. */
export const crdSchemaEnum: Rule = {
  id: 'crd-schema-enum',
  description: "A value outside the enum of its field in the custom resource's CRD schema; the API server rejects it.",
  severity: 'error',
  docs: {
    why: 'A field with an enum in the CRD schema accepts those values, spelled exactly: the API server rejects any other.',
    fails: `apiVersion: gateway.networking.k8s.io/v1
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
            type: Prefix
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
    reportCrdFindings('crd-schema-enum', obj, ctx);
  },
};
