import { reportCrdFindings } from './crd-schema-support';
import type { Rule } from './rule';

/** A value that breaks a pattern, format, bound or size limit of the CRD schema. */
export const crdSchemaValue: Rule = {
  id: 'crd-schema-value',
  description: "A value that breaks its CRD schema's pattern, format, minimum/maximum, length or item count limits; the API server rejects it.",
  severity: 'error',
  reads: ['customResourceDefinitions'],
  checkObject(obj, ctx) {
    reportCrdFindings('crd-schema-value', obj, ctx);
  },
};
