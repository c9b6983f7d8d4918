import { crdFindings, servedVersion } from '../crd';
import type { CrdRuleId } from '../crd';
import type { K8sObject } from '../model/object';
import { isKustomizePatch } from '../model/kustomize';
import type { RuleContext } from './rule';

/** Reports one kind of finding of the CRD schema walk (shared by the crd-schema-* and crd-cel rules). */
export function reportCrdFindings(rule: CrdRuleId, obj: K8sObject, ctx: RuleContext): void {
  const cr = servedVersion(obj, ctx.workspace);
  if (!cr) return;
  const found = crdFindings(obj, cr.definition, cr.version).filter((f) => f.rule === rule);
  // A kustomize patch is partial on purpose: its missing fields, and the rules they make fail, come from the base.
  if (!found.length || ((rule === 'crd-schema-required' || rule === 'crd-cel') && isKustomizePatch(ctx.workspace, obj)))
    return;
  let patch: boolean | undefined;
  for (const f of found) {
    // Strategic-merge directives ($patch, $setElementOrder/...) belong in kustomize patches.
    if (f.key?.startsWith('$') && (patch ??= isKustomizePatch(ctx.workspace, obj))) continue;
    ctx.report({ at: f.at, message: f.message, fix: f.fix });
  }
}
