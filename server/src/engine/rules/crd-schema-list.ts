import { reportCrdFindings } from './crd-schema-support';
import type { Rule } from './rule';

/** Duplicates in a list-type set or map: reported on the second occurrence. */
export const crdSchemaList: Rule = {
  id: 'crd-schema-list',
  description: "A duplicate item in a list the CRD schema declares a set, or two items with the same keys in a map list (x-kubernetes-list-type); the API server rejects it.",
  severity: 'error',
  reads: ['customResourceDefinitions'],
  checkObject(obj, ctx) {
    reportCrdFindings('crd-schema-list', obj, ctx);
  },
};
