import { reportCrdFindings } from './crd-schema-support';
import type { Rule } from './rule';

/** A failing x-kubernetes-validations rule, on the node that fails it. */
export const crdCel: Rule = {
  id: 'crd-cel',
  description: "A CEL validation rule of the CRD (x-kubernetes-validations) that the custom resource fails, with the rule's message; the API server rejects it.",
  severity: 'error',
  reads: ['customResourceDefinitions'],
  checkObject(obj, ctx) {
    reportCrdFindings('crd-cel', obj, ctx);
  },
};
