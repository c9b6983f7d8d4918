import { isSchemaValidated, schemaFindings } from '../schema/validate';
import type { Rule } from './rule';

/** A value of the wrong type for its field (`replicas: "3"`, `value: 123`, `memory: 512mb`): the API server cannot decode it. */
export const schemaType: Rule = {
  id: 'schema-type',
  description: 'A value of the wrong type for its field (a quoted number for an integer, a number or boolean for a string, an invalid quantity); the API server rejects it.',
  severity: 'error',
  fallback: true,
  appliesTo: isSchemaValidated,
  checkObject(obj, ctx) {
    for (const f of schemaFindings(obj)) if (f.rule === 'schema-type') ctx.report({ at: f.at, message: f.message, fix: f.fix });
  },
};
