import { reportCrdFindings } from './crd-schema-support';
import type { Rule } from './rule';

/** Duplicates in a list-type set or map: reported on the second occurrence. */
export const crdSchemaList: Rule = {
  id: 'crd-schema-list',
  description:
    'A duplicate item in a list the CRD schema declares a set, or two items with the same keys in a map list (x-kubernetes-list-type); the API server rejects it.',
  severity: 'error',
  docs: {
    why: 'A list the CRD schema declares a set or a map (x-kubernetes-list-type) holds each item, or each key, once: the API server rejects duplicates.',
    fails: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: public
spec:
  gatewayClassName: nginx
  listeners:
    - name: http
      protocol: HTTP
      port: 80
    - name: http
      protocol: HTTP
      port: 8080
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
    - name: http-alt
      protocol: HTTP
      port: 8080
`,
  },
  reads: ['customResourceDefinitions'],
  checkObject(obj, ctx) {
    reportCrdFindings('crd-schema-list', obj, ctx);
  },
};
