import { isKustomizePatch } from '../model/kustomize';
import { isSchemaValidated, schemaFindings } from '../schema/validate';
import type { Rule } from './rule';

/** A field the built-in kind does not have (usually a misspelling): strict field validation rejects it. */
export const schemaUnknownField: Rule = {
  id: 'schema-unknown-field',
  description:
    'A field that the Kubernetes kind does not have (often a misspelling, with a "did you mean"); the API server rejects it.',
  severity: 'error',
  docs: {
    why: "The API server rejects fields the kind does not have (kubectl's strict field validation), and a misspelt field would otherwise be dropped without a word.",
    fails: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replica: 2
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
    let patch: boolean | undefined;
    for (const f of schemaFindings(obj)) {
      if (f.rule !== 'schema-unknown-field') continue;
      // Strategic-merge directives ($patch, $setElementOrder/...) belong in kustomize patches.
      if (f.key?.startsWith('$') && (patch ??= isKustomizePatch(ctx.workspace, obj))) continue;
      ctx.report({ at: f.at, message: f.message, fix: f.fix, choices: f.choices });
    }
  },
};
