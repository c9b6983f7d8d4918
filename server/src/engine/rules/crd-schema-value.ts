import { reportCrdFindings } from './crd-schema-support';
import type { Rule } from './rule';

/** A value that breaks a pattern, format, bound or size limit of the CRD schema. */
export const crdSchemaValue: Rule = {
  id: 'crd-schema-value',
  description:
    "A value that breaks its CRD schema's pattern, format, minimum/maximum, length or item count limits; the API server rejects it.",
  severity: 'error',
  docs: {
    why: 'The CRD schema bounds values (minimum and maximum, lengths, patterns, formats, item counts): the API server rejects a value outside them.',
    fails: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: public
spec:
  gatewayClassName: nginx
  listeners:
    - name: http
      protocol: HTTP
      port: 0
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
    reportCrdFindings('crd-schema-value', obj, ctx);
  },
};
