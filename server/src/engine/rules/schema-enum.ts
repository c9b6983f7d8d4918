import { isSchemaValidated, schemaFindings } from '../schema/validate';
import type { Rule } from './rule';

/** A value outside the field's fixed set (`imagePullPolicy: always`), compared in exact case. */
export const schemaEnum: Rule = {
  id: 'schema-enum',
  description:
    'A value that is not one of the values the field allows (exact case, with a suggestion); the API server rejects it.',
  severity: 'error',
  docs: {
    why: 'Fields with a fixed set of values accept them spelled exactly: the API server rejects any other.',
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      imagePullPolicy: always
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      imagePullPolicy: Always
`,
  },
  fallback: true,
  appliesTo: isSchemaValidated,
  checkObject(obj, ctx) {
    for (const f of schemaFindings(obj))
      if (f.rule === 'schema-enum') ctx.report({ at: f.at, message: f.message, fix: f.fix });
  },
};
