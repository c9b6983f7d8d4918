/**
 * Kustomize patches look like Kubernetes objects but are partial on purpose (a Deployment patch that sets
 * only `spec.replicas`), and strategic-merge patches may hold directives (`$patch: delete`). The schema
 * rules must not ask them for required fields or call those directives unknown. A file is a patch when a
 * kustomization of the workspace applies it as one (the workload rules' kustomize facts), or when its name
 * says so (`patch-replicas.yaml`, `replicas.patch.yaml`, a `patches/` folder) — patches are often checked
 * without the kustomization that uses them.
 */
import type { K8sObject } from '../model/object';
import type { Workspace } from '../model/workspace';
import { isKustomizePatch as appliedAsPatch } from '../rules/workload-support';

const PATCH_NAME = /(^|[-_.])patch(es)?([-_.]|$)/i;
const PATCH_FOLDER = /(^|[\\/])patch(es)?[\\/]/i;

/** Whether an object is (part of) a kustomize patch rather than a complete object. */
export function isKustomizePatch(obj: K8sObject, ws: Workspace): boolean {
  const path = obj.file;
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const base = path.slice(slash + 1).replace(/\.ya?ml$/i, '');
  if (PATCH_NAME.test(base) || PATCH_FOLDER.test(path)) return true;
  return appliedAsPatch(ws, obj);
}
