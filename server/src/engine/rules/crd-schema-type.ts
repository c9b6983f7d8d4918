import { reportCrdFindings } from './crd-schema-support';
import type { Rule } from './rule';

/** A value whose JSON type is not the one the CRD schema gives its field. */
export const crdSchemaType: Rule = {
  id: 'crd-schema-type',
  description: "A value of the wrong type for its field in the custom resource's CRD schema (a quoted number for an integer, a list for a map); the API server rejects it.",
  severity: 'error',
  reads: ['customResourceDefinitions'],
  checkObject(obj, ctx) {
    reportCrdFindings('crd-schema-type', obj, ctx);
  },
};
