import { reportCrdFindings } from './crd-schema-support';
import type { Rule } from './rule';

/** A value outside its field's enum in the CRD schema. */
export const crdSchemaEnum: Rule = {
  id: 'crd-schema-enum',
  description: "A value outside the enum of its field in the custom resource's CRD schema; the API server rejects it.",
  severity: 'error',
  reads: ['customResourceDefinitions'],
  checkObject(obj, ctx) {
    reportCrdFindings('crd-schema-enum', obj, ctx);
  },
};
