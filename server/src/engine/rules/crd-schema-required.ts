import { reportCrdFindings } from './crd-schema-support';
import type { Rule } from './rule';

/** A required field (without default) missing from a custom resource. */
export const crdSchemaRequired: Rule = {
  id: 'crd-schema-required',
  description: "A field that the custom resource's CRD schema requires is missing (and has no default); the API server rejects the object.",
  severity: 'error',
  reads: ['customResourceDefinitions'],
  checkObject(obj, ctx) {
    reportCrdFindings('crd-schema-required', obj, ctx);
  },
};
