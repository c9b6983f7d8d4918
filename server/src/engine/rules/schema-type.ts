import { isSchemaValidated, schemaFindings } from '../schema/validate';
import type { Rule } from './rule';

/** A value of the wrong type for its field (`replicas: "3"`, `value: 123`, `memory: 512mb`): the API server cannot decode it. */
export const schemaType: Rule = {
  id: 'schema-type',
  description:
    'A value of the wrong type for its field (a quoted number for an integer, a number or boolean for a string, an invalid quantity); the API server rejects it.',
  severity: 'error',
  docs: {
    why: 'Each field has a type: the API server rejects a quoted number where an integer goes, a number where a string goes, or a string that is not a quantity.',
    fails: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "2"
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
  },
  fallback: true,
  appliesTo: isSchemaValidated,
  checkObject(obj, ctx) {
    for (const f of schemaFindings(obj))
      if (f.rule === 'schema-type') ctx.report({ at: f.at, message: f.message, fix: f.fix });
  },
};
