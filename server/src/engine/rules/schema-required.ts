import { getsKustomizeSelectorLabels, isKustomizePatch } from '../model/kustomize';
import { isSchemaValidated, schemaFindings } from '../schema/validate';
import type { Rule } from './rule';

/** A required field is missing (a container without `name`, a Deployment spec without `selector`). */
export const schemaRequired: Rule = {
  id: 'schema-required',
  description: 'A field that the Kubernetes kind requires is missing; reported on the key of the map that lacks it.',
  severity: 'error',
  docs: {
    why: 'The API server rejects an object that lacks a field its kind requires, such as the `port` of a Service port.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - targetPort: 8080
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
`,
  },
  fallback: true,
  appliesTo: isSchemaValidated,
  checkObject(obj, ctx) {
    const found = schemaFindings(obj).filter((f) => f.rule === 'schema-required');
    // A kustomize patch is partial on purpose: kustomize merges it into a complete object.
    if (found.length === 0 || isKustomizePatch(ctx.workspace, obj)) return;
    // A workload whose kustomization sets commonLabels gets its selector from kustomize.
    const selectorFromKustomize =
      found.some((f) => f.key === 'selector') && getsKustomizeSelectorLabels(ctx.workspace, obj);
    for (const f of found) {
      if (selectorFromKustomize && f.key === 'selector') continue;
      ctx.report({ at: f.at, message: f.message, fix: f.fix });
    }
  },
};
