import { isSchemaValidated, schemaFindings } from '../schema/validate';
import type { Rule } from './rule';

/** A required field is missing (a container without `name`, a Deployment spec without `selector`). */
export const schemaRequired: Rule = {
  id: 'schema-required',
  description: 'A field that the Kubernetes kind requires is missing; reported on the key of the map that lacks it.',
  severity: 'error',
  fallback: true,
  appliesTo: isSchemaValidated,
  checkObject(obj, ctx) {
    for (const f of schemaFindings(obj)) if (f.rule === 'schema-required') ctx.report({ at: f.at, message: f.message, fix: f.fix });
  },
};
