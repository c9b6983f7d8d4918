import { reportCrdFindings } from './crd-schema-support';
import type { Rule } from './rule';

/** A required field (without default) missing from a custom resource. */
export const crdSchemaRequired: Rule = {
  id: 'crd-schema-required',
  description:
    "A field that the custom resource's CRD schema requires is missing (and has no default); the API server rejects the object.",
  severity: 'error',
  docs: {
    why: 'The API server rejects a custom resource that lacks a field its CRD schema requires (and gives no default).',
    fails: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: public
spec:
  listeners:
    - name: http
      protocol: HTTP
      port: 80
`,
    fixed: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: public
spec:
  gatewayClassName: nginx
  listeners:
    - name: http
      protocol: HTTP
      port: 80
`,
  },
  reads: ['customResourceDefinitions'],
  checkObject(obj, ctx) {
    reportCrdFindings('crd-schema-required', obj, ctx);
  },
};
