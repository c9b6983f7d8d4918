import { reportCrdFindings } from './crd-schema-support';
import type { Rule } from './rule';

/** A field the CRD schema does not declare: strict field validation (kubectl's default) rejects it. */
export const crdSchemaUnknownField: Rule = {
  id: 'crd-schema-unknown-field',
  description: "A field that the custom resource's CRD schema does not declare (and does not preserve unknown fields for); the API server rejects it.",
  severity: 'error',
  reads: ['customResourceDefinitions'],
  checkObject(obj, ctx) {
    reportCrdFindings('crd-schema-unknown-field', obj, ctx);
  },
};
