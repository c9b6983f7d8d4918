import { isKustomizePatch } from '../model/kustomize';
import { isSchemaValidated, schemaFindings } from '../schema/validate';
import type { Rule } from './rule';

/** A field the built-in kind does not have (usually a misspelling): strict field validation rejects it. */
export const schemaUnknownField: Rule = {
  id: 'schema-unknown-field',
  description: 'A field that the Kubernetes kind does not have (often a misspelling, with a "did you mean"); the API server rejects it.',
  severity: 'error',
  fallback: true,
  appliesTo: isSchemaValidated,
  checkObject(obj, ctx) {
    let patch: boolean | undefined;
    for (const f of schemaFindings(obj)) {
      if (f.rule !== 'schema-unknown-field') continue;
      // Strategic-merge directives ($patch, $setElementOrder/...) belong in kustomize patches.
      if (f.key?.startsWith('$') && (patch ??= isKustomizePatch(ctx.workspace, obj))) continue;
      ctx.report({ at: f.at, message: f.message, fix: f.fix });
    }
  },
};
