import { reportCrdFindings } from './crd-schema-support';
import type { Rule } from './rule';

/** A failing x-kubernetes-validations rule, on the node that fails it. */
export const crdCel: Rule = {
  id: 'crd-cel',
  description:
    "A CEL validation rule of the CRD (x-kubernetes-validations) that the custom resource fails, with the rule's message; the API server rejects it.",
  severity: 'error',
  docs: {
    why: "CRDs state rules across fields as CEL expressions (x-kubernetes-validations); the API server evaluates them and rejects a resource that fails one, with the rule's message.",
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
            type: PathPrefix
            value: shop
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
            value: /shop
      backendRefs:
        - name: web
          port: 80
`,
  },
  reads: ['customResourceDefinitions'],
  checkObject(obj, ctx) {
    reportCrdFindings('crd-cel', obj, ctx);
  },
};
